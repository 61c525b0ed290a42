/**
 * Start-up (issue 13): a subcommand loads what it needs and no more. The compiled modules (dist/,
 * what the library entry points ship; the test suites build it) run the command in a child process
 * with a module hook that logs every module loaded; the log is the evidence. bin/realmguard.js runs
 * the bundle, split by esbuild into one chunk per subcommand plus shared chunks (scripts/build.ts):
 * the same hook shows which chunks a command reads, and the chunks' contents what they hold.
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
const bin = fileURLToPath(new URL('../../../bin/realmguard.js', import.meta.url));
writeFileSync(
  runner,
  `import { main } from ${JSON.stringify(compiledMain)};\nprocess.exitCode = await main(process.argv);\n`,
);

/** Runs the compiled realmguard ARGS (the modules, or the bundle through bin/) and returns the URLs of the modules it loaded. */
async function modulesLoadedBy(args: string[], script = runner): Promise<{ code: number | null; modules: string[] }> {
  const log = join(dir, `${script === runner ? 'modules' : 'bundle'}-${args.join('_').replace(/\W+/g, '_')}.log`);
  const { code } = await spawnNode(['--import', hook, script, ...args], {
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

/** The source files bundled into the dist/ files among `modules`: esbuild heads each one's code with a comment naming it. */
function filesHeldBy(modules: string[]): string[] {
  const read = modules.filter((url) => url.startsWith('file:') && url.includes('/dist/'));
  return read.flatMap((url) => readFileSync(fileURLToPath(url), 'utf8').match(/^\/\/ \S+$/gm) ?? []);
}

describe('lazy subcommands', () => {
  it('picks the named subcommand only, and every one when none is named', () => {
    expect(subcommandsFor(['check', 'a.yaml']).map(({ name }) => name)).toEqual(['check']);
    expect(subcommandsFor(['incident', 'logout-user']).map(({ name }) => name)).toEqual(['incident']);
    for (const args of [[], ['--help'], ['help', 'check'], ['chekc']]) expect(subcommandsFor(args)).toBe(SUBCOMMANDS);
    for (const args of [['--version'], ['-V']]) expect(subcommandsFor(args)).toEqual([]);
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

  it.each([['check'], ['validate']])(
    'the bundle: `realmguard %s` reads its own chunk and shared ones, none holding incident, Keycloak-connection, Pulumi, p-retry or cli-progress code',
    async (name) => {
      const { code, modules } = await modulesLoadedBy([name, baseline], bin);
      expect(code).toBe(0);
      const chunks = modules.filter((url) => url.includes('/dist/command/'));
      const subcommandChunks = chunks.map((url) => /\/dist\/command\/([a-z]+)-[A-Z0-9]+\.mjs$/.exec(url)?.[1]);
      expect(subcommandChunks.filter((chunk) => chunk !== undefined && chunk !== 'chunk')).toEqual([name]);
      const held = filesHeldBy(modules);
      expect(held.some((line) => line.includes('dist/model/'))).toBe(true);
      for (const pattern of NOT_FOR_OFFLINE_COMMANDS)
        expect(
          held.filter((line) => pattern.test(line)),
          String(pattern),
        ).toEqual([]);
    },
  );

  it('the bundle: `realmguard incident` reads the incident chunk, which holds the actions', async () => {
    const { modules } = await modulesLoadedBy(['incident', '--help'], bin);
    const chunks = modules.filter((url) => url.includes('/dist/command/'));
    expect(chunks.some((url) => /\/incident-[A-Z0-9]+\.mjs$/.test(url))).toBe(true);
    expect(chunks.some((url) => /\/(check|watch|audit)-[A-Z0-9]+\.mjs$/.test(url))).toBe(false);
    expect(filesHeldBy(modules).some((line) => /dist\/incident\//.test(line))).toBe(true);
  });

  it('the bundle: `realmguard --version` prints the version and reads no subcommand chunk', async () => {
    const { code, modules } = await modulesLoadedBy(['--version'], bin);
    expect(code).toBe(0);
    expect(
      modules.filter((url) => /\/dist\/command\/[a-z]+-[A-Z0-9]+\.mjs$/.test(url) && !url.includes('/chunk-')),
    ).toEqual([]);
    const { stdout } = await spawnRealmguard(['--version'], { env: process.env });
    const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(stdout.trim()).toBe(version);
  });

  it('`realmguard --help` still lists every subcommand', async () => {
    const { stdout } = await spawnRealmguard(['--help'], { env: process.env });
    for (const { name } of SUBCOMMANDS) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
  });
});
