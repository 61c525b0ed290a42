/**
 * What the entity adapters assume about Keycloak, shown on the real server (26.7.3): the defaults
 * of a new SAML client (model/baseline/entities/saml-client-defaults.ts), of a new realm's default
 * role and user profile (model/entities/*), the default role's name in lower case, and that a
 * realm which never changed its profile exports no user-profile component.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import {
  KEYCLOAK_SAML_CLIENT_ATTRIBUTES,
  KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES,
  KEYCLOAK_SAML_OPTIONAL_CLIENT_SCOPES,
  KEYCLOAK_SAML_UNSET_ATTRIBUTES,
} from '../../../model/baseline/entities/saml-client-defaults.ts';
import { KEYCLOAK_DEFAULT_ROLE_COMPOSITES } from '../../../model/entities/access.ts';
import { KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES } from '../../../model/entities/authentication.ts';
import { USER_PROFILE_COMPONENT_TYPE } from '../../../model/export/entities-schema.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
// Upper case on purpose: Keycloak names the default role after the realm in lower case.
const realm = `${uniqueRealmName('entity-defaults')}-UP`;

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm, enabled: true }); // nothing else
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm });
});

describe('Keycloak 26 defaults the entity adapters rely on', () => {
  it('a SAML client created with only its clientId has the attributes and scopes a baseline SAML client gets', async () => {
    await admin.clients.create({ realm, clientId: 'https://sp.example.com/metadata', protocol: 'saml' });
    const [client] = await admin.clients.find({ realm, clientId: 'https://sp.example.com/metadata' });
    const attributes = client?.attributes ?? {};
    // Only the saml.* attributes the model reads; the generated keys and certificates are never printed.
    for (const [attribute, value] of Object.entries(KEYCLOAK_SAML_CLIENT_ATTRIBUTES))
      expect({ attribute, value: attributes[attribute] as unknown }).toEqual({ attribute, value });
    for (const attribute of KEYCLOAK_SAML_UNSET_ATTRIBUTES)
      expect({ attribute, value: attributes[attribute] as unknown }).toEqual({ attribute, value: undefined });
    expect([...(client?.defaultClientScopes ?? [])].sort()).toEqual([...KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES].sort());
    expect(client?.optionalClientScopes ?? []).toEqual(KEYCLOAK_SAML_OPTIONAL_CLIENT_SCOPES);
  });

  it('the default role is default-roles-<realm in lower case> and holds KEYCLOAK_DEFAULT_ROLE_COMPOSITES', async () => {
    const read = await admin.realms.findOne({ realm });
    expect(read?.defaultRole?.name).toBe(`default-roles-${realm.toLowerCase()}`);
    const composites = await admin.roles.getCompositeRoles({ realm, id: read!.defaultRole!.id! });
    const clients = await admin.clients.find({ realm });
    const clientIdOf = new Map(clients.map((client) => [client.id, client.clientId]));
    const refs = composites.map((role) =>
      role.clientRole ? { client: clientIdOf.get(role.containerId), name: role.name } : { name: role.name },
    );
    const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '');
    expect(refs.sort(byName)).toEqual([...KEYCLOAK_DEFAULT_ROLE_COMPOSITES].sort(byName));
  });

  it("a realm that never changed its user profile runs Keycloak's default one and exports no profile component", async () => {
    const profile = await admin.users.getProfile({ realm });
    expect(profile.unmanagedAttributePolicy).toBeUndefined();
    expect((profile.attributes ?? []).map((attribute) => attribute.name)).toEqual(
      KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES,
    );
    const exported = (await admin.realms.export({ realm, exportClients: false, exportGroupsAndRoles: false })) as {
      components?: Record<string, unknown>;
    };
    expect(exported.components).toBeDefined(); // the premise: an export always writes components
    expect(exported.components?.[USER_PROFILE_COMPONENT_TYPE]).toBeUndefined();
  });
});
