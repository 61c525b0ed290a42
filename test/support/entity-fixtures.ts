/**
 * Hardened values of the realm parts issue 14 added (identity providers, authentication, access,
 * client scopes, user profile), for test/support/fixtures.ts' hardened realm. Each owner keeps
 * its own block, so rule writers can add theirs without touching each other's.
 */
import type { AccessSettings, RealmSettings, RoleSettings } from '../../model/realm-settings.ts';

// --- roles, groups, service accounts and scope mappings (access) --------------------------------

/** Keycloak's realm-management client roles that matter here: realm-admin includes the others. */
const REALM_MANAGEMENT_ROLES: RoleSettings[] = [
  {
    client: 'realm-management',
    name: 'realm-admin',
    composites: ['manage-users', 'manage-clients', 'manage-realm', 'impersonation', 'view-users'].map((name) => ({
      client: 'realm-management',
      name,
    })),
  },
  ...['manage-users', 'manage-clients', 'manage-realm', 'impersonation'].map((name) => ({
    client: 'realm-management',
    name,
    composites: [],
  })),
  {
    client: 'realm-management',
    name: 'view-users',
    composites: [{ client: 'realm-management', name: 'query-users' }],
  },
];

/**
 * Who holds what in the hardened realm: application roles only, a composite and a group tree
 * without admin rights, a service account in a group, and scope mappings on a client and a scope.
 */
export function hardenedAccess(): AccessSettings {
  return {
    roles: [
      ...structuredClone(REALM_MANAGEMENT_ROLES),
      { name: 'orders-reader', composites: [] },
      { name: 'orders-admin', composites: [{ name: 'orders-reader' }] },
      {
        name: 'default-roles-hardened',
        composites: [{ name: 'offline_access' }, { client: 'account', name: 'view-profile' }],
      },
    ],
    groups: [
      { path: '/staff', roles: [{ name: 'orders-reader' }] },
      { path: '/staff/leads', roles: [{ name: 'orders-admin' }] },
    ],
    defaultRoles: [{ name: 'offline_access' }, { client: 'account', name: 'view-profile' }],
    serviceAccounts: [{ clientId: 'batch-service', roles: [{ name: 'orders-reader' }], groups: ['/staff/leads'] }],
    scopeMappings: [
      { client: 'portal', roles: [{ name: 'orders-reader' }] },
      { clientScope: 'orders', roles: [{ name: 'orders-admin' }] },
    ],
  };
}

/** The realm's access part (the fixture always has one). */
export function accessOf(realm: RealmSettings): AccessSettings {
  if (!realm.access) throw new Error('fixture has no access part');
  return realm.access;
}
