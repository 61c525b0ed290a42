/**
 * The one list of roles realmguard treats as sensitive (they administer the realm), and how a
 * role the model names is matched against it. Every `sensitive-role-*` rule takes the list as its
 * `sensitiveRoles` parameter and adds `additionalSensitiveRoles` from the policy config, so a
 * config extends the list without repeating it (or replaces it by setting `sensitiveRoles`).
 */
import { roleKey, type RoleRef } from '../model/entities/access.ts';
import { REALM_MANAGEMENT_CLIENT, SENSITIVE_REALM_MANAGEMENT_ROLES } from '../model/entities/sensitive-roles.ts';
import type { RealmSettings } from '../model/realm-settings.ts';

/**
 * Admin roles (model/entities/sensitive-roles.ts holds the list): `realm-admin` includes all the
 * others; each `manage-*` role lets its holder change users (and so take over any account),
 * clients (and read their secrets), the realm, its fine-grained permissions or its identity
 * providers; `impersonation` logs in as any user. Entries are 'client/role' or 'role' (a realm
 * role), as model paths spell roles.
 */
export const SENSITIVE_ROLES: readonly string[] = SENSITIVE_REALM_MANAGEMENT_ROLES.map((role) =>
  roleKey({ client: REALM_MANAGEMENT_CLIENT, name: role }),
);

/**
 * The master realm has no realm-management client: each realm's admin roles live in master's
 * client '<realm>-realm' (master's own in 'master-realm'), and master's `admin` realm role
 * includes them all. So in master a 'realm-management/<role>' entry stands for '<any>-realm/<role>';
 * `admin` need not be listed, the rules follow composites to what it includes.
 */
export function isAdminClientOf(realm: RealmSettings, client: string): boolean {
  return realm.realm === 'master' ? client.endsWith('-realm') : client === REALM_MANAGEMENT_CLIENT;
}

/** The realm's default role (Keycloak names it default-roles-<realm>): every user holds it. */
export function isDefaultRole(realm: RealmSettings, role: RoleRef): boolean {
  return role.client === undefined && role.name === `default-roles-${realm.realm}`;
}

/** The role that makes a full administrator: realm-management's realm-admin, or master's admin realm role. */
export function isFullAdminRole(realm: RealmSettings, role: RoleRef): boolean {
  return realm.realm === 'master'
    ? role.client === undefined && role.name === 'admin'
    : role.client === REALM_MANAGEMENT_CLIENT && role.name === 'realm-admin';
}

/** Whether a role belongs to Keycloak's own admin roles (the roles the sensitive list is drawn from). */
export function isBuiltInAdminRole(realm: RealmSettings, role: RoleRef): boolean {
  if (role.client === undefined) return realm.realm === 'master' && role.name === 'admin';
  return isAdminClientOf(realm, role.client);
}

export interface SensitiveRoleParams {
  sensitiveRoles: readonly string[];
  additionalSensitiveRoles: readonly string[];
  [key: string]: readonly string[];
}

/** The parameters every sensitive-role rule takes, the same under both profiles. */
export const SENSITIVE_ROLE_PARAMS: Record<'baseline' | 'strict', SensitiveRoleParams> = {
  baseline: { sensitiveRoles: SENSITIVE_ROLES, additionalSensitiveRoles: [] },
  strict: { sensitiveRoles: SENSITIVE_ROLES, additionalSensitiveRoles: [] },
};

export const SENSITIVE_ROLE_PARAM_DOCS: Record<'sensitiveRoles' | 'additionalSensitiveRoles', string> = {
  sensitiveRoles:
    "Roles that administer the realm, as 'client/role' or 'role' (a realm role); in the master realm a 'realm-management/<role>' entry matches every '<realm>-realm/<role>'. Defaults to realm-admin, manage-users, manage-clients, manage-realm, impersonation, manage-authorization and manage-identity-providers.",
  additionalSensitiveRoles: 'More roles to treat as sensitive, added to `sensitiveRoles` (empty by default).',
};

/** Decides whether a role, as the model names it, is on the configured list. */
export function sensitiveRoleMatcher(
  realm: RealmSettings,
  params: { sensitiveRoles: readonly string[]; additionalSensitiveRoles: readonly string[] },
): (role: RoleRef) => boolean {
  const listed = new Set([...params.sensitiveRoles, ...params.additionalSensitiveRoles]);
  return (role) => {
    if (listed.has(roleKey(role))) return true;
    return (
      realm.realm === 'master' &&
      role.client !== undefined &&
      isAdminClientOf(realm, role.client) &&
      listed.has(`${REALM_MANAGEMENT_CLIENT}/${role.name}`)
    );
  };
}
