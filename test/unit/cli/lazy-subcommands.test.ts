/**
 * Start-up (issue 13): a subcommand loads what it needs and no more. The compiled modules (dist/,
 * what the library entry points ship; the test suites build it) run the command in a child process
 * with a module hook that logs every module loaded; the log is the evidence. bin/realmguard.js runs
 * the single-file bundle instead, where every subcommand is in the one file (see scripts/build.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SUBCOMMANDS, subcommandsFor } from '../../../cli/commands/table.ts';
import { spawnNode, spawnRealmguard } from '../../support/realmguard-process.ts';

const baseline = fileURLToPath(new URL('../../../baselines/hardened.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'realmguard-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// `node --import` the first file to log the URL of every module the process loads (the second
// holds the module hooks, which run in their own thread) to $REALMGUARD_MODULE_LOG.
const hook = join(dir, 'module-log.mjs');
writeFileSync(hook, "import { register } from 'node:module';\nregister('./module-log-hooks.mjs', import.meta.url);\n");
writeFileSync(
  join(dir, 'module-log-hooks.mjs'),
  [
    "import { appendFileSync } from 'node:fs';",
    'export async function load(url, context, nextLoad) {',
    '  appendFileSync(process.env.REALMGUARD_MODULE_LOG, `${url}\\n`);',
    '  return nextLoad(url, context);',
    '}',
    '',
  ].join('\n'),
);

// The compiled modules' main(), run as the command (dist/cli/main.js exports it).
const compiledMain = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));
const runner = join(dir, 'run-compiled.mjs');
writeFileSync(
  runner,
  `import { main } from ${JSON.stringify(compiledMain)};\nprocess.exitCode = await main(process.argv);\n`,
);

/** Runs the compiled realmguard ARGS and returns the URLs of the modules it loaded. */
async function modulesLoadedBy(args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const log = join(dir, `${args.join('_').replace(/\W+/g, '_')}.log`);
  const { code } = await spawnNode(['--import', hook, runner, ...args], {
    env: { ...process.env, REALMGUARD_MODULE_LOG: log, NO_COLOR: '1' },
  });
  return { code, modules: [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))] };
}

/** What check and validate must not load: the incident actions, the Keycloak connection and their packages. */
const NOT_FOR_OFFLINE_COMMANDS = [
  /\/incident\//,
  /\/keycloak\//,
  /\/node_modules\/p-retry\//,
  /\/node_modules\/cli-progress\//,
  /\/node_modules\/@pulumi\//,
  /keycloak-admin-client/,
];

describe('lazy subcommands', () => {
  it('picks the named subcommand only, and every one when none is named', () => {
    expect(subcommandsFor(['check', 'a.yaml']).map(({ name }) => name)).toEqual(['check']);
    expect(subcommandsFor(['incident', 'logout-user']).map(({ name }) => name)).toEqual(['incident']);
    for (const args of [[], ['--help'], ['help', 'check'], ['chekc']]) expect(subcommandsFor(args)).toBe(SUBCOMMANDS);
  });

  it.each([['check'], ['validate']])(
    '`realmguard %s` loads no incident, Keycloak-connection, Pulumi, p-retry or cli-progress module',
    async (name) => {
      const { code, modules } = await modulesLoadedBy([name, baseline]);
      expect(code).toBe(0);
      // The log holds what ran: the policies for check, the model for both.
      expect(modules.some((url) => url.includes('/model/'))).toBe(true);
      for (const pattern of NOT_FOR_OFFLINE_COMMANDS)
        expect(
          modules.filter((url) => pattern.test(url)),
          String(pattern),
        ).toEqual([]);
    },
  );

  it('`realmguard --help` still lists every subcommand', async () => {
    const { stdout } = await spawnRealmguard(['--help'], { env: process.env });
    for (const { name } of SUBCOMMANDS) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
  });
});
