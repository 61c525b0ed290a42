/**
 * The `access` part from Pulumi resources: roles (realm and client roles, their composites),
 * groups and their role mappings, the realm's default roles, service-account role mappings and
 * the scope mappings of clients and client scopes. Ids are resolved to the declaring resource of
 * the same stack (StackReferences); a reference that resolves to nothing is left out, so a rule
 * judges only what the stack shows. Names the provider takes as names are read as names
 * (model/provider-dialect/access.ts).
 */
import {
  KEYCLOAK_DEFAULT_ROLE_COMPOSITES,
  roleKey,
  scopeMappingKey,
  type AccessSettings,
  type GroupSettings,
  type RoleRef,
  type RoleSettings,
  type ScopeMappingSettings,
  type ServiceAccountSettings,
} from '../../model/entities/access.ts';
import {
  defaultRolesFromInputs,
  groupPathFromInputs,
  roleNameFromInputs,
} from '../../model/provider-dialect/access.ts';
import type { RealmSettings } from '../../model/realm-settings.ts';
import type { PackResource } from './assemble.ts';
import type { PathOwners } from './path-owners.ts';
import type { StackReferences } from './references.ts';

export const ROLE_TYPE = 'keycloak:index/role:Role';
export const GROUP_TYPE = 'keycloak:index/group:Group';
export const GROUP_ROLES_TYPE = 'keycloak:index/groupRoles:GroupRoles';
export const DEFAULT_ROLES_TYPE = 'keycloak:index/defaultRoles:DefaultRoles';
export const SERVICE_ACCOUNT_ROLE_TYPE = 'keycloak:openid/clientServiceAccountRole:ClientServiceAccountRole';
export const SERVICE_ACCOUNT_REALM_ROLE_TYPE =
  'keycloak:openid/clientServiceAccountRealmRole:ClientServiceAccountRealmRole';
/** Scope mappings: a role a client's (or client scope's) tokens may carry. */
export const SCOPE_MAPPING_TYPES: readonly string[] = [
  'keycloak:index/genericRoleMapper:GenericRoleMapper',
  'keycloak:index/genericClientRoleMapper:GenericClientRoleMapper',
];
/** Kept here rather than imported from assemble.ts, which imports this file. */
const OPENID_CLIENT = 'keycloak:openid/client:Client';
const SAML_CLIENT = 'keycloak:saml/client:Client';
const CLIENT_SCOPE = 'keycloak:openid/clientScope:ClientScope';
const CLIENTS: readonly string[] = [OPENID_CLIENT, SAML_CLIENT];

/** The resources that declare the access part; clients and client scopes are what they refer to. */
export const ACCESS_RESOURCE_TYPES: readonly string[] = [
  ROLE_TYPE,
  GROUP_TYPE,
  GROUP_ROLES_TYPE,
  DEFAULT_ROLES_TYPE,
  SERVICE_ACCOUNT_ROLE_TYPE,
  SERVICE_ACCOUNT_REALM_ROLE_TYPE,
  ...SCOPE_MAPPING_TYPES,
  ...CLIENTS,
  CLIENT_SCOPE,
];

/** The clientId a client resource declares (the resource name stands in for an unknown one, as for the client itself). */
export function clientIdOf(client: PackResource): string {
  return typeof client.props.clientId === 'string' ? client.props.clientId : client.name;
}

/** The role each keycloak.Role declares, by URN; a client role whose client is not in the stack is left out. */
export function rolesByUrn(resources: readonly PackResource[], refs: StackReferences): Map<string, RoleRef> {
  const roles = new Map<string, RoleRef>();
  for (const resource of resources) {
    if (resource.type !== ROLE_TYPE) continue;
    const name = roleNameFromInputs(resource.props, 'name');
    if (name === undefined) continue;
    if (!refs.given(resource, 'clientId')) {
      roles.set(resource.urn, { name });
      continue;
    }
    const client = refs.one(resource, 'clientId', CLIENTS);
    if (client) roles.set(resource.urn, { client: clientIdOf(client), name });
  }
  return roles;
}

/** The access part, or undefined when the stack declares none of it (a stack of clients alone says nothing about roles). */
export function assembleAccess(
  resources: readonly PackResource[],
  settings: RealmSettings,
  refs: StackReferences,
  owners: PathOwners,
): AccessSettings | undefined {
  const declaring = resources.filter(
    (resource) => ACCESS_RESOURCE_TYPES.includes(resource.type) && !CLIENTS.includes(resource.type),
  );
  if (!declaring.some((resource) => resource.type !== CLIENT_SCOPE)) return undefined;
  const roleOf = rolesByUrn(resources, refs);
  const resolvedRoles = (resource: PackResource, property: string): RoleRef[] =>
    refs.all(resource, property, [ROLE_TYPE]).flatMap((role) => roleOf.get(role.urn) ?? []);
  const of = (type: string) => resources.filter((resource) => resource.type === type);

  const roles: RoleSettings[] = of(ROLE_TYPE).flatMap((resource) => {
    const role = roleOf.get(resource.urn);
    if (!role) return [];
    owners.set(['access', 'roles', roleKey(role)], resource.urn);
    return [{ ...role, composites: resolvedRoles(resource, 'compositeRoles') }];
  });

  const groups = groupsOf(of(GROUP_TYPE), refs, owners);
  for (const mapping of of(GROUP_ROLES_TYPE)) {
    const group = groups.get(refs.one(mapping, 'groupId', [GROUP_TYPE])?.urn ?? '');
    if (!group) continue;
    for (const role of resolvedRoles(mapping, 'roleIds')) {
      group.roles.push(role);
      owners.set(['access', 'groups', group.path, 'roles', roleKey(role)], mapping.urn);
    }
  }

  // Without a DefaultRoles resource the realm keeps Keycloak's own default roles.
  const declaredDefaults = of(DEFAULT_ROLES_TYPE).at(-1);
  const defaultRoles = (declaredDefaults && defaultRolesFromInputs(declaredDefaults.props)) ?? [
    ...KEYCLOAK_DEFAULT_ROLE_COMPOSITES,
  ];
  const defaultRole: RoleRef = { name: `default-roles-${settings.realm}` };
  if (declaredDefaults) {
    owners.set(['access', 'defaultRoles'], declaredDefaults.urn);
    owners.set(['access', 'roles', roleKey(defaultRole)], declaredDefaults.urn);
  }
  // As in Keycloak (and its exports): the default role is a composite role, held by every user and service account.
  roles.push({ ...defaultRole, composites: defaultRoles.map((role) => ({ ...role })) });

  const serviceAccounts = serviceAccountsOf(resources, refs, owners, roleOf, defaultRole, declaredDefaults);
  return {
    roles,
    groups: [...groups.values()],
    defaultRoles,
    serviceAccounts,
    scopeMappings: scopeMappingsOf(resources, refs, owners, resolvedRoles),
  };
}

/** Groups by URN with their full paths; a group whose parent is not in the stack has no known path and is left out. */
function groupsOf(
  declared: readonly PackResource[],
  refs: StackReferences,
  owners: PathOwners,
): Map<string, GroupSettings> {
  const paths = new Map<string, string | undefined>();
  const pathOf = (group: PackResource, seen: Set<string>): string | undefined => {
    if (paths.has(group.urn)) return paths.get(group.urn);
    if (seen.has(group.urn)) return undefined;
    seen.add(group.urn);
    const hasParent = refs.given(group, 'parentId');
    const parent = hasParent ? refs.one(group, 'parentId', [GROUP_TYPE]) : undefined;
    const parentPath = parent ? pathOf(parent, seen) : hasParent ? undefined : '';
    const path = parentPath === undefined ? undefined : groupPathFromInputs(group.props, parentPath);
    paths.set(group.urn, path);
    return path;
  };
  const groups = new Map<string, GroupSettings>();
  for (const group of declared) {
    const path = pathOf(group, new Set());
    if (path === undefined) continue;
    groups.set(group.urn, { path, roles: [] });
    owners.set(['access', 'groups', path], group.urn);
  }
  return groups;
}

/**
 * Every client with a service account holds the default role (Keycloak gives it to the account's
 * user) and the roles mapped to it by ClientServiceAccountRole (a client's role, by name) and
 * ClientServiceAccountRealmRole (a realm role, by name).
 */
function serviceAccountsOf(
  resources: readonly PackResource[],
  refs: StackReferences,
  owners: PathOwners,
  roleOf: ReadonlyMap<string, RoleRef>,
  defaultRole: RoleRef,
  declaredDefaults: PackResource | undefined,
): ServiceAccountSettings[] {
  const accounts = new Map<string, ServiceAccountSettings>();
  const accountOf = (client: PackResource): ServiceAccountSettings => {
    const clientId = clientIdOf(client);
    let account = accounts.get(clientId);
    if (!account) {
      account = { clientId, roles: [{ ...defaultRole }], groups: [] };
      accounts.set(clientId, account);
      owners.set(['access', 'serviceAccounts', clientId], client.urn);
      if (declaredDefaults)
        owners.set(['access', 'serviceAccounts', clientId, 'roles', roleKey(defaultRole)], declaredDefaults.urn);
    }
    return account;
  };
  for (const resource of resources) {
    if (resource.type === OPENID_CLIENT && resource.props.serviceAccountsEnabled === true) accountOf(resource);
    if (resource.type !== SERVICE_ACCOUNT_ROLE_TYPE && resource.type !== SERVICE_ACCOUNT_REALM_ROLE_TYPE) continue;
    const consumer = refs.one(resource, 'serviceAccountUserId', [OPENID_CLIENT]);
    // `role: someRole.name` is unknown until that role exists: its dependency names the role.
    const named = refs.one(resource, 'role', [ROLE_TYPE]);
    const name = (named && roleOf.get(named.urn)?.name) ?? roleNameFromInputs(resource.props, 'role');
    if (!consumer || name === undefined) continue;
    let role: RoleRef = { name };
    if (resource.type === SERVICE_ACCOUNT_ROLE_TYPE) {
      const roleClient = refs.one(resource, 'clientId', CLIENTS);
      if (!roleClient) continue;
      role = { client: clientIdOf(roleClient), name };
    }
    const account = accountOf(consumer);
    account.roles.push(role);
    owners.set(['access', 'serviceAccounts', account.clientId, 'roles', roleKey(role)], resource.urn);
  }
  return [...accounts.values()];
}

/** Scope mappings (GenericRoleMapper, GenericClientRoleMapper): a role, for a client or a client scope of the stack. */
function scopeMappingsOf(
  resources: readonly PackResource[],
  refs: StackReferences,
  owners: PathOwners,
  resolvedRoles: (resource: PackResource, property: string) => RoleRef[],
): ScopeMappingSettings[] {
  const mappings = new Map<string, ScopeMappingSettings>();
  for (const resource of resources) {
    if (!SCOPE_MAPPING_TYPES.includes(resource.type)) continue;
    const client = refs.one(resource, 'clientId', CLIENTS);
    const scope = refs.one(resource, 'clientScopeId', [CLIENT_SCOPE]);
    const scopeName = scope && typeof scope.props.name === 'string' ? scope.props.name : undefined;
    const holder: ScopeMappingSettings | undefined = client
      ? { client: clientIdOf(client), roles: [] }
      : scopeName !== undefined
        ? { clientScope: scopeName, roles: [] }
        : undefined;
    if (!holder) continue;
    const key = scopeMappingKey(holder);
    const mapping = mappings.get(key) ?? holder;
    mappings.set(key, mapping);
    for (const role of resolvedRoles(resource, 'roleId')) {
      mapping.roles.push(role);
      owners.set(['access', 'scopeMappings', key, 'roles', roleKey(role)], resource.urn);
    }
  }
  return [...mappings.values()];
}
