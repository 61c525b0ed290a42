/**
 * revoke-token, not-before and logout-realm against a real Keycloak: tokens from real grants
 * are revoked or outdated, and refresh and introspection answer that they are dead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, IncidentHttp, logoutRealm, notBefore, revokeToken } from '../../../incident/index.ts';
import { API_SECRET, nextSecond, RealmFixture } from './support/realm-fixture.ts';
import { startProxy, stateChanging } from './support/recording-proxy.ts';

let fx: RealmFixture;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-revoke');
  for (const name of ['rita', 'rolf', 'rosa', 'nina', 'nils', 'lara', 'levi']) await fx.createUser(name);
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

describe('revoke-token', () => {
  it("revokes a public client's refresh token; introspection by a confidential client says inactive", async () => {
    const tokens = await fx.login('rita', 'web');
    const result = await revokeToken(fx.context(), { token: tokens.refresh_token, introspection: fx.introspector() });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    // Keycloak 26 introspects no refresh token for anyone: the tool says so instead of claiming a proof.
    expect(result.evidence.map((item) => [item.status, item.check])).toEqual([
      ['unverified', expect.stringMatching(/^introspection of the refresh token of client web/)],
      ['pass', `the token's session ${tokens.session_state} for client web`],
    ]);
    expect(await fx.refreshStatus(tokens.refresh_token)).toBe(400);
    expect(await fx.active(tokens.refresh_token)).toBe(false);
  });

  it("revokes a confidential client's offline token with the client's secret (and introspects with it)", async () => {
    const tokens = await fx.login('rolf', 'api', true);
    const result = await revokeToken(fx.context(), { token: tokens.refresh_token, clientSecret: API_SECRET });
    expect(result.ok).toBe(true);
    expect(result.targets[0]?.name).toMatch(/^offline token of client api/);
    expect(result.evidence.find((item) => item.check.startsWith("the token's offline session"))?.status).toBe('pass');
    expect(await fx.refreshStatus(tokens.refresh_token, 'api')).toBe(400);
  });

  it('revokes an access token: introspection answers inactive', async () => {
    const tokens = await fx.login('rosa', 'api');
    expect(await fx.active(tokens.access_token)).toBe(true);
    const result = await revokeToken(fx.context(), {
      token: tokens.access_token,
      clientSecret: API_SECRET,
      introspection: fx.introspector(),
    });
    expect(result.ok).toBe(true);
    expect(result.evidence).toContainEqual({
      check: expect.stringMatching(/^introspection of the access token of client api/) as unknown,
      status: 'pass',
      detail: 'active: true → false',
    });
    expect(await fx.active(tokens.access_token)).toBe(false);
  });

  it('refuses a token of another client and a wrong secret, in one line each', async () => {
    const tokens = await fx.login('rosa', 'web');
    const other = await revokeToken(fx.context(), {
      token: tokens.refresh_token,
      clientId: 'api',
      clientSecret: API_SECRET,
    });
    expect(other.ok).toBe(false);
    expect(other.error).toMatch(/issued to client 'web', not 'api'/);
    const apiTokens = await fx.login('rosa', 'api');
    const wrong = await revokeToken(fx.context(), {
      token: apiTokens.refresh_token,
      clientSecret: 'wrong-secret-value',
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.error).toMatch(
      /^Keycloak refused the revocation by client 'api' \(unauthorized_client|invalid_client/,
    );
    expect(await fx.refreshStatus(apiTokens.refresh_token, 'api')).toBe(200);
  });

  it('marks the effect unverified when it has neither an introspecting client nor admin access', async () => {
    const tokens = await fx.login('rita', 'web');
    const ctx = fx.context();
    const anonymous = createContext(new IncidentHttp({ url: ctx.http.config.url, authRealm: 'master' }), fx.realm);
    const result = await revokeToken(anonymous, { token: tokens.refresh_token });
    expect(result.ok).toBe(true);
    expect(result.evidence.map((item) => [item.status, item.detail])).toEqual([
      ['unverified', expect.stringMatching(/pass --introspect-client-id/)],
    ]);
    expect(await fx.refreshStatus(tokens.refresh_token)).toBe(400);
  });
});

describe('not-before', () => {
  it('for one client: its tokens fail, another client keeps working', async () => {
    const api = await fx.login('nina', 'api');
    const web = await fx.login('nina', 'web');
    await nextSecond();
    const result = await notBefore(
      fx.context({ suspect: { token: api.refresh_token, introspection: fx.introspector() } }),
      { client: 'api' },
    );
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.evidence.map((item) => [item.check, item.status])).toEqual([
      ['client api not-before push: clients reached', 'pass'],
      ['client api not-before', 'pass'],
      [expect.stringMatching(/^the refresh token of client api .* was issued before not-before$/), 'pass'],
      [expect.stringMatching(/^introspection of the refresh token/), 'unverified'],
    ]);
    expect(await fx.refreshStatus(api.refresh_token, 'api')).toBe(400);
    expect(await fx.refreshStatus(web.refresh_token, 'web')).toBe(200);
  });

  it('for the realm: every earlier token fails', async () => {
    const web = await fx.login('nils', 'web');
    await nextSecond();
    const result = await notBefore(fx.context(), {});
    expect(result.ok).toBe(true);
    expect(await fx.refreshStatus(web.refresh_token)).toBe(400);
    const later = await fx.login('nils', 'web');
    expect(await fx.refreshStatus(later.refresh_token)).toBe(200);
  });

  it('dry run: sends only reads, the realm not-before stays', async () => {
    const before = (await fx.kc.realms.findOne({ realm: fx.realm }))?.notBefore;
    const proxy = await startProxy(fx.url);
    try {
      await nextSecond();
      const result = await notBefore(fx.context({ dryRun: true, url: proxy.url }), {});
      expect(result.requests.map((request) => `${request.method} ${request.path} ${request.sent}`)).toEqual([
        `PUT /admin/realms/${fx.realm} false`,
        `POST /admin/realms/${fx.realm}/push-revocation false`,
      ]);
      expect(stateChanging(proxy.log)).toEqual([]);
    } finally {
      await proxy.close();
    }
    expect((await fx.kc.realms.findOne({ realm: fx.realm }))?.notBefore).toBe(before);
  });
});

describe('logout-realm', () => {
  it('ends every session (offline too) and reports the clients whose push failed', async () => {
    const lara = await fx.login('lara', 'web');
    const levi = await fx.login('levi', 'api', true);
    // A client with an admin URL nobody listens on: Keycloak's logout push to it must fail and be reported.
    await fx.kc.clients.create({
      realm: fx.realm,
      clientId: 'legacy-adapter',
      adminUrl: 'http://127.0.0.1:9/',
      publicClient: false,
      secret: 'legacy-secret-123456',
    });
    await nextSecond();
    const result = await logoutRealm(fx.context());
    expect(result.error).toBeUndefined();
    const push = result.evidence.find((item) => item.check === 'not-before push: clients reached');
    expect(push?.status).toBe('fail');
    expect(push?.detail).toContain('http://127.0.0.1:9');
    expect(result.ok).toBe(false);
    expect(result.evidence.find((item) => item.check === 'sessions left in the realm')).toEqual({
      check: 'sessions left in the realm',
      status: 'pass',
      detail: '0 online, 0 offline',
    });
    expect(result.evidence.find((item) => item.check === 'realm not-before')?.status).toBe('pass');
    expect(await fx.refreshStatus(lara.refresh_token)).toBe(400);
    expect(await fx.refreshStatus(levi.refresh_token, 'api')).toBe(400);
    const stats = await fx.kc.realms.getClientSessionStats({ realm: fx.realm });
    expect(stats.filter((stat) => Number(stat.active) + Number(stat.offline) > 0)).toEqual([]);
  });
});
