/**
 * What kcwarden 0.18 reports on the weak full export that realmguard does not repeat, shown false
 * on Keycloak 26.7.3 (the map: docs/kcwarden-parity.md, "kcwarden findings we do not repeat"):
 * - ClientHasUndefinedBaseDomainAndSchema on Keycloak's own clients: their redirect URIs sit below
 *   rootUrl `${authBaseUrl}`, which Keycloak replaces with its own address — the URIs are defined.
 * - ClientWithOptionalOfflineAccessScope on broker and realm-management: bearer-only clients get
 *   no token at all, offline or not.
 * (PasswordHashingIterationsTooLow on `hashIterations(1000)`: without hashAlgorithm that is argon2
 * with 1000 iterations — parity-behaviour.test.ts shows hashIterations alone applies to argon2.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { adminClient, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KeycloakAdminClient;
const realm = uniqueRealmName('rg-kcw-alarms');

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm, enabled: true });
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
});

/** Keycloak's answer to an authorization request: its status and, on an error page, the reason. */
async function authorize(clientId: string, redirectUri: string): Promise<{ status: number; body: string }> {
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
  });
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/auth?${query.toString()}`, {
    redirect: 'manual',
  });
  return { status: response.status, body: await response.text() };
}

describe('kcwarden findings that Keycloak 26.7.3 shows false', () => {
  it('${authBaseUrl} is a defined base: the account console accepts redirects below its own address, and only those', async () => {
    const [account] = await admin.clients.find({ realm, clientId: 'account' });
    expect(account?.rootUrl).toBe('${authBaseUrl}');
    expect(account?.redirectUris).toEqual([`/realms/${realm}/account/*`]);
    const own = await authorize('account', `${keycloak().url}/realms/${realm}/account/`);
    expect(own.status).toBe(200);
    expect(own.body).not.toContain('Invalid parameter: redirect_uri');
    const foreign = await authorize('account', `https://evil.example/realms/${realm}/account/`);
    expect(foreign.body).toContain('Invalid parameter: redirect_uri');
  });

  it.each(['broker', 'realm-management'])(
    '%s is bearer-only: Keycloak issues it no token, offline or not',
    async (clientId) => {
      const [client] = await admin.clients.find({ realm, clientId });
      expect(client?.bearerOnly).toBe(true);
      expect(client?.optionalClientScopes).toContain('offline_access');
      const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, scope: 'offline_access' }),
      });
      const body = (await response.json()) as { access_token?: string; error?: string };
      expect(response.ok).toBe(false);
      expect(body.access_token).toBeUndefined();
      expect(body.error).toBeDefined();
    },
  );
});
