/**
 * Property tests: thousands of generated and mutated documents through every loader. Whatever
 * the input, a loader either returns realms or throws InputError / InputErrors — never anything
 * else (no TypeError, no RangeError, no stack trace for the user).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { loadRealmText } from '../../../model/load.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { parseDuration } from '../../../model/durations.ts';
import type { LoadedRealm } from '../../../model/realm-settings.ts';
import { liveRealmFromAnswers } from '../../../model/live.ts';

type Outcome = { ok: true; realms: LoadedRealm[] } | { ok: false; error: InputError | InputErrors };

/** Runs a loader; anything but success or a typed input error fails the property. */
function outcome(run: () => LoadedRealm[]): Outcome {
  try {
    return { ok: true, realms: run() };
  } catch (error) {
    if (error instanceof InputError || error instanceof InputErrors) {
      const problems = error instanceof InputErrors ? error.errors : [error];
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem).toBeInstanceOf(InputError);
        expect(problem.location.file).toBeTruthy();
        expect(problem.format()).not.toContain('\n    at ');
      }
      return { ok: false, error };
    }
    throw error;
  }
}

const EXAMPLES = ['baselines/hardened.yaml', 'baselines/strict-fapi.yaml', 'baselines/weak-legacy.yaml'].map(
  (file) => ({ file, text: readFileSync(file, 'utf8') }),
);
const STOCK = { file: 'stock-realm.json', text: readFileSync('test/fixtures/exports/stock-realm.json', 'utf8') };

/** A small edit to a text: delete, insert, replace or duplicate a span. */
const mutation = (length: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(length), size: fc.integer({ min: 1, max: 40 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(length),
      text: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(
          ':',
          '- ',
          '"',
          "'",
          '{',
          '}',
          '[',
          ']',
          ',',
          '\n',
          '  ',
          '&a ',
          '*a',
          '!!binary ',
          '? ',
          '#',
          '\t',
          '5x',
          '-1',
          'null',
          'true',
        ),
      ),
    }),
    fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(length),
      text: fc.string({ minLength: 1, maxLength: 4 }),
    }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(length), size: fc.integer({ min: 1, max: 80 }) }),
  );

type Mutation =
  fc.Arbitrary<ReturnType<typeof mutation> extends fc.Arbitrary<infer T> ? T : never> extends fc.Arbitrary<infer U>
    ? U
    : never;

function apply(text: string, edit: Mutation): string {
  switch (edit.kind) {
    case 'delete':
      return text.slice(0, edit.at) + text.slice(edit.at + edit.size);
    case 'insert':
      return text.slice(0, edit.at) + edit.text + text.slice(edit.at);
    case 'replace':
      return text.slice(0, edit.at) + edit.text + text.slice(edit.at + edit.text.length);
    case 'duplicate':
      return (
        text.slice(0, edit.at + edit.size) + text.slice(edit.at, edit.at + edit.size) + text.slice(edit.at + edit.size)
      );
  }
}

describe('mutated documents: only typed errors', () => {
  for (const example of EXAMPLES) {
    it(`${example.file} with 1–3 random edits`, () => {
      fc.assert(
        fc.property(fc.array(mutation(example.text.length), { minLength: 1, maxLength: 3 }), (edits) => {
          const text = edits.reduce(apply, example.text);
          outcome(() => loadRealmText(text, example.file));
        }),
        { numRuns: 1_000 },
      );
    }, 60_000);
  }

  it('the stock realm export with 1–3 random edits', () => {
    fc.assert(
      fc.property(fc.array(mutation(STOCK.text.length), { minLength: 1, maxLength: 3 }), (edits) => {
        const text = edits.reduce(apply, STOCK.text);
        outcome(() => loadRealmText(text, STOCK.file));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('arbitrary values: only typed errors', () => {
  it('any JSON value, as JSON and as YAML, through every loader', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const json = JSON.stringify(value);
        const yaml = stringify(value);
        outcome(() => loadRealmText(json, 'any.json'));
        outcome(() => loadRealmText(yaml, 'any.yaml'));
        outcome(() => [loadBaselineText(yaml, 'any.yaml')]);
      }),
      { numRuns: 1_500 },
    );
  }, 60_000);

  it('any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('x.yaml', 'x.json', 'x'),
        (text, file) => {
          outcome(() => loadRealmText(text, file));
        },
      ),
      { numRuns: 2_000 },
    );
  }, 60_000);

  it('realm-shaped documents with random field values', () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('5m', '30d', 'S256', 'public', 'active', 'rsa-generated', 0, -1, 1e12, true),
    );
    const baselineLike = fc.record(
      {
        realm: fc.oneof(fc.string(), anyValue),
        profile: anyValue,
        tokens: fc.dictionary(
          fc.constantFrom(
            'accessTokenLifespan',
            'accessCodeLifespan',
            'revokeRefreshToken',
            'refreshTokenMaxReuse',
            'bogus',
          ),
          anyValue,
        ),
        sessions: fc.dictionary(
          fc.constantFrom('ssoSessionIdleTimeout', 'ssoSessionMaxLifespan', 'rememberMe', 'offlineSessionMaxLifespan'),
          anyValue,
        ),
        security: fc.record(
          {
            sslRequired: anyValue,
            bruteForce: fc.dictionary(fc.constantFrom('enabled', 'failureFactor', 'waitIncrement'), anyValue),
          },
          { requiredKeys: [] },
        ),
        keys: fc.record(
          {
            providers: fc.array(
              fc.dictionary(
                fc.constantFrom('name', 'type', 'state', 'keySize', 'secretSize', 'passiveSince'),
                anyValue,
              ),
              { maxLength: 3 },
            ),
            compromised: anyValue,
          },
          { requiredKeys: [] },
        ),
        clients: fc.array(
          fc.dictionary(
            fc.constantFrom(
              'clientId',
              'type',
              'pkce',
              'flows',
              'redirectUris',
              'lifespans',
              'attributes',
              'tokenBinding',
            ),
            anyValue,
          ),
          { maxLength: 3 },
        ),
        tokenVersionClaim: fc.dictionary(fc.constantFrom('attribute', 'claim', 'clients'), anyValue),
      },
      { requiredKeys: [] },
    );
    const exportLike = fc.record(
      {
        realm: fc.oneof(fc.string(), anyValue),
        accessTokenLifespan: anyValue,
        sslRequired: anyValue,
        clients: fc.array(
          fc.dictionary(
            fc.constantFrom('clientId', 'publicClient', 'attributes', 'redirectUris', 'protocolMappers'),
            anyValue,
          ),
          { maxLength: 3 },
        ),
        components: fc.record(
          {
            'org.keycloak.keys.KeyProvider': fc.array(
              fc.dictionary(fc.constantFrom('name', 'providerId', 'config', 'id'), anyValue),
              { maxLength: 3 },
            ),
          },
          { requiredKeys: [] },
        ),
        clientPolicies: anyValue,
        clientScopes: anyValue,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(baselineLike, exportLike, fc.array(exportLike, { maxLength: 3 })), (document) => {
        outcome(() => loadRealmText(stringify(document), 'doc.yaml'));
        outcome(() => loadRealmText(JSON.stringify(document), 'doc.json'));
      }),
      { numRuns: 1_500 },
    );
  }, 90_000);
});

describe('live admin-API answers: only typed errors', () => {
  it('arbitrary answers in roughly the right shape', () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom('RS256', 'rsa-generated', '2048', 'ACTIVE', true, 0),
    );
    const config = fc.dictionary(
      fc.constantFrom('priority', 'active', 'enabled', 'keySize', 'algorithm', 'certificate', 'secretSize'),
      fc.oneof(fc.array(fc.string(), { maxLength: 2 }), anyValue),
    );
    const answers = fc.record({
      realm: fc.oneof(
        fc.record(
          {
            realm: fc.oneof(fc.string(), anyValue),
            id: anyValue,
            accessTokenLifespan: anyValue,
            enabledEventTypes: anyValue,
          },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
      clients: fc.array(
        fc.dictionary(
          fc.constantFrom(
            'clientId',
            'id',
            'publicClient',
            'attributes',
            'redirectUris',
            'protocolMappers',
            'defaultClientScopes',
          ),
          anyValue,
        ),
        { maxLength: 3 },
      ),
      keyComponents: fc.array(
        fc.record(
          {
            id: anyValue,
            name: fc.oneof(fc.string(), anyValue),
            providerId: fc.oneof(fc.constantFrom('rsa-generated', 'hmac-generated', 'ecdsa-generated'), anyValue),
            config,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      keys: fc.array(
        fc.dictionary(fc.constantFrom('kid', 'providerId', 'algorithm', 'status', 'publicKey'), anyValue),
        { maxLength: 3 },
      ),
      clientScopes: fc.array(fc.dictionary(fc.constantFrom('name', 'protocolMappers'), anyValue), { maxLength: 2 }),
      defaultClientScopes: fc.array(anyValue, { maxLength: 2 }),
      clientPolicies: anyValue,
      clientProfiles: anyValue,
    });
    fc.assert(
      fc.property(answers, (answer) => {
        outcome(() => [liveRealmFromAnswers(answer, 'http://127.0.0.1/admin/realms/x')]);
      }),
      { numRuns: 2_000 },
    );
  }, 60_000);
});

describe('generated valid baselines always load, with their values', () => {
  const duration = fc.oneof(
    fc.integer({ min: 0, max: 10_000_000 }),
    fc
      .tuple(fc.integer({ min: 0, max: 500 }), fc.constantFrom('s', 'm', 'h', 'd', 'w'))
      .map(([amount, unit]) => `${amount}${unit}`),
  );
  const clientId = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
  const client = fc.record(
    {
      clientId,
      type: fc.constantFrom('confidential', 'public', 'bearer-only'),
      pkce: fc.constantFrom('S256', 'plain', 'none'),
      refreshTokens: fc.boolean(),
      tokenBinding: fc.constantFrom('none', 'dpop', 'mtls'),
      redirectUris: fc.uniqueArray(fc.webUrl(), { maxLength: 3 }),
      lifespans: fc.record({ accessToken: duration, clientSessionMax: duration }, { requiredKeys: [] }),
    },
    { requiredKeys: ['clientId'] },
  );
  const baseline = fc.record({
    realm: fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/),
    profile: fc.constantFrom('baseline', 'strict'),
    tokens: fc.record({ accessTokenLifespan: duration, revokeRefreshToken: fc.boolean() }),
    // Keycloak refuses a client session max above the realm's SSO max (model/constraints): the realm allows the longest one generated (500w).
    sessions: fc.record({
      ssoSessionIdleTimeout: duration,
      ssoSessionMaxLifespan: fc.constant('501w'),
      offlineSessionMaxLifespanEnabled: fc.boolean(),
    }),
    clients: fc.uniqueArray(client, { selector: (entry) => entry.clientId, maxLength: 4 }),
  });

  it('every generated baseline loads; durations become seconds; clients keep their options', () => {
    fc.assert(
      fc.property(baseline, (document) => {
        const result = outcome(() => loadRealmText(stringify(document), 'generated.yaml'));
        if (!result.ok) throw new Error(`a valid baseline was refused: ${result.error.message}`);
        const [realm] = result.realms;
        expect(realm!.profile).toBe(document.profile);
        expect(realm!.settings.accessTokenLifespan).toBe(parseDuration(document.tokens.accessTokenLifespan));
        expect(realm!.settings.ssoSessionIdleTimeout).toBe(parseDuration(document.sessions.ssoSessionIdleTimeout));
        expect(realm!.settings.clients.map((entry) => entry.clientId)).toEqual(
          document.clients.map((entry) => entry.clientId),
        );
        for (const [index, declared] of document.clients.entries()) {
          const loaded = realm!.settings.clients[index]!;
          expect(loaded.publicClient).toBe(declared.type === 'public');
          if (declared.tokenBinding)
            expect(loaded.attributes['dpop.bound.access.tokens']).toBe(String(declared.tokenBinding === 'dpop'));
          if (declared.lifespans?.accessToken !== undefined)
            expect(loaded.attributes['access.token.lifespan']).toBe(
              String(parseDuration(declared.lifespans.accessToken)),
            );
        }
      }),
      { numRuns: 1_000 },
    );
  }, 60_000);
});
