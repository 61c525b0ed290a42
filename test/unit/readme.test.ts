/** The README stays true: every command and every visible option of the CLI is documented in it. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/main.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function commands(command: Command, prefix = ''): Array<{ name: string; command: Command }> {
  return command.commands.flatMap((sub) => {
    const name = `${prefix} ${sub.name()}`.trim();
    return [{ name, command: sub }, ...commands(sub, name)];
  });
}

const program = await buildProgram();

describe('README', () => {
  const all = commands(program).filter(({ name }) => !name.endsWith(' help'));

  it.each(all.map(({ name, command }) => [name, command] as const))(
    'documents `realmguard %s` and each of its options',
    (name, command) => {
      const leaf = name.split(' ').at(-1) ?? name;
      expect(readme, `command ${name}`).toContain(leaf);
      const visible = command.options.filter((option) => !option.hidden && option.long && option.long !== '--help');
      for (const option of visible) {
        expect(readme, `${name} ${option.long}`).toContain(option.long as string);
      }
    },
  );

  it('names every npm script it tells people to run', () => {
    const scripts = Object.keys(
      (
        JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
          scripts: Record<string, string>;
        }
      ).scripts,
    );
    for (const match of readme.matchAll(/npm run ([\w:-]+)/g)) {
      expect(scripts, `npm run ${match[1]}`).toContain(match[1]);
    }
  });
});
