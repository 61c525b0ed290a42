/**
 * Fuzz: the parsers and the loaders of baselines and realm exports (YAML and JSON). Any text,
 * hostile structures (deep nesting, huge numbers, alias games, control characters in keys),
 * edited example files and generated documents: a loader returns realms or throws InputError /
 * InputErrors whose every line names the file and shows nothing raw — nothing else.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, it } from 'vitest';
import { loadRealmText } from '../../../model/load.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { applyEdit, edit, hostileJson, hostileNumber, hostileString, onlyInputErrors } from './arbitraries.ts';
import { breathe, fuzz, timeout } from './settings.ts';

const FILES = fc.constantFrom('x.yaml', 'x.json', 'x', 'x.yml', 'X.JSON');

const EXAMPLES = [
  'baselines/hardened.yaml',
  'baselines/strict-fapi.yaml',
  'baselines/weak-legacy.yaml',
  'test/fixtures/exports/stock-realm.json',
].map((file) => ({
  file,
  text: readFileSync(file, 'utf8'),
}));

describe('fuzz: parsing', () => {
  it(
    'any text, as JSON and as YAML',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 200 })),
          FILES,
          async (text, file) => {
            await breathe();
            onlyInputErrors(() => parseText(text, file));
          },
        ),
        fuzz('parse: any text, JSON or YAML'),
      );
    },
    timeout(30_000),
  );

  it(
    'hostile structures: deep nesting, huge numbers, anchors, odd keys',
    async () => {
      const structure = fc.oneof(
        fc
          .tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom('[', '{"a":', '- ', '{a: ', '[{"x":'))
          .map(([depth, open]) => open.repeat(depth)),
        fc
          .tuple(fc.integer({ min: 95, max: 105 }), fc.constantFrom(['[', ']'], ['{"a":', '}']))
          .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`),
        fc
          .tuple(hostileString, hostileNumber)
          .map(([key, number]) => `{"realm": "r", ${JSON.stringify(key)}: ${String(number)}}`),
        fc
          .tuple(
            hostileString,
            fc.constantFrom(
              '9223372036854775808',
              '-9223372036854775809',
              '1e400',
              '0x7fffffffffffffff',
              '.inf',
              '-.nan',
              '1_000',
            ),
          )
          .map(([key, number]) => `realm: r\n${JSON.stringify(key)}: ${number}\n`),
        fc
          .array(
            fc.constantFrom(
              'a: &a [x, x]\n',
              'b: &b [*a, *a]\n',
              'c: [*b, *b, *b]\n',
              '? [k]\n: v\n',
              '!!binary aGk=: 1\n',
              '<<: *a\n',
              'realm: r\n',
            ),
            { maxLength: 8 },
          )
          .map((lines) => lines.join('')),
      );
      await fc.assert(
        fc.asyncProperty(structure, FILES, async (text, file) => {
          await breathe();
          onlyInputErrors(() => loadRealmText(text, file));
        }),
        fuzz('parse: hostile structures'),
      );
    },
    timeout(60_000),
  );
});

describe('fuzz: loading', () => {
  it(
    'example baselines and the stock export, with 1–4 hostile edits',
    async () => {
      const example = fc.constantFrom(...EXAMPLES);
      const edited = example.chain((chosen) =>
        fc.tuple(fc.constant(chosen), fc.array(edit(chosen.text.length), { minLength: 1, maxLength: 4 })),
      );
      await fc.assert(
        fc.asyncProperty(edited, async ([chosen, edits]) => {
          await breathe();
          onlyInputErrors(() => loadRealmText(edits.reduce(applyEdit, chosen.text), chosen.file));
        }),
        fuzz('load: mutated examples'),
      );
    },
    timeout(90_000),
  );

  it(
    'generated documents in the shape of a baseline or an export, as JSON and as YAML',
    async () => {
      const value = fc.oneof(
        hostileJson,
        hostileNumber,
        hostileString,
        fc.constantFrom('5m', '-1', -1, 'S256', 'public', 'rsa-generated', 'active', 'none', true),
      );
      const keys = (names: string[]) =>
        fc.dictionary(fc.oneof(fc.constantFrom(...names), hostileString), value, { maxKeys: 5 });
      const baseline = fc.record(
        {
          realm: fc.oneof(hostileString, value),
          profile: value,
          tokens: keys(['accessTokenLifespan', 'revokeRefreshToken', 'refreshTokenMaxReuse']),
          sessions: keys(['ssoSessionIdleTimeout', 'ssoSessionMaxLifespan']),
          clients: fc.array(keys(['clientId', 'type', 'pkce', 'redirectUris', 'lifespans', 'attributes']), {
            maxLength: 3,
          }),
          keys: fc.record(
            { providers: fc.array(keys(['name', 'type', 'state', 'keySize']), { maxLength: 2 }) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      );
      const realmExport = fc.record(
        {
          realm: fc.oneof(hostileString, value),
          accessTokenLifespan: value,
          ssoSessionIdleTimeout: value,
          clients: fc.array(
            fc.record(
              {
                clientId: fc.oneof(hostileString, value),
                attributes: keys([
                  'access.token.lifespan',
                  'client.session.idle.timeout',
                  'pkce.code.challenge.method',
                ]),
                redirectUris: fc.oneof(fc.array(hostileString, { maxLength: 3 }), value),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
          components: fc.record(
            { 'org.keycloak.keys.KeyProvider': fc.array(keys(['name', 'providerId', 'config']), { maxLength: 2 }) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(baseline, realmExport, fc.array(realmExport, { maxLength: 3 })), async (document) => {
          await breathe();
          onlyInputErrors(() => loadRealmText(JSON.stringify(document), 'doc.json'));
          onlyInputErrors(() => loadRealmText(stringify(document), 'doc.yaml'));
        }),
        fuzz('load: generated documents'),
      );
    },
    timeout(90_000),
  );
});
