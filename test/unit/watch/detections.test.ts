/** The detections on events shaped like Keycloak 26.7's (test/integration/watch/keycloak-events.test.ts). */
import { describe, expect, it } from 'vitest';
import type { InputError } from '../../../model/errors.ts';
import { DEFAULT_WATCH_CONFIG, parseWatchConfig } from '../../../watch/config.ts';
import { detectorsFor } from '../../../watch/detections/index.ts';
import { toWatchEvent } from '../../../watch/event.ts';
import { RealmSnapshot } from '../../../watch/realm-snapshot.ts';

const user = (raw: Record<string, unknown>) =>
  toWatchEvent('user', 'shop', { id: `e${Math.random()}`, time: 1_000, realmId: 'x', ipAddress: '10.0.0.1', ...raw })!;

const replay = {
  type: 'REFRESH_TOKEN_ERROR',
  clientId: 'web',
  sessionId: 'sid-1',
  error: 'invalid_token',
  details: {
    reason: 'Maximum allowed refresh token reuse exceeded',
    grant_type: 'refresh_token',
    refresh_token_id: 'rt-1',
    refresh_token_sub: 'user-1',
    token_id: 'tok-1',
    code_id: 'code-1',
  },
};

const detect = (config = DEFAULT_WATCH_CONFIG) => detectorsFor(config, new RealmSnapshot('shop', undefined));

describe('event reduction', () => {
  it('keeps the reason and the user from refresh_token_sub, drops token and code ids', () => {
    const event = user(replay);
    expect(event.userId).toBe('user-1');
    expect(event.details).toEqual({
      reason: 'Maximum allowed refresh token reuse exceeded',
      grant_type: 'refresh_token',
      refresh_token_sub: 'user-1',
    });
  });

  it('refuses entries without id or time', () => {
    expect(toWatchEvent('user', 'shop', { type: 'LOGIN' })).toBeUndefined();
    expect(toWatchEvent('user', 'shop', { id: 'a', time: 'soon' })).toBeUndefined();
  });
});

describe('token misuse', () => {
  it('reports a replay naming user, client and session', () => {
    const event = user(replay);
    expect(detect()(event)).toEqual([
      expect.objectContaining({
        id: `refresh-token-replay:${event.id}`,
        kind: 'refresh-token-replay',
        severity: 'critical',
        user: 'user-1',
        client: 'web',
        session: 'sid-1',
        ipAddress: '10.0.0.1',
        eventIds: [event.id],
      }),
    ]);
  });

  it('reports use after logout and after not-before; other refresh errors are no detection', () => {
    const run = detect();
    expect(run(user({ ...replay, details: { reason: 'Session not active' } })).map((found) => found.kind)).toEqual([
      'token-after-logout',
    ]);
    expect(run(user({ ...replay, details: { reason: 'Stale token' } })).map((found) => found.kind)).toEqual([
      'token-after-not-before',
    ]);
    expect(run(user({ ...replay, details: { reason: 'Token is not active' } }))).toEqual([]);
  });
});

describe('login failures', () => {
  const failure = (time: number, username = 'ann', ip = '10.0.0.9') =>
    user({
      type: 'LOGIN_ERROR',
      time,
      userId: username,
      ipAddress: ip,
      error: 'invalid_user_credentials',
      details: { username },
    });

  it('reports a burst for one user once when it reaches the threshold, and again after the window emptied', () => {
    const run = detect({
      ...DEFAULT_WATCH_CONFIG,
      userFailures: { count: 3, windowSeconds: 60 },
      ipFailures: { count: 1000, windowSeconds: 60 },
    });
    const kinds = [0, 10_000, 20_000, 30_000, 200_000, 201_000, 202_000].map((time) =>
      run(failure(time)).map((found) => [found.kind, found.eventIds.length]),
    );
    expect(kinds).toEqual([[], [], [['login-failures-user', 3]], [], [], [], [['login-failures-user', 3]]]);
  });

  it('reports a burst from one address across users', () => {
    const run = detect({
      ...DEFAULT_WATCH_CONFIG,
      userFailures: { count: 1000, windowSeconds: 60 },
      ipFailures: { count: 3, windowSeconds: 60 },
    });
    const found = ['a', 'b', 'c'].flatMap((name, index) => run(failure(index, name, '192.0.2.7')));
    expect(found.map((detection) => [detection.kind, detection.ipAddress])).toEqual([
      ['login-failures-ip', '192.0.2.7'],
    ]);
  });

  it("reports Keycloak's lockout", () => {
    const found = detect()(
      user({
        type: 'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
        userId: 'u',
        details: { reason: 'brute_force_attack detected', num_failures: '3' },
      }),
    );
    expect(found.map((detection) => [detection.kind, detection.severity, detection.summary])).toEqual([
      ['brute-force-lockout', 'medium', 'Keycloak locked the user out temporarily after 3 login failures'],
    ]);
  });
});

describe('new address of a sensitive user', () => {
  it('learns the first address, reports a new one, ignores users not listed', () => {
    const run = detect({ ...DEFAULT_WATCH_CONFIG, sensitiveUsers: ['root-ops'] });
    const login = (username: string, ip: string) =>
      run(user({ type: 'LOGIN', userId: `id-${username}`, ipAddress: ip, details: { username } }));
    expect(login('root-ops', '10.0.0.1')).toEqual([]);
    expect(login('root-ops', '10.0.0.1')).toEqual([]);
    expect(login('root-ops', '203.0.113.5').map((found) => found.kind)).toEqual(['new-address-sensitive-user']);
    expect(login('someone', '10.0.0.1')).toEqual([]);
    expect(login('someone', '203.0.113.5')).toEqual([]);
  });
});

describe('admin changes', () => {
  const admin = (raw: Record<string, unknown>, time = 2_000) =>
    toWatchEvent('admin', 'shop', {
      id: `a${Math.random()}`,
      time,
      authDetails: { userId: 'admin-1', ipAddress: '198.51.100.2' },
      ...raw,
    })!;

  it('classifies a realm update against the snapshot and names the rule it breaks', () => {
    const snapshot = new RealmSnapshot('shop', {
      time: 1_000,
      realm: { realm: 'shop', accessTokenLifespan: 300 },
      clients: {},
    });
    const run = detectorsFor(DEFAULT_WATCH_CONFIG, snapshot);
    const found = run(
      admin({ operationType: 'UPDATE', resourceType: 'REALM', representation: '{"accessTokenLifespan":3600}' }),
    );
    expect(found.map((detection) => [detection.kind, detection.user, detection.ipAddress, detection.changes])).toEqual([
      [
        'admin-weakening',
        'admin-1',
        '198.51.100.2',
        [
          {
            setting: 'accessTokenLifespan',
            before: 300,
            after: 3600,
            effect: 'weakens',
            reason: expect.any(String) as unknown,
            rules: ['access-token-lifespan'],
          },
        ],
      ],
    ]);
    // The snapshot moved: the same value again is no change.
    expect(
      run(
        admin(
          { operationType: 'UPDATE', resourceType: 'REALM', representation: '{"accessTokenLifespan":3600}' },
          3_000,
        ),
      ),
    ).toEqual([]);
  });

  it('compares an event older than the snapshot with the defaults, and says so', () => {
    const snapshot = new RealmSnapshot('shop', {
      time: 5_000,
      realm: { realm: 'shop', accessTokenLifespan: 3600 },
      clients: {},
    });
    const [found] = detectorsFor(
      DEFAULT_WATCH_CONFIG,
      snapshot,
    )(admin({ operationType: 'UPDATE', resourceType: 'REALM', representation: '{"accessTokenLifespan":3600}' }, 1_000));
    expect(found?.summary).toMatch(/earlier state unknown: compared with Keycloak defaults/);
    expect(snapshot.realm().accessTokenLifespan).toBe(3600);
  });

  it('names key providers, secrets, disabled users and events switched off', () => {
    const run = detect();
    const kinds = [
      admin({
        operationType: 'CREATE',
        resourceType: 'COMPONENT',
        resourcePath: 'components/c1',
        representation: '{"providerType":"org.keycloak.keys.KeyProvider"}',
      }),
      admin({
        operationType: 'CREATE',
        resourceType: 'COMPONENT',
        resourcePath: 'components/c2',
        representation: '{"providerType":"org.keycloak.storage.UserStorageProvider"}',
      }),
      admin({
        operationType: 'ACTION',
        resourceType: 'CLIENT',
        resourcePath: 'clients/x/client-secret',
        representation: '{"type":"secret","value":"**********"}',
      }),
      admin({
        operationType: 'UPDATE',
        resourceType: 'USER',
        resourcePath: 'users/u',
        representation: '{"enabled":false}',
      }),
      admin({ operationType: 'UPDATE', resourceType: 'REALM', representation: '{"adminEventsEnabled":false}' }),
    ].flatMap((event) => run(event).map((found) => found.kind));
    // (No snapshot: adminEventsEnabled false is Keycloak's default, so the classification sees no change.)
    expect(kinds).toEqual(['key-provider-added', 'client-secret-regenerated', 'user-disabled', 'events-switched-off']);
  });
});

describe('watch config', () => {
  it('has defaults, takes a section, refuses unknown keys with file, line and key', () => {
    expect(parseWatchConfig('rules: {}\n', 'p.yaml')).toEqual(DEFAULT_WATCH_CONFIG);
    expect(parseWatchConfig('watch:\n  sensitiveUsers: [ops]\n', 'p.yaml').sensitiveUsers).toEqual(['ops']);
    const problem = (text: string) => {
      try {
        parseWatchConfig(text, 'p.yaml');
      } catch (error) {
        return (error as InputError).format();
      }
      return 'accepted';
    };
    expect(problem('watch:\n  respond:\n    refresh-token-replay: delete-realm\n')).toBe(
      'p.yaml:3:27: watch.respond.refresh-token-replay: must be one of contain-user, logout-user, disable-user — see the watch section in README.md',
    );
    expect(problem('watch:\n  thresholds: 3\n')).toBe(
      'p.yaml:2:15: watch.thresholds: Unexpected property — see the watch section in README.md',
    );
  });
});
