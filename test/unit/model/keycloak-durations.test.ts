/**
 * Issue 10 item 5: a negative or oversized duration in a realm export is flagged with what
 * Keycloak would do with it (TokenManager: -1 = as long as the SSO session, other negatives =
 * born expired; SessionExpirationUtils: zero or less = not set), by the loader, so `validate`
 * reports it (exit 2) and `check` never judges the realm by it.
 */
import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../../model/errors.ts';
import {
  CLIENT_DURATION_ATTRIBUTES,
  keycloakDurationProblem,
  REALM_DURATION_FIELDS,
} from '../../../model/durations.ts';
import { loadRealmText } from '../../../model/load.ts';
import { RealmRepresentationSchema } from '../../../model/export/schema.ts';
import { crashOf, runMain } from '../fuzz/run-main.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function problems(text: string): string[] {
  try {
    loadRealmText(text, 'realm.json');
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map((problem) => problem.format());
    throw error;
  }
  return [];
}

describe('negative durations, with Keycloak meaning', () => {
  it.each([
    [
      'accessTokenLifespan',
      -1,
      'realm.json:1:16: accessTokenLifespan: -1 makes Keycloak issue tokens that live as long as the SSO session (ssoSessionMaxLifespan)',
    ],
    ['accessTokenLifespan', -2, 'accessTokenLifespan: -2 makes Keycloak issue tokens that are already expired'],
    ['accessTokenLifespanForImplicitFlow', -1, 'live as long as the SSO session'],
    [
      'ssoSessionIdleTimeout',
      -1,
      'ssoSessionIdleTimeout: -1 is "not set" to Keycloak (zero or less): it uses its built-in default instead — write 0 for "not set"',
    ],
    ['offlineSessionMaxLifespan', -100, 'offlineSessionMaxLifespan: -100 is "not set" to Keycloak'],
    [
      'clientSessionIdleTimeout',
      -1,
      'clientSessionIdleTimeout: -1 is "not set" to Keycloak (zero or less): the realm\'s or SSO session\'s value applies instead',
    ],
    [
      'accessCodeLifespan',
      -1,
      'accessCodeLifespan: -1: a negative duration has no meaning realmguard knows of in Keycloak',
    ],
    [
      'ssoSessionMaxLifespan',
      2_147_483_648,
      'ssoSessionMaxLifespan: 2147483648 seconds is more than Keycloak can store (2147483647',
    ],
  ])('%s: %d', (field, value, expected) => {
    const found = problems(`{"realm": "x", "${field}": ${value}}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
  });

  it('client attributes: -1 on access.token.lifespan, "not set" on the session ones, each located', () => {
    const found = problems(
      JSON.stringify({
        realm: 'x',
        clients: [
          {
            clientId: 'app',
            attributes: {
              'access.token.lifespan': '-1',
              'client.session.max.lifespan': ' -7 ',
              'client.offline.session.idle.timeout': '',
            },
          },
        ],
      }),
    );
    expect(found).toEqual([
      expect.stringContaining(
        'realm.json:1:57: clients[0].attributes["access.token.lifespan"]: -1 makes Keycloak issue tokens that live as long as the SSO session',
      ),
      expect.stringContaining('clients[0].attributes["client.session.max.lifespan"]: -7 is "not set" to Keycloak'),
    ]);
  });

  it('0 and ordinary values pass; every flagged field is one the export schema reads', () => {
    expect(
      problems(
        '{"realm": "x", "accessTokenLifespan": 0, "ssoSessionIdleTimeout": 0, "clientSessionIdleTimeout": 0, "ssoSessionMaxLifespan": 36000}',
      ),
    ).toEqual([]);
    for (const field of Object.keys(REALM_DURATION_FIELDS))
      expect(RealmRepresentationSchema.properties).toHaveProperty(field);
    expect(Object.keys(CLIENT_DURATION_ATTRIBUTES)).toContain('access.token.lifespan');
    expect(keycloakDurationProblem(300, 'session-max')).toBeUndefined();
  });

  it('validate and check say so on the command line: exit 2, no internal error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'realmguard-durations-'));
    try {
      const file = join(dir, 'minus-one.json');
      await writeFile(file, '{"realm": "x", "accessTokenLifespan": -1}');
      for (const command of ['validate', 'check']) {
        const run = await runMain([command, file]);
        expect(crashOf(run)).toBeUndefined();
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(
          'minus-one.json:1:16: accessTokenLifespan: -1 makes Keycloak issue tokens that live as long as the SSO session',
        );
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
