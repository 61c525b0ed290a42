/**
 * The failure messages, each from a real failure: wrong credentials (401), a service account
 * without manage-users (403 naming the role), unknown targets (404), nothing listening
 * (connection refused), a server that does not answer (timeout); and the retry rules.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, IncidentHttp, logoutUser, notBefore, rotateClientSecret } from '../../../incident/index.ts';
import { nextSecond, RealmFixture } from './support/realm-fixture.ts';
import { startProxy } from './support/recording-proxy.ts';

let fx: RealmFixture;
const BOT_SECRET = 'bot-secret-0123456789abcdef';
beforeAll(async () => {
  fx = await RealmFixture.create('incident-errors');
  await fx.createUser('erin');
  // A service account in the incident realm itself, allowed to view users but not to manage them.
  const { id } = await fx.kc.clients.create({
    realm: fx.realm,
    clientId: 'bot',
    publicClient: false,
    secret: BOT_SECRET,
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
  });
  const serviceUser = await fx.kc.clients.getServiceAccountUser({ realm: fx.realm, id });
  const realmManagement = await fx.clientUuid('realm-management');
  const viewUsers = await fx.kc.clients.findRole({ realm: fx.realm, id: realmManagement, roleName: 'view-users' });
  await fx.kc.users.addClientRoleMappings({
    realm: fx.realm,
    id: serviceUser.id!,
    clientUniqueId: realmManagement,
    roles: [{ id: viewUsers!.id!, name: 'view-users' }],
  });
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

function botContext(secret = BOT_SECRET, url = fx.url) {
  const http = new IncidentHttp(
    { url, authRealm: fx.realm, credentials: { grant: 'client_credentials', clientId: 'bot', clientSecret: secret } },
    { retries: 1, minRetryDelayMs: 20, timeoutMs: 2000 },
  );
  return createContext(http, fx.realm);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('error messages', () => {
  it('401: wrong service-account secret', async () => {
    const result = await logoutUser(botContext('wrong-secret-value'), { user: 'erin' });
    expect(result.ok).toBe(false);
    expect(result.error).toBe(
      `authentication failed: Keycloak refused client 'bot' (realm ${fx.realm}) (unauthorized_client: Invalid client or Invalid client credentials) — check KEYCLOAK_CLIENT_ID/KEYCLOAK_CLIENT_SECRET or KEYCLOAK_USER/KEYCLOAK_PASSWORD and KEYCLOAK_REALM`,
    );
  });

  it('403: a service account without manage-users is told the role it lacks', async () => {
    const result = await logoutUser(botContext(), { user: 'erin' });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(
      new RegExp(
        `^403 Forbidden for POST /admin/realms/${fx.realm}/users/[0-9a-f-]+/logout: client 'bot' \\(realm ${fx.realm}\\) lacks the realm-management role 'manage-users' for realm '${fx.realm}'`,
      ),
    );
  });

  it('403 on a read names the view role', async () => {
    const result = await rotateClientSecret(botContext(), { client: 'api' });
    expect(result.error).toMatch(/lacks the realm-management role 'view-clients'/);
  });

  it('404: unknown user, unknown client', async () => {
    expect((await logoutUser(fx.context(), { user: 'ghost' })).error).toBe(
      `unknown user 'ghost' in realm '${fx.realm}': no user has that username or id`,
    );
    expect((await notBefore(fx.context(), { client: 'ghost-client' })).error).toBe(
      `unknown client 'ghost-client' in realm '${fx.realm}': no client has that clientId`,
    );
  });

  it('connection refused', async () => {
    const port = await closedPort();
    const ctx = fx.context({ url: `http://127.0.0.1:${port}`, retries: 1 });
    const result = await logoutUser(ctx, { user: 'erin' });
    expect(result.error).toBe(
      `cannot connect to http://127.0.0.1:${port}: connection refused — is Keycloak running there, and is KEYCLOAK_URL right?`,
    );
  });

  it('timeout', async () => {
    const proxy = await startProxy(fx.url);
    proxy.fault = (request) => (request.path.includes('/admin/') ? 'hang' : 'pass');
    try {
      const result = await logoutUser(fx.context({ url: proxy.url, timeoutMs: 3000, retries: 0 }), { user: 'erin' });
      expect(result.error).toMatch(
        new RegExp(
          `^timeout: ${proxy.url} did not answer GET /admin/realms/${fx.realm}/users\\?username=erin&exact=true within 3000 ms`,
        ),
      );
    } finally {
      await proxy.close();
    }
  });
});

describe('client credentials', () => {
  it('a service account with the roles acts, and authenticates again once its token expires', async () => {
    const { id } = await fx.kc.clients.create({
      realm: fx.realm,
      clientId: 'responder',
      publicClient: false,
      secret: BOT_SECRET,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      // 16 s tokens: with the core's 15 s safety margin each is reused for about a second.
      attributes: { 'access.token.lifespan': '16' },
    });
    const serviceUser = await fx.kc.clients.getServiceAccountUser({ realm: fx.realm, id });
    const realmManagement = await fx.clientUuid('realm-management');
    const roles = await Promise.all(
      ['view-users', 'manage-users', 'view-realm', 'manage-realm'].map((roleName) =>
        fx.kc.clients.findRole({ realm: fx.realm, id: realmManagement, roleName }),
      ),
    );
    await fx.kc.users.addClientRoleMappings({
      realm: fx.realm,
      id: serviceUser.id!,
      clientUniqueId: realmManagement,
      roles: roles.map((role) => ({ id: role!.id!, name: role!.name! })),
    });
    const proxy = await startProxy(fx.url);
    try {
      const http = new IncidentHttp({
        url: proxy.url,
        authRealm: fx.realm,
        credentials: { grant: 'client_credentials', clientId: 'responder', clientSecret: BOT_SECRET },
      });
      const ctx = createContext(http, fx.realm);
      const tokenRequests = () =>
        proxy.log.filter(
          (request) => request.method === 'POST' && request.path.endsWith('/protocol/openid-connect/token'),
        ).length;
      await fx.login('erin');
      const first = await logoutUser(ctx, { user: 'erin' });
      expect(first.error).toBeUndefined();
      expect(first.ok).toBe(true);
      expect(tokenRequests()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const second = await logoutUser(ctx, { user: 'erin' });
      expect(second.ok).toBe(true);
      expect(tokenRequests()).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  it('acting on its own realm: a realm not-before outdates its own token; the 401 is answered by authenticating again', async () => {
    const [responder] = await fx.kc.clients.find({ realm: fx.realm, clientId: 'responder' });
    await fx.kc.clients.update(
      { realm: fx.realm, id: responder!.id! },
      { ...responder, attributes: { ...responder!.attributes, 'access.token.lifespan': '300' } },
    );
    const proxy = await startProxy(fx.url);
    try {
      const http = new IncidentHttp({
        url: proxy.url,
        authRealm: fx.realm,
        credentials: { grant: 'client_credentials', clientId: 'responder', clientSecret: BOT_SECRET },
      });
      const ctx = createContext(http, fx.realm);
      expect((await logoutUser(ctx, { user: 'erin' })).ok).toBe(true);
      await nextSecond();
      const own = await notBefore(ctx, {});
      expect(own.error).toBeUndefined();
      expect(own.ok).toBe(true);
      const after = await logoutUser(ctx, { user: 'erin' });
      expect(after.error).toBeUndefined();
      expect(after.ok).toBe(true);
      const statuses = proxy.log.filter((request) => request.path.endsWith('/protocol/openid-connect/token'));
      expect(statuses.length).toBe(2);
    } finally {
      await proxy.close();
    }
  });
});

describe('retries', () => {
  it('retries idempotent requests after 502 and connection resets', async () => {
    const proxy = await startProxy(fx.url);
    let failures = 0;
    // Fail the first two attempts of every admin GET and of the logout POST (declared idempotent).
    const seen = new Map<string, number>();
    proxy.fault = (request) => {
      if (!request.path.startsWith('/admin/')) return 'pass';
      const count = (seen.get(`${request.method} ${request.path}`) ?? 0) + 1;
      seen.set(`${request.method} ${request.path}`, count);
      if (count > 2) return 'pass';
      failures++;
      return count === 1 ? 'bad-gateway' : 'reset';
    };
    try {
      await fx.login('erin');
      const result = await logoutUser(fx.context({ url: proxy.url, retries: 3 }), { user: 'erin' });
      expect(result.error).toBeUndefined();
      expect(result.ok).toBe(true);
      expect(failures).toBeGreaterThan(4);
    } finally {
      await proxy.close();
    }
  });

  it('never retries the POST that generates a client secret', async () => {
    const proxy = await startProxy(fx.url);
    proxy.fault = (request) =>
      request.method === 'POST' && request.path.endsWith('/client-secret') ? 'bad-gateway' : 'pass';
    try {
      const result = await rotateClientSecret(fx.context({ url: proxy.url, retries: 3 }), { client: 'api' });
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/^502 for POST \/admin\/realms\/.+\/client-secret/);
      expect(
        proxy.log.filter((request) => request.method === 'POST' && request.path.endsWith('/client-secret')),
      ).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
