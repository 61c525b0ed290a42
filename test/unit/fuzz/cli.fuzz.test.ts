/**
 * Fuzz through the real command line: main(argv) of cli/main.ts (what bin/realmguard.js runs),
 * in this process. Fuzzed files (edited examples, realm exports with hostile names, arbitrary
 * bytes, deep nesting) under validate, check in every format and diff against a baseline, and fuzzed option lists. A crash
 * — an exit other than 0, 1 or 2, or any "internal error" — fails; so does a raw control or bidi
 * character in what a terminal would show.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdit, edit, hostileNumber, hostileString, RAW_CONTROL } from './arbitraries.ts';
import { crashOf, runMain, type CliRun } from './run-main.ts';
import { fuzz, timeout } from './settings.ts';

const dir = mkdtempSync(join(tmpdir(), 'realmguard-fuzz-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HARDENED = readFileSync('baselines/hardened.yaml', 'utf8');
const BASE = join(dir, 'base.yaml');
writeFileSync(BASE, HARDENED);
const WEAK = readFileSync('baselines/weak-legacy.yaml', 'utf8');

/** Realm exports whose names and values are hostile, but well-formed enough to reach the rules. */
const hostileExport = fc
  .record({
    realm: hostileString.filter((text) => text.length > 0),
    sslRequired: fc.constantFrom('none', 'external', 'all'),
    accessTokenLifespan: fc.oneof(fc.integer({ min: 0, max: 100_000 }), hostileNumber),
    clients: fc.uniqueArray(
      fc.record({
        clientId: hostileString.filter((text) => text.length > 0),
        publicClient: fc.boolean(),
        directAccessGrantsEnabled: fc.boolean(),
        redirectUris: fc.array(
          fc.oneof(hostileString, fc.constantFrom('*', 'https://*.example.com/*', 'http://app/cb')),
          { maxLength: 3 },
        ),
        attributes: fc.dictionary(
          fc.constantFrom('pkce.code.challenge.method', 'access.token.lifespan', 'use.refresh.tokens'),
          fc.oneof(hostileString, fc.constantFrom('plain', 'S256', '-1', '3600')),
        ),
      }),
      { selector: (client) => client.clientId, maxLength: 3 },
    ),
  })
  .map((document) => JSON.stringify(document));

const content: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: hostileExport },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(HARDENED, WEAK), fc.array(edit(HARDENED.length), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => edits.reduce(applyEdit, text)),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 90, max: 500 })
      .map((depth) => `{"realm": "deep", "clients": ${'['.repeat(depth)}${']'.repeat(depth)}}`),
  },
  { weight: 1, arbitrary: hostileString },
);
const extension = fc.constantFrom('.json', '.yaml', '');

const CONFIGS = {
  valid:
    'rules:\n  all: advisory\nsuppressions:\n  - { rule: password-grant, reason: "legacy \u001b[31m\u202e", entity: "a\u202eb", expires: 2020-01-01 }\n',
  broken: 'rules: [\n',
  deep: `rules: ${'['.repeat(5_000)}`,
  latin1: Buffer.from([0x72, 0x75, 0x6c, 0x65, 0x73, 0x3a, 0x20, 0xe9, 0x0a]),
} as const;
mkdirSync(join(dir, 'configs'));
for (const [name, text] of Object.entries(CONFIGS)) writeFileSync(join(dir, 'configs', `${name}.yaml`), text);

/** What a run printed for a terminal, minus our own ANSI colors (none: stdout is not a TTY here). */
function shownOf(run: CliRun): string {
  return (run.stdout + run.stderr).replace(/\n/g, '');
}

function expectNoCrash(run: CliRun, args: readonly string[], format?: string): void {
  const crash = crashOf(run);
  if (crash) throw new Error(`crash for ${JSON.stringify(args)}: ${crash}`);
  // JSON and SARIF keep the data (JSON escapes); what a human reads must show nothing raw.
  if (format !== 'json' && format !== 'sarif') expect(shownOf(run)).not.toMatch(RAW_CONTROL);
  else expect(run.stderr.replace(/\n/g, '')).not.toMatch(RAW_CONTROL);
}

describe('fuzz: files through main()', () => {
  it(
    'validate, check in every format and diff, any file',
    async () => {
      let index = 0;
      await fc.assert(
        fc.asyncProperty(
          content,
          extension,
          fc.constantFrom('validate', 'text', 'markdown', 'json', 'sarif', 'diff text', 'diff markdown', 'diff json'),
          async (text, ext, mode) => {
            const file = join(dir, `input-${index++ % 8}${ext}`);
            writeFileSync(file, text);
            const [command, format = 'text'] = mode.startsWith('diff') ? ['diff', mode.slice(5)] : [mode];
            const args =
              command === 'validate'
                ? ['validate', file]
                : command === 'diff'
                  ? ['diff', '--format', format, BASE, file]
                  : ['check', '--format', format, '--fail-on', 'none', file];
            const run = await runMain(args);
            expectNoCrash(run, args, format);
            expect([0, 2]).toContain(run.code); // --fail-on none: findings never exit 1
          },
        ),
        fuzz('cli: files through main()'),
      );
    },
    timeout(120_000),
  );
});

describe('fuzz: arguments through main()', () => {
  const file = join(dir, 'weak.yaml');
  writeFileSync(file, WEAK);
  const option = fc.oneof(
    fc.tuple(fc.constant('--format'), fc.oneof(fc.constantFrom('text', 'json', 'sarif', 'markdown'), hostileString)),
    fc.tuple(
      fc.constant('--fail-on'),
      fc.oneof(fc.constantFrom('critical', 'high', 'medium', 'low', 'info', 'none'), hostileString),
    ),
    fc.tuple(fc.constant('--profile'), fc.oneof(fc.constantFrom('baseline', 'strict'), hostileString)),
    fc.tuple(
      fc.constant('--config'),
      fc.constantFrom(
        ...Object.keys(CONFIGS).map((name) => join(dir, 'configs', `${name}.yaml`)),
        join(dir, 'configs', 'missing.yaml'),
        join(dir, 'configs'),
      ),
    ),
    fc.tuple(fc.constant('--output'), fc.constantFrom(join(dir, 'out.txt'), dir, join(dir, 'missing', 'out.txt'))),
    fc.constantFrom(['--help'], ['--version'], ['--'], ['-x'], ['--bogus']),
  );
  const files = fc.array(
    fc.oneof(
      fc.constant(file),
      hostileString.map((name) => join(dir, 'no-such', name)),
    ),
    { maxLength: 3 },
  );

  it(
    'validate and check with any option list',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('validate', 'check', 'nope'),
          fc.array(option, { maxLength: 4 }),
          files,
          async (command, options, paths) => {
            const args = [command, ...options.flat(), ...paths];
            const run = await runMain(args);
            expectNoCrash(
              run,
              args,
              options.some(([name, value]) => name === '--format' && (value === 'json' || value === 'sarif'))
                ? 'json'
                : undefined,
            );
          },
        ),
        fuzz('cli: arguments through main()'),
      );
    },
    timeout(120_000),
  );
});
