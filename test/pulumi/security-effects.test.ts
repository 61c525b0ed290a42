/**
 * The security effect of the applied settings on the real server, not just their values:
 * refresh-token rotation rejects a reused refresh token; an access token is inactive at
 * introspection once its lifespan has passed; sslRequired: all refuses plain http.
 */
import { describe, expect, it } from 'vitest';
import { adminClient, keycloak } from '../support/keycloak.ts';
import { addSelfAudience, realmguardProject } from './support/realmguard-project.ts';

const SECRET = 'effects-test-client-secret-0123456789';
const PASSWORD = 'Correct-Horse-Battery-42!';

function baseline(sslRequired: string): string {
  return `realm: placeholder
profile: baseline
tokens:
  accessTokenLifespan: 10s
  revokeRefreshToken: true
  refreshTokenMaxReuse: 0
security:
  sslRequired: ${sslRequired}
clients:
  - clientId: app
    type: confidential
    authenticator: client-secret
    flows: { standard: false, directAccessGrants: true }
`;
}

describe('security effects on the real server', () => {
  it('rotation rejects a reused refresh token; an expired access token is inactive; then sslRequired: all refuses http', async () => {
    const project = await realmguardProject('effects', baseline('external'));
    const realm = project.realm;
    try {
      expect(
        (await project.run(['config', 'set', '--secret', '--path', `realmguard:clientSecrets.${realm}.app`, SECRET]))
          .code,
      ).toBe(0);
      const up = await project.up();
      expect(up.code, up.stdout + up.stderr).toBe(0);
      await createUser(realm);
      await addSelfAudience(realm, 'app');

      const login = await token(realm, {
        grant_type: 'password',
        username: 'alice',
        password: PASSWORD,
        scope: 'openid',
      });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      const refreshToken = String(login.body.refresh_token);
      expect((await introspect(realm, String(login.body.access_token))).active).toBe(true);

      const firstUse = await token(realm, { grant_type: 'refresh_token', refresh_token: refreshToken });
      expect(firstUse.status, JSON.stringify(firstUse.body)).toBe(200);
      const reuse = await token(realm, { grant_type: 'refresh_token', refresh_token: refreshToken });
      expect(reuse.status).toBe(400);
      expect(reuse.body.error).toBe('invalid_grant');

      const fresh = await token(realm, { grant_type: 'password', username: 'alice', password: PASSWORD });
      expect((await introspect(realm, String(fresh.body.access_token))).active).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      expect(
        (await introspect(realm, String(fresh.body.access_token))).active,
        'access token after its 10 s lifespan',
      ).toBe(false);

      project.writeBaseline(baseline('all'));
      const strict = await project.up();
      expect(strict.code, strict.stdout + strict.stderr).toBe(0);
      const overHttp = await token(realm, { grant_type: 'password', username: 'alice', password: PASSWORD });
      expect(keycloak().url.startsWith('http://')).toBe(true);
      expect(overHttp.status).toBeGreaterThanOrEqual(400);
      expect(String(overHttp.body.error_description)).toMatch(/HTTPS required/i);
    } finally {
      await project.destroy();
    }
  });
});

async function token(
  realm: string,
  form: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'app', client_secret: SECRET, ...form }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function introspect(realm: string, accessToken: string): Promise<{ active?: boolean }> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token/introspect`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'app', client_secret: SECRET, token: accessToken }),
  });
  return (await response.json()) as { active?: boolean };
}

async function createUser(realm: string): Promise<void> {
  const admin = await adminClient();
  const { id } = await admin.users.create({
    realm,
    username: 'alice',
    email: 'alice@example.com',
    firstName: 'Alice',
    lastName: 'Example',
    emailVerified: true,
    enabled: true,
    credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
  });
  expect(id).toBeTruthy();
}
