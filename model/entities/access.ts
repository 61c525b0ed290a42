/**
 * Who holds which role: realm and client roles with their composites, groups with their role
 * mappings, the realm's default roles, the role mappings of service-account users and the scope
 * mappings of clients and client scopes (RoleRepresentation, GroupRepresentation,
 * UserRepresentation.serviceAccountClientId, ScopeMappingRepresentation).
 */

/** A role: a realm role when `client` is absent, else a role of that client (by clientId). */
export interface RoleRef {
  client?: string;
  name: string;
}

export interface RoleSettings extends RoleRef {
  /** The roles this composite role includes, one level (rules follow them transitively). */
  composites: RoleRef[];
}

/** A group, sub-groups flattened: each by its full path ('/ops/admins'). */
export interface GroupSettings {
  path: string;
  /** Roles mapped to the group directly (not inherited from parent groups). */
  roles: RoleRef[];
}

/** The user behind a client's service account. */
export interface ServiceAccountSettings {
  /** The clientId of the client the account belongs to. */
  clientId: string;
  /** Roles mapped to the account directly. */
  roles: RoleRef[];
  /** Paths of the groups the account is a member of. */
  groups: string[];
}

/** Roles a client or a client scope may put into tokens (its scope mappings). */
export interface ScopeMappingSettings {
  /** Exactly one of client (a clientId) and clientScope (a scope name) is set. */
  client?: string;
  clientScope?: string;
  roles: RoleRef[];
}

export interface AccessSettings {
  roles: RoleSettings[];
  groups: GroupSettings[];
  /** The composites of the realm's default role (default-roles-<realm>): every user holds them. */
  defaultRoles: RoleRef[];
  serviceAccounts: ServiceAccountSettings[];
  scopeMappings: ScopeMappingSettings[];
}

/** A role's id in model paths and findings: 'client/role' for a client role, 'role' for a realm role. */
export function roleKey(role: RoleRef): string {
  return role.client === undefined ? role.name : `${role.client}/${role.name}`;
}

/** A scope mapping's id in model paths: 'client:<clientId>' or 'clientScope:<scope name>' (the two may share a name). */
export function scopeMappingKey(mapping: ScopeMappingSettings): string {
  return mapping.client !== undefined ? `client:${mapping.client}` : `clientScope:${mapping.clientScope ?? ''}`;
}

/** The composites Keycloak 26 gives a new realm's default role (full-hardened.json, exported from 26.7.3, shows them). */
export const KEYCLOAK_DEFAULT_ROLE_COMPOSITES: readonly RoleRef[] = [
  { name: 'offline_access' },
  { name: 'uma_authorization' },
  { client: 'account', name: 'view-profile' },
  { client: 'account', name: 'manage-account' },
];

/** Role refs from Keycloak's two lists, as exports and baselines write role mappings: realm role names, and role names by clientId. */
export function roleRefsOf(
  realmRoles: readonly string[] | undefined,
  clientRoles: Readonly<Record<string, readonly string[]>> | undefined,
): RoleRef[] {
  // Plain loops: an export's ten thousand roles mostly have no composites, and the spread of
  // mapped and flattened lists allocated five lists per role to return an empty one.
  const refs: RoleRef[] = [];
  for (const name of realmRoles ?? []) refs.push({ name });
  for (const client of Object.keys(clientRoles ?? {})) {
    for (const name of clientRoles?.[client] ?? []) refs.push({ client, name });
  }
  return refs;
}
