/**
 * sessions, logout-session, logout-user against a real Keycloak: real password grants create
 * online and offline sessions; the actions end them; the refresh grant and introspection show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSessions, logoutSession, logoutUser } from '../../../incident/index.ts';
import type { UserSessions } from '../../../incident/user-sessions.ts';
import { RealmFixture } from './support/realm-fixture.ts';
import { startProxy, stateChanging } from './support/recording-proxy.ts';

let fx: RealmFixture;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-logout');
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

describe('sessions', () => {
  it("lists a user's online and offline sessions", async () => {
    await fx.createUser('sam');
    await fx.login('sam', 'web');
    await fx.login('sam', 'api', true);
    const result = await listSessions(fx.context(), { user: 'sam' });
    expect(result.ok).toBe(true);
    const data = result.data as UserSessions;
    // Keycloak 26 keeps no online session for a password grant with offline_access: only the offline one.
    expect(data.online).toHaveLength(1);
    expect(data.offline).toHaveLength(1);
    expect(data.offline[0]?.grant.clientId).toBe('api');
    expect(result.requests.every((request) => !request.changesState)).toBe(true);
  });
});

describe('logout-session', () => {
  it('ends one online session and leaves the other', async () => {
    const userId = await fx.createUser('olga');
    const first = await fx.login('olga');
    const second = await fx.login('olga');
    const sid = first.session_state!;
    const result = await logoutSession(
      fx.context({ suspect: { token: first.access_token, introspection: fx.introspector() } }),
      { user: 'olga', session: sid },
    );
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.evidence.map((item) => [item.check, item.status, item.detail])).toEqual([
      [`session ${sid} gone from the user's sessions`, 'pass', '0 left (ended: online)'],
      [expect.stringMatching(/^introspection of the access token of client web/), 'pass', 'active: true → false'],
      [`the token's session ${sid} for client web`, 'pass', 'gone'],
    ]);
    expect(await fx.refreshStatus(first.refresh_token)).toBe(400);
    expect(await fx.refreshStatus(second.refresh_token)).toBe(200);
    expect((await fx.sessionCounts(userId)).online).toBe(1);
  });

  it('ends an offline session', async () => {
    const userId = await fx.createUser('otto');
    await fx.login('otto', 'api', true);
    const listing = (await listSessions(fx.context(), { user: 'otto' })).data as UserSessions;
    const offlineSid = listing.offline[0]!.id;
    const offline = await fx.kc.users.listOfflineSessions({
      realm: fx.realm,
      id: userId,
      clientId: await fx.clientUuid('api'),
    });
    expect(offline).toHaveLength(1);
    const result = await logoutSession(fx.context(), { user: 'otto', session: offlineSid });
    expect(result.ok).toBe(true);
    expect(
      result.requests.some((request) => request.method === 'DELETE' && request.path.endsWith('isOffline=true')),
    ).toBe(true);
    expect((await fx.sessionCounts(userId)).offline).toBe(0);
  });

  it('names an unknown session', async () => {
    await fx.createUser('uma');
    const result = await logoutSession(fx.context(), { user: 'uma', session: 'no-such-session' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/unknown session 'no-such-session' for user 'uma'/);
  });
});

describe('logout-user', () => {
  it('ends online and offline sessions; refresh and introspection fail afterwards', async () => {
    const userId = await fx.createUser('alice');
    const online = await fx.login('alice', 'web');
    const offline = await fx.login('alice', 'api', true);
    expect(await fx.sessionCounts(userId)).toEqual({ online: 1, offline: 1 });
    const result = await logoutUser(
      fx.context({ suspect: { token: online.access_token, introspection: fx.introspector() } }),
      { user: 'alice' },
    );
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.evidence.find((item) => item.check === 'offline sessions left')?.status).toBe('pass');
    expect(result.evidence.find((item) => item.check.startsWith('introspection'))?.detail).toBe('active: true → false');
    expect(await fx.sessionCounts(userId)).toEqual({ online: 0, offline: 0 });
    expect(await fx.refreshStatus(online.refresh_token)).toBe(400);
    expect(await fx.refreshStatus(offline.refresh_token, 'api')).toBe(400);
    expect(await fx.active(offline.refresh_token)).toBe(false);
  });

  it('in a dry run lists the requests, sends none that change state, and changes nothing', async () => {
    const userId = await fx.createUser('dora');
    const tokens = await fx.login('dora', 'web');
    await fx.login('dora', 'api', true);
    const proxy = await startProxy(fx.url);
    try {
      const result = await logoutUser(fx.context({ dryRun: true, url: proxy.url }), { user: 'dora' });
      expect(result.ok).toBe(true);
      const held = result.requests
        .filter((request) => !request.sent)
        .map((request) => `${request.method} ${request.path}`);
      expect(held).toEqual([
        `POST /admin/realms/${fx.realm}/users/${userId}/logout`,
        `DELETE /admin/realms/${fx.realm}/users/${userId}/consents/api`,
      ]);
      expect(stateChanging(proxy.log)).toEqual([]);
      expect(proxy.log.some((request) => request.method === 'GET')).toBe(true);
    } finally {
      await proxy.close();
    }
    expect(await fx.sessionCounts(userId)).toEqual({ online: 1, offline: 1 });
    expect(await fx.refreshStatus(tokens.refresh_token)).toBe(200);
  });

  it('reports an unknown user as one clear line', async () => {
    const result = await logoutUser(fx.context(), { user: 'nobody-here' });
    expect(result.ok).toBe(false);
    expect(result.error).toBe(`unknown user 'nobody-here' in realm '${fx.realm}': no user has that username or id`);
  });

  it('reports an unknown user id as a 404', async () => {
    const result = await logoutUser(fx.context(), { user: '00000000-0000-0000-0000-000000000000' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/unknown user '00000000-0000-0000-0000-000000000000'/);
  });
});
