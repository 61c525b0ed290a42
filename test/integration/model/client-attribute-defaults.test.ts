/**
 * What the client attribute table (model/fields/client-attributes.ts) says about refresh tokens,
 * shown on the real server (26.7.3): Keycloak's key for refresh tokens on the client-credentials
 * grant is `client_credentials.use_refresh_token` (the diff used to judge
 * `use.refresh.tokens.client_credentials`, a key Keycloak ignores), absent it means 'false', and
 * an absent `use.refresh.tokens` means 'true'. The rows' keycloakDefault is what the diff compares
 * an absent attribute as, so it must be what Keycloak does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { CLIENT_ATTRIBUTES, type ClientAttributeRow } from '../../../model/fields/client-attributes.ts';
import { adminClient, createLoginUser, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const realm = uniqueRealmName('client-attributes');
const PASSWORD = 'attributes-pw-1234';

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm, enabled: true });
  await createLoginUser(admin, realm, 'alice', PASSWORD);
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

/** The token endpoint's answer: whether it issued a refresh token. */
async function issuesRefreshToken(form: Record<string, string>): Promise<boolean> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string; refresh_token?: string; error?: string };
  if (!body.access_token) throw new Error(`no token for ${form.client_id}: ${body.error ?? response.status}`);
  return body.refresh_token !== undefined;
}

async function setAttributes(id: string, attributes: Record<string, string>): Promise<void> {
  await admin.clients.update({ realm, id }, { attributes });
}

describe('refresh-token attributes on Keycloak 26.7', () => {
  it("client_credentials.use_refresh_token: absent means 'false', 'true' issues refresh tokens, the other spelling does nothing", async () => {
    const { id } = await admin.clients.create({
      realm,
      clientId: 'svc',
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
    });
    const { value: secret } = await admin.clients.getClientSecret({ realm, id });
    const grant = { grant_type: 'client_credentials', client_id: 'svc', client_secret: secret! };
    const row: ClientAttributeRow = CLIENT_ATTRIBUTES['client_credentials.use_refresh_token'];

    const stored = (await admin.clients.findOne({ realm, id }))?.attributes ?? {};
    expect(stored['client_credentials.use_refresh_token'] ?? row.keycloakDefault).toBe(row.keycloakDefault);
    expect(await issuesRefreshToken(grant)).toBe(row.keycloakDefault === 'true');

    await setAttributes(id, { 'use.refresh.tokens.client_credentials': 'true' });
    expect(await issuesRefreshToken(grant)).toBe(false);

    await setAttributes(id, { 'client_credentials.use_refresh_token': 'true' });
    expect(await issuesRefreshToken(grant)).toBe(true);
    // The row calls 'true' the risky position: it is the one that hands out a longer-lived credential.
    expect(row.diff).toMatchObject({ safeWhen: false });
  });

  it("use.refresh.tokens: absent means 'true', 'false' stops refresh tokens", async () => {
    const { id } = await admin.clients.create({
      realm,
      clientId: 'app',
      publicClient: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: true,
    });
    const grant = { grant_type: 'password', client_id: 'app', username: 'alice', password: PASSWORD };
    const row: ClientAttributeRow = CLIENT_ATTRIBUTES['use.refresh.tokens'];
    expect(await issuesRefreshToken(grant)).toBe(row.keycloakDefault === 'true');

    await setAttributes(id, { 'use.refresh.tokens': 'false' });
    expect(await issuesRefreshToken(grant)).toBe(false);
  });
});
