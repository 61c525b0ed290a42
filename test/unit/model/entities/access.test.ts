import { describe, expect, it } from 'vitest';
import { lineOf, loadExport } from './load-export.ts';

const ROLES = {
  realm: [
    { name: 'offline_access' },
    { name: 'operator', composite: true, composites: { client: { 'realm-management': ['realm-admin'] } } },
    {
      name: 'default-roles-acme',
      composite: true,
      composites: { realm: ['offline_access'], client: { account: ['view-profile'] } },
    },
  ],
  client: {
    'realm-management': [
      { name: 'realm-admin', composite: true, composites: { client: { 'realm-management': ['manage-users'] } } },
      { name: 'manage-users' },
    ],
    'orders-service': [],
  },
};

describe('export → roles, groups, default roles, service accounts, scope mappings', () => {
  it('reads realm and client roles with their composites, one level', () => {
    const { roles } = loadExport({ roles: ROLES }).settings.access!;
    expect(roles).toEqual([
      { name: 'offline_access', composites: [] },
      { name: 'operator', composites: [{ client: 'realm-management', name: 'realm-admin' }] },
      {
        name: 'default-roles-acme',
        composites: [{ name: 'offline_access' }, { client: 'account', name: 'view-profile' }],
      },
      {
        client: 'realm-management',
        name: 'realm-admin',
        composites: [{ client: 'realm-management', name: 'manage-users' }],
      },
      { client: 'realm-management', name: 'manage-users', composites: [] },
    ]);
  });

  it("flattens the group tree to paths, each with its own roles; a path the file leaves out is built from the parents'", () => {
    const { groups } = loadExport({
      groups: [
        {
          name: 'staff',
          path: '/staff',
          realmRoles: ['operator'],
          subGroups: [
            { name: 'helpdesk', clientRoles: { 'orders-service': ['user-admin'] }, subGroups: [{ name: 'night' }] },
          ],
        },
        { name: 'guests' },
      ],
    }).settings.access!;
    expect(groups).toEqual([
      { path: '/staff', roles: [{ name: 'operator' }] },
      { path: '/staff/helpdesk', roles: [{ client: 'orders-service', name: 'user-admin' }] },
      { path: '/staff/helpdesk/night', roles: [] },
      { path: '/guests', roles: [] },
    ]);
  });

  it("takes the default role's composites from roles.realm, by defaultRole or Keycloak's name for it", () => {
    const expected = [{ name: 'offline_access' }, { client: 'account', name: 'view-profile' }];
    expect(
      loadExport({ roles: ROLES, defaultRole: { name: 'default-roles-acme' } }).settings.access!.defaultRoles,
    ).toEqual(expected);
    // keycloak-config-cli files often leave defaultRole out: the realm's default role is default-roles-<realm, lower case>
    expect(loadExport({ realm: 'ACME', roles: ROLES }).settings.access!.defaultRoles).toEqual(expected);
    expect(loadExport({ defaultRole: { name: 'default-roles-acme' } }).settings.access!.defaultRoles).toEqual([]);
  });

  it('keeps only the service-account users, with their direct roles and groups', () => {
    const loaded = loadExport({
      users: [
        { username: 'alice', realmRoles: ['operator'] },
        {
          username: 'service-account-orders-service',
          serviceAccountClientId: 'orders-service',
          realmRoles: ['default-roles-acme'],
          clientRoles: { 'realm-management': ['realm-admin'] },
          groups: ['/staff'],
        },
      ],
    });
    expect(loaded.settings.access!.serviceAccounts).toEqual([
      {
        clientId: 'orders-service',
        roles: [{ name: 'default-roles-acme' }, { client: 'realm-management', name: 'realm-admin' }],
        groups: ['/staff'],
      },
    ]);
    expect(lineOf(loaded, ['access', 'serviceAccounts', 'orders-service'])).toBe(10); // the user's `{` (alice takes lines 4-9)
  });

  it('merges scopeMappings (realm roles) and clientScopeMappings (client roles) per client or client scope', () => {
    const { scopeMappings } = loadExport({
      scopeMappings: [
        { clientScope: 'offline_access', roles: ['offline_access'] },
        { client: 'web-app', roles: ['operator'] },
      ],
      clientScopeMappings: {
        account: [{ client: 'account-console', roles: ['manage-account'] }],
        'realm-management': [{ client: 'web-app', roles: ['view-users'] }],
      },
    }).settings.access!;
    expect(scopeMappings).toEqual([
      { clientScope: 'offline_access', roles: [{ name: 'offline_access' }] },
      { client: 'web-app', roles: [{ name: 'operator' }, { client: 'realm-management', name: 'view-users' }] },
      { client: 'account-console', roles: [{ client: 'account', name: 'manage-account' }] },
    ]);
  });

  it('anchors roles and groups where the file declares them', () => {
    const loaded = loadExport({ roles: ROLES, groups: [{ name: 'staff', subGroups: [{ name: 'helpdesk' }] }] });
    const realmAdmin = lineOf(loaded, ['access', 'roles', 'realm-management/realm-admin']);
    const operator = lineOf(loaded, ['access', 'roles', 'operator']);
    expect(operator).toBeDefined();
    expect(realmAdmin).toBeGreaterThan(operator!);
    expect(lineOf(loaded, ['access', 'groups', '/staff/helpdesk'])).toBeGreaterThan(
      lineOf(loaded, ['access', 'groups', '/staff'])!,
    );
  });

  it('a file with none of the access keys says nothing; with some, the rest read as empty', () => {
    expect(loadExport({ clients: [{ clientId: 'a' }] }).settings.access).toBeUndefined();
    expect(loadExport({ groups: [] }).settings.access).toEqual({
      roles: [],
      groups: [],
      defaultRoles: [],
      serviceAccounts: [],
      scopeMappings: [],
    });
  });
});
