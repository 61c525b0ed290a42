/**
 * Fuzz: the policy config file (policies/config.ts) and the journal reader behind --resume
 * (incident/journal.ts doneInputs, used read-only here). Any text, generated configs and damaged
 * journals: a config is read or refused with InputError; a journal gives the inputs done or an
 * InputError naming the damaged line — and a journal of good lines gives exactly their inputs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { doneInputs } from '../../../incident/journal.ts';
import { parsePolicyConfig } from '../../../policies/config.ts';
import { allRules } from '../../../policies/rules/index.ts';
import { hostileJson, hostileNumber, hostileString, onlyInputErrors } from './arbitraries.ts';
import { breathe, fuzz, timeout } from './settings.ts';

const RULE_IDS = allRules.map((rule) => rule.id);

describe('fuzz: policy config', () => {
  it(
    'any text',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            hostileString,
            fc.string({ unit: 'binary', maxLength: 300 }),
            fc.integer({ min: 1, max: 300 }).map((depth) => `rules: ${'['.repeat(depth)}`),
          ),
          async (text) => {
            await breathe();
            onlyInputErrors(() => parsePolicyConfig(text, 'config.yaml'));
          },
        ),
        fuzz('config: any text'),
      );
    },
    timeout(30_000),
  );

  it(
    'generated configs: rules, levels, parameters and suppressions of every type',
    async () => {
      const value = fc.oneof(
        hostileJson,
        hostileNumber,
        hostileString,
        fc.constantFrom(
          'advisory',
          'mandatory',
          'disabled',
          'remediate',
          600,
          -1,
          [],
          ['a'],
          '2027-01-31',
          '2027-02-30',
        ),
      );
      const ruleId = fc.oneof(fc.constantFrom(...RULE_IDS, 'all'), hostileString);
      const ruleSetting = fc.oneof(
        value,
        fc.dictionary(
          fc.oneof(fc.constantFrom('enforcementLevel', 'max', 'min', 'profiles', 'required'), hostileString),
          value,
          { maxKeys: 3 },
        ),
      );
      const suppression = fc.dictionary(
        fc.oneof(fc.constantFrom('rule', 'entity', 'realm', 'reason', 'expires'), hostileString),
        fc.oneof(value, fc.constantFrom(...RULE_IDS)),
        { maxKeys: 6 },
      );
      const config = fc.record(
        {
          rules: fc.oneof(fc.dictionary(ruleId, ruleSetting, { maxKeys: 4 }), value),
          suppressions: fc.oneof(fc.array(suppression, { maxLength: 3 }), value),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(config, fc.dictionary(hostileString, value, { maxKeys: 3 })), async (document) => {
          await breathe();
          onlyInputErrors(() => parsePolicyConfig(stringify(document), 'config.yaml'));
        }),
        fuzz('config: generated configs'),
      );
    },
    timeout(30_000),
  );
});

describe('fuzz: the journal reader (--resume)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-fuzz-journal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const goodEntry = fc.record({
    time: fc.constant('2026-11-30T12:00:00.000Z'),
    actor: fc.constant('admin'),
    server: fc.constant('http://127.0.0.1:8080'),
    realm: fc.constantFrom('shop', 'other'),
    action: fc.constantFrom('logout-user', 'disable-user'),
    input: fc.option(hostileString, { nil: undefined }),
    targets: fc.array(fc.record({ type: fc.constantFrom('user', 'client'), id: hostileString, name: hostileString }), {
      maxLength: 2,
    }),
    result: fc.constantFrom('ok', 'failed', 'dry-run'),
    evidence: fc.constant([]),
    requests: fc.constant([]),
  });
  const line = fc.oneof(
    { weight: 4, arbitrary: goodEntry.map((entry) => JSON.stringify(entry)) },
    { weight: 1, arbitrary: hostileJson.map((entry) => (JSON.stringify(entry) as string | undefined) ?? 'null') },
    {
      weight: 1,
      arbitrary: goodEntry.chain((entry) =>
        fc
          .record({ key: fc.constantFrom('targets', 'input', 'result', 'action', 'realm'), value: hostileJson })
          .map(({ key, value }) => JSON.stringify({ ...entry, [key]: value })),
      ),
    },
    { weight: 1, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        '   ',
        '{',
        '[]',
        'null',
        '{"targets": 5}',
        '{"targets": [null, 1, "x"]}',
        '\ufeff{}',
      ),
    },
  );

  it(
    'damaged journals: the inputs done, or one InputError naming the line',
    async () => {
      let index = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.boolean(), async (lines, finalNewline) => {
          await breathe();
          const file = join(dir, `journal-${index++ % 16}.jsonl`);
          writeFileSync(file, lines.join('\n') + (finalNewline ? '\n' : ''));
          const done = onlyInputErrors(() => doneInputs(file, 'logout-user', 'shop'));
          if (done instanceof Set) {
            // Every input of an ok line of this action and realm is among the inputs done.
            for (const text of lines) {
              let entry: unknown;
              try {
                entry = JSON.parse(text);
              } catch {
                continue;
              }
              const typed = entry as { action?: unknown; realm?: unknown; result?: unknown; input?: unknown } | null;
              if (
                typed &&
                typed.action === 'logout-user' &&
                typed.realm === 'shop' &&
                typed.result === 'ok' &&
                typeof typed.input === 'string'
              )
                expect(done.has(typed.input)).toBe(true);
            }
          }
        }),
        fuzz('journal: damaged journals'),
      );
    },
    timeout(30_000),
  );
});
