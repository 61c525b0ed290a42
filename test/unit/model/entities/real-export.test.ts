/**
 * The adapters on what Keycloak 26.7.3 itself wrote: test/fixtures/exports/entities/entities-export.json
 * is the export of entities-realm.ts after the server imported it (export-entities-realm.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRealmFile } from '../../../../model/load.ts';
import { positionOf, type LoadedRealm } from '../../../../model/realm-settings.ts';

const FIXTURE = 'test/fixtures/exports/entities/entities-export.json';

async function load(): Promise<LoadedRealm> {
  const [realm] = await loadRealmFile(FIXTURE);
  if (!realm)
    throw new Error(
      `${FIXTURE} holds no realm: regenerate it with test/fixtures/exports/entities/export-entities-realm.ts`,
    );
  return realm;
}

describe('Keycloak 26.7.3 export of the entities realm → model', () => {
  it('identity providers: config as stored, the secret left out, the mapper on its IdP, the custom first-login flow', async () => {
    const providers = (await load()).settings.identityProviders!;
    const byAlias = Object.fromEntries(providers.map((provider) => [provider.alias, provider]));
    expect(Object.keys(byAlias).sort()).toEqual(['corporate', 'github', 'partner']);
    expect(byAlias.corporate?.config).not.toHaveProperty('clientSecret');
    expect(byAlias.corporate).toMatchObject({
      providerId: 'oidc',
      enabled: true,
      trustEmail: true,
      linkOnly: false,
      firstBrokerLoginFlowAlias: 'link by email',
      config: {
        validateSignature: 'true',
        pkceEnabled: 'true',
        pkceMethod: 'S256',
        syncMode: 'FORCE',
      },
      mappers: [
        {
          name: 'department',
          type: 'oidc-user-attribute-idp-mapper',
          config: { syncMode: 'IMPORT', claim: 'department', 'user.attribute': 'department' },
        },
      ],
    });
    expect(byAlias.partner).toMatchObject({
      providerId: 'saml',
      config: { validateSignature: 'false', wantAssertionsSigned: 'true' },
      mappers: [],
    });
    // Keycloak leaves firstBrokerLoginFlowAlias out when an IdP keeps the realm's default
    expect(byAlias.partner).not.toHaveProperty('firstBrokerLoginFlowAlias');
    expect(byAlias.github).toMatchObject({ providerId: 'github', enabled: false, config: { syncMode: 'LEGACY' } });
  });

  it('client scopes and clients: mappers, rootUrl and baseUrl', async () => {
    const { clientScopes, clients } = (await load()).settings;
    expect(clientScopes?.find((scope) => scope.name === 'customer')).toEqual({
      name: 'customer',
      protocol: 'openid-connect',
      attributes: { 'include.in.token.scope': 'true' },
      protocolMappers: [
        {
          name: 'customer-tier',
          protocol: 'openid-connect',
          type: 'oidc-usermodel-attribute-mapper',
          config: { 'user.attribute': 'tier', 'claim.name': 'tier', 'access.token.claim': 'true' },
        },
      ],
    });
    const web = clients.find((client) => client.clientId === 'web-app');
    expect(web).toMatchObject({
      rootUrl: 'https://app.example.com',
      baseUrl: '/home',
      protocolMappers: [
        {
          name: 'customer-number',
          type: 'oidc-usermodel-attribute-mapper',
          config: { 'user.attribute': 'customerNumber' },
        },
      ],
    });
    // Keycloak's export leaves an empty mapper list out: the model does not invent one
    expect(clients.find((client) => client.clientId === 'orders-service')).not.toHaveProperty('protocolMappers');
  });

  it('roles with composites, the group tree, default roles, the service account and scope mappings', async () => {
    const access = (await load()).settings.access!;
    const role = (name: string, client?: string) =>
      access.roles.find((candidate) => candidate.name === name && candidate.client === client);
    expect(role('operator')?.composites).toEqual(
      expect.arrayContaining([{ name: 'support' }, { client: 'realm-management', name: 'realm-admin' }]),
    );
    expect(role('user-admin', 'orders-service')?.composites).toEqual([
      { client: 'realm-management', name: 'manage-users' },
    ]);
    // realm-admin's own composites come from Keycloak, not from the fixture
    expect(role('realm-admin', 'realm-management')?.composites).toContainEqual({
      client: 'realm-management',
      name: 'manage-users',
    });
    expect(access.groups).toEqual([
      { path: '/staff', roles: [{ name: 'operator' }] },
      { path: '/staff/helpdesk', roles: [{ client: 'orders-service', name: 'user-admin' }] },
      { path: '/staff/helpdesk/night', roles: [{ name: 'support' }] },
    ]);
    // the import listed offline_access, uma_authorization and view-users; Keycloak adds the account client's two
    expect(access.defaultRoles).toEqual(
      expect.arrayContaining([
        { name: 'offline_access' },
        { name: 'uma_authorization' },
        { client: 'realm-management', name: 'view-users' },
        { client: 'account', name: 'manage-account' },
        { client: 'account', name: 'view-profile' },
      ]),
    );
    expect(access.defaultRoles).toHaveLength(5);
    expect(access.serviceAccounts).toEqual([
      {
        clientId: 'orders-service',
        roles: [{ name: 'default-roles-entities' }, { client: 'realm-management', name: 'manage-clients' }],
        groups: ['/staff/helpdesk'],
      },
    ]);
    expect(access.scopeMappings).toEqual(
      expect.arrayContaining([
        { client: 'web-app', roles: [{ name: 'support' }, { client: 'realm-management', name: 'view-users' }] },
        { clientScope: 'customer', roles: [{ name: 'support' }] },
        // Keycloak maps the offline_access role to its scope by itself
        { clientScope: 'offline_access', roles: [{ name: 'offline_access' }] },
      ]),
    );
  });

  it('flows: the bound browser flow, its sub-flows by alias, the condition with its config', async () => {
    const authentication = (await load()).settings.authentication!;
    expect(authentication.browserFlow).toBe('browser with otp');
    expect(authentication.firstBrokerLoginFlow).toBe('first broker login');
    const flow = (alias: string) => authentication.flows.find((candidate) => candidate.alias === alias);
    expect(flow('browser with otp')).toEqual({
      alias: 'browser with otp',
      topLevel: true,
      executions: [
        { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
        { subFlow: 'browser with otp forms', requirement: 'ALTERNATIVE' },
      ],
    });
    expect(flow('browser with otp for operators')?.executions).toEqual([
      {
        authenticator: 'conditional-user-role',
        requirement: 'REQUIRED',
        config: { condUserRole: 'operator', negate: 'false' },
      },
      { authenticator: 'auth-otp-form', requirement: 'REQUIRED' },
    ]);
    expect(flow('link by email')?.executions.map((execution) => execution.authenticator)).toEqual([
      'idp-create-user-if-unique',
      'idp-auto-link',
    ]);
    // Keycloak adds its built-in flows next to the imported ones
    expect(flow('first broker login')?.topLevel).toBe(true);
  });

  it('user profile: the declared attributes and the unmanaged-attribute policy', async () => {
    expect((await load()).settings.userProfile).toEqual({
      unmanagedAttributePolicy: 'ADMIN_VIEW',
      attributes: ['username', 'email', 'firstName', 'lastName', 'customerNumber'],
    });
  });

  it('anchors each entity on its line in the file', async () => {
    const { source } = await load();
    for (const path of [
      ['identityProviders', 'corporate'],
      ['identityProviders', 'corporate', 'mappers', 'department'],
      ['clientScopes', 'customer'],
      ['access', 'roles', 'orders-service/user-admin'],
      ['access', 'groups', '/staff/helpdesk/night'],
      ['access', 'serviceAccounts', 'orders-service'],
      ['access', 'scopeMappings', 'client:web-app'],
      ['authentication', 'flows', 'link by email'],
      ['userProfile'],
    ]) {
      expect(source.positions.get(path.join('\u0000')), path.join(' › ')).toBeDefined();
      expect(positionOf(source, path)).toMatchObject({ file: FIXTURE, line: expect.any(Number) as unknown });
    }
  });

  it("points a client's rootUrl and baseUrl at their own keys", async () => {
    const { source } = await load();
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const lineOf = (text: string): number => lines.findIndex((line) => line.includes(text)) + 1;
    expect(positionOf(source, ['clients', 'web-app', 'rootUrl'])?.line).toBe(
      lineOf('"rootUrl": "https://app.example.com"'),
    );
    expect(positionOf(source, ['clients', 'web-app', 'baseUrl'])?.line).toBe(lineOf('"baseUrl": "/home"'));
  });
});
