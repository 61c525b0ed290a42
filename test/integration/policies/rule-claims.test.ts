/**
 * What the rules' `why` texts say about Keycloak's behaviour, shown on the real server: each
 * test names the rule whose text it backs. (Redirect matching has its own file.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KeycloakAdminClient;
const realm = uniqueRealmName('rg-claims');
const USER = { username: 'claims-user', password: 'claims-pw-1234' };
const REALM_ACCESS_TOKEN_LIFESPAN = 300;
const CLIENT_ACCESS_TOKEN_LIFESPAN = 3600;

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({
    realm,
    enabled: true,
    revokeRefreshToken: true,
    refreshTokenMaxReuse: 0,
    accessTokenLifespan: REALM_ACCESS_TOKEN_LIFESPAN,
  });
  const client = (clientId: string, extra: Record<string, unknown> = {}) =>
    admin.clients.create({
      realm,
      clientId,
      publicClient: true,
      directAccessGrantsEnabled: true,
      redirectUris: ['https://app.example.com/cb'],
      ...extra,
    });
  await client('any-origin', { webOrigins: ['*'] });
  await client('long-tokens', { attributes: { 'access.token.lifespan': String(CLIENT_ACCESS_TOKEN_LIFESPAN) } });
  const { id: offlineDefaultId } = await client('offline-by-default');
  const offline = (await admin.clientScopes.find({ realm })).find((scope) => scope.name === 'offline_access')!;
  await admin.clients.delOptionalClientScope({ realm, id: offlineDefaultId, clientScopeId: offline.id! });
  await admin.clients.addDefaultClientScope({ realm, id: offlineDefaultId, clientScopeId: offline.id! });
  await admin.users.create({
    realm,
    username: USER.username,
    enabled: true,
    email: 'claims@example.com',
    emailVerified: true,
    firstName: 'Claims',
    lastName: 'User',
    credentials: [{ type: 'password', value: USER.password, temporary: false }],
  });
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
});

interface TokenAnswer {
  status: number;
  allowOrigin: string | null;
  body: { access_token?: string; refresh_token?: string; error?: string; error_description?: string };
}

async function token(form: Record<string, string>, origin?: string): Promise<TokenAnswer> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: origin ? { origin } : {},
    body: new URLSearchParams(form),
  });
  return {
    status: response.status,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    body: (await response.json()) as TokenAnswer['body'],
  };
}

const passwordGrant = (clientId: string, origin?: string) =>
  token({ grant_type: 'password', client_id: clientId, username: USER.username, password: USER.password }, origin);
const refresh = (clientId: string, refreshToken: string) =>
  token({ grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });
const claims = (jwt: string | undefined) =>
  JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Keycloak behaves as the rule texts say', () => {
  it("web-origins-wildcard: webOrigins '*' lets any web site read the token endpoint's answers", async () => {
    const answer = await passwordGrant('any-origin', 'https://evil.example');
    expect(answer.status).toBe(200);
    expect(answer.allowOrigin).toBe('https://evil.example');
  });

  it("client-token-lifespan: a client's access.token.lifespan overrides the realm's", async () => {
    const { body } = await passwordGrant('long-tokens');
    const { exp, iat } = claims(body.access_token) as { exp: number; iat: number };
    expect(exp - iat).toBe(CLIENT_ACCESS_TOKEN_LIFESPAN);
    const { body: realmDefault } = await passwordGrant('any-origin');
    const other = claims(realmDefault.access_token) as { exp: number; iat: number };
    expect(other.exp - other.iat).toBe(REALM_ACCESS_TOKEN_LIFESPAN);
  });

  it('refresh-token-rotation: with rotation, reusing an old refresh token fails and revokes the newer one too', async () => {
    const first = await passwordGrant('any-origin');
    const second = await refresh('any-origin', first.body.refresh_token!);
    expect(second.status).toBe(200);
    const replay = await refresh('any-origin', first.body.refresh_token!);
    expect([replay.status, replay.body.error]).toEqual([400, 'invalid_grant']);
    const afterReplay = await refresh('any-origin', second.body.refresh_token!);
    expect([afterReplay.status, afterReplay.body.error]).toEqual([400, 'invalid_grant']);
  });

  it('offline-access-default: as a default scope, offline_access makes every login an offline token, asked for or not', async () => {
    const { body } = await passwordGrant('offline-by-default');
    expect(claims(body.refresh_token).typ).toBe('Offline');
    const { body: optional } = await passwordGrant('any-origin');
    expect(claims(optional.refresh_token).typ).toBe('Refresh');
  });

  it("ssl-required: 'external' accepts plain HTTP from the loopback address, 'all' refuses it", async () => {
    expect(await admin.realms.findOne({ realm })).toMatchObject({ sslRequired: 'external' });
    expect((await passwordGrant('any-origin')).status).toBe(200);
    await admin.realms.update({ realm }, { sslRequired: 'all' });
    try {
      const refused = await passwordGrant('any-origin');
      expect([refused.status, refused.body.error_description]).toEqual([403, 'HTTPS required']);
    } finally {
      await admin.realms.update({ realm }, { sslRequired: 'external' });
    }
  });

  it('security-headers: the login page sends anti-framing, HSTS and no-sniff headers by default', async () => {
    const query = new URLSearchParams({
      client_id: 'any-origin',
      response_type: 'code',
      redirect_uri: 'https://app.example.com/cb',
    });
    const page = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/auth?${query.toString()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
