/** Pure parts of the results: journal entries, redaction, token labels, versions, key names, baseline edits, bulk runs. */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { currentVersion } from '../../../incident/actions/bump-token-version.ts';
import { defaultProviderName, successorProviderId } from '../../../incident/actions/rotate-keys.ts';
import { disabledClientEdit, keyRotationEdit } from '../../../incident/baseline-edit.ts';
import { runBulk } from '../../../incident/bulk.ts';
import { SecretRegistry } from '../../../keycloak/secrets.ts';
import { journalEntry } from '../../../incident/journal.ts';
import type { ActionResult } from '../../../incident/result.ts';
import { decodeClaims, tokenLabel } from '../../../incident/tokens.ts';

function result(overrides: Partial<ActionResult> = {}): ActionResult {
  return {
    action: 'logout-user',
    realm: 'shop',
    dryRun: false,
    ok: true,
    targets: [{ type: 'user', name: 'alice', id: 'u1' }],
    requests: [],
    evidence: [],
    limits: [],
    notes: [],
    ...overrides,
  };
}

function jwt(payload: object): string {
  return `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
}

describe('journal entries', () => {
  it('carry who, what, where, result and evidence, and list requests as method + path', () => {
    const entry = journalEntry(
      result({
        requests: [
          { method: 'POST', path: '/admin/realms/shop/users/u1/logout', changesState: true, sent: true },
          { method: 'DELETE', path: '/admin/realms/shop/users/u1/consents/app', changesState: true, sent: false },
        ],
        evidence: [{ check: 'online sessions left', status: 'pass', detail: '0' }],
      }),
      {
        actor: "client 'bot' (realm master)",
        server: 'https://sso',
        input: 'alice',
        time: new Date('2026-01-02T03:04:05Z'),
      },
    );
    expect(entry).toEqual({
      time: '2026-01-02T03:04:05.000Z',
      actor: "client 'bot' (realm master)",
      server: 'https://sso',
      realm: 'shop',
      action: 'logout-user',
      input: 'alice',
      targets: [{ type: 'user', name: 'alice', id: 'u1' }],
      result: 'ok',
      evidence: [{ check: 'online sessions left', status: 'pass', detail: '0' }],
      requests: [
        'POST /admin/realms/shop/users/u1/logout',
        'DELETE /admin/realms/shop/users/u1/consents/app (not sent: dry run)',
      ],
    });
    expect(journalEntry(result({ ok: false, error: 'boom' }), { actor: 'a', server: 's' })).toMatchObject({
      result: 'failed',
      error: 'boom',
    });
    expect(journalEntry(result({ dryRun: true }), { actor: 'a', server: 's' }).result).toBe('dry-run');
  });

  it('never carry the data field (where a shown secret would sit)', () => {
    const entry = journalEntry(result({ data: { newSecret: 'super-secret-value' } }), { actor: 'a', server: 's' });
    expect(JSON.stringify(entry)).not.toContain('super-secret-value');
  });
});

describe('SecretRegistry', () => {
  it('redacts every registered secret, however short (issue 10: a 7-character password echoed by a server stayed readable)', () => {
    const secrets = new SecretRegistry();
    secrets.add('eyJ.long-token-value');
    secrets.add('abc');
    secrets.add('pw1');
    secrets.add('');
    secrets.add(undefined);
    expect(secrets.redact('Bearer eyJ.long-token-value and abc, password pw1')).toBe(
      'Bearer [redacted] and [redacted], password [redacted]',
    );
    expect(secrets.has('x eyJ.long-token-value')).toBe(true);
    expect(secrets.has('x abc')).toBe(true);
  });

  it('replaces the longest secret first, so a short one inside a token leaves nothing of the token', () => {
    const secrets = new SecretRegistry();
    secrets.add('tok');
    secrets.add('xx-tok-yy-long-token');
    expect(secrets.redact('a xx-tok-yy-long-token b tok')).toBe('a [redacted] b [redacted]');
  });
});

describe('token labels', () => {
  it('reads claims without trusting them and labels without revealing', () => {
    const claims = decodeClaims(jwt({ typ: 'Offline', azp: 'app', sub: 'u1', sid: 's1', exp: 5, iat: 1, jti: 'j' }));
    expect(claims).toEqual({ typ: 'Offline', azp: 'app', sub: 'u1', sid: 's1', exp: 5, iat: 1, jti: 'j' });
    expect(tokenLabel(claims)).toBe('offline token of client app for subject u1');
    expect(tokenLabel(decodeClaims(jwt({ typ: 'Bearer' })))).toBe('access token');
    expect(decodeClaims('opaque-token')).toBeUndefined();
    expect(tokenLabel(undefined)).toBe('opaque token');
  });
});

describe('token version', () => {
  it('starts at 0, reads whole numbers, refuses anything else', () => {
    expect(currentVersion(undefined, 'token_version')).toBe(0);
    expect(currentVersion(['7'], 'token_version')).toBe(7);
    expect(() => currentVersion(['seven'], 'token_version')).toThrow(
      "attribute 'token_version' holds 'seven', not a whole number",
    );
  });
});

describe('key rotation', () => {
  it('chooses a generated successor of the same kind', () => {
    expect(successorProviderId('rsa-generated', 'RSA')).toBe('rsa-generated');
    expect(successorProviderId('rsa', 'RSA')).toBe('rsa-generated');
    expect(successorProviderId('java-keystore', 'EC')).toBe('ecdsa-generated');
    expect(successorProviderId(undefined, 'OCT')).toBe('hmac-generated');
    expect(defaultProviderName('rsa-generated', new Date('2026-11-21T15:04:05Z'))).toBe(
      'rsa-generated-20261121-150405',
    );
  });

  it('prints the baseline edit: old key retired and compromised, new key declared', () => {
    const edit = keyRotationEdit('shop', {
      old: { name: 'rsa-2025', providerId: 'rsa-generated', state: 'retired', kid: 'k1' },
      created: { name: 'rsa-2026', providerId: 'rsa-generated', priority: 200, algorithm: 'RS256', keySize: 3072 },
      compromised: true,
    });
    expect(edit.split('\n')[0]).toMatch(/^# realm shop: the compromised key is gone/);
    expect(parse(edit)).toEqual({
      keys: {
        providers: [
          { name: 'rsa-2025', type: 'rsa-generated', state: 'retired' },
          {
            name: 'rsa-2026',
            type: 'rsa-generated',
            state: 'active',
            priority: 200,
            algorithm: 'RS256',
            keySize: 3072,
          },
        ],
        compromised: ['rsa-2025', 'k1'],
      },
    });
    const routine = parse(
      keyRotationEdit(
        'shop',
        {
          old: { name: 'rsa-2025', providerId: 'rsa-generated', priority: 100, keySize: 3072, state: 'passive' },
          created: { name: 'rsa-2026', providerId: 'rsa-generated', priority: 200 },
          compromised: false,
        },
        new Date('2026-11-21T00:00:00Z'),
      ),
    ) as { keys: { providers: unknown[]; compromised?: unknown } };
    expect(routine.keys.providers[0]).toEqual({
      name: 'rsa-2025',
      type: 'rsa-generated',
      state: 'passive',
      priority: 100,
      keySize: 3072,
      passiveSince: '2026-11-21',
    });
    expect(routine.keys.compromised).toBeUndefined();
  });

  it('prints the baseline edit for a disabled client', () => {
    expect(parse(disabledClientEdit('shop', 'partner'))).toEqual({
      clients: [{ clientId: 'partner', enabled: false }],
    });
  });
});

describe('runBulk', () => {
  it('bounds concurrency, skips resumed inputs, lists failures in list order', async () => {
    let running = 0;
    let peak = 0;
    const summary = await runBulk(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      async (input) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5 + (input.charCodeAt(0) % 3) * 5));
        running--;
        return result({
          ok: input !== 'e' && input !== 'b',
          ...(input === 'b' ? { error: 'unknown user b' } : {}),
          evidence: input === 'e' ? [{ check: 'online sessions left', status: 'fail', detail: '1' }] : [],
        });
      },
      { concurrency: 2, skip: new Set(['c']) },
    );
    expect(peak).toBe(2);
    expect(summary).toMatchObject({
      total: 6,
      ok: 3,
      skipped: ['c'],
      failed: [
        { input: 'b', error: 'unknown user b' },
        { input: 'e', error: 'online sessions left: 1' },
      ],
    });
    expect(summary.results.map((entry) => entry.input)).toEqual(['a', 'b', 'd', 'e', 'f']);
  });

  it('refuses a concurrency below 1', async () => {
    await expect(runBulk(['a'], async () => result(), { concurrency: 0 })).rejects.toThrow(
      /concurrency must be a whole number of at least 1/,
    );
  });
});
