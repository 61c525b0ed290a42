/**
 * full-scope-allowed judges SAML clients too: on Keycloak 26.7.3 a SAML client with full scope
 * allowed has every realm role of the user in its scope, and its default `role list` mapper puts
 * the roles in scope into the assertion; without full scope its scope holds no role at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KeycloakAdminClient;
let userId: string;
const realm = uniqueRealmName('rg-saml-scope');

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm, enabled: true });
  await admin.roles.create({ realm, name: 'payroll-admin' });
  const { id } = await admin.users.create({ realm, username: 'payroll-clerk', enabled: true });
  const role = await admin.roles.findOneByName({ realm, name: 'payroll-admin' });
  await admin.users.addRealmRoleMappings({ realm, id, roles: [{ id: role!.id!, name: 'payroll-admin' }] });
  userId = id;
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
});

async function samlClient(fullScopeAllowed: boolean): Promise<string> {
  const { id } = await admin.clients.create({
    realm,
    clientId: `https://sp-${String(fullScopeAllowed)}.example.com/saml`,
    protocol: 'saml',
    fullScopeAllowed,
  });
  return id;
}

/** The SAML response Keycloak would send the client for the user (the admin console's "evaluate" tab). */
async function exampleAssertion(id: string, userId: string): Promise<string> {
  return JSON.stringify(await admin.clients.evaluateGenerateSamlResponse({ realm, id, userId, scope: '' }));
}

describe('full-scope-allowed on a SAML client', () => {
  it('puts every realm role into the assertion with full scope, none without it', async () => {
    const full = await samlClient(true);
    const narrow = await samlClient(false);
    const mappers = await admin.clients.evaluateListProtocolMapper({ realm, id: full, scope: '' });
    // The endpoint answers ProtocolMapperEvaluationRepresentation (mapperName…), not the type the admin client declares.
    expect(mappers.map((mapper) => (mapper as { mapperName?: string }).mapperName)).toContain('role list');
    expect(await exampleAssertion(full, userId)).toContain('payroll-admin');
    expect(await exampleAssertion(narrow, userId)).not.toContain('payroll-admin');
  });
});
