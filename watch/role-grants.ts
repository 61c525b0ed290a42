/**
 * Which roles an admin event grants to whom, read from its resource path and representation as
 * Keycloak 26.7 records them (keycloak-events.test.ts): role mappings on users and groups, scope
 * mappings on clients and client scopes, a user joining a group (the group's own roles, by
 * clientId), and roles added to a composite (named by their client's uuid). Ids and names come
 * from events: they are looked up as own keys of the kept parts or compared, never put into a path
 * or a request.
 */
import { isRecord, type JsonRecord } from '../keycloak/answers.ts';
import { text } from '../model/live/reads.ts';
import type { RoleRef } from '../model/realm-settings.ts';
import { HOLDER_RULES, type RoleHolder } from '../review/classify/sensitive-grants.ts';
import { own } from './config-changes/change.ts';
import type { AdminPart } from './event.ts';
import type { RealmParts } from './realm-parts.ts';

export interface Grant {
  /** Who now holds the roles, as the summary says it. */
  holder: string;
  /** Whose list judges the roles. */
  judgedAs: RoleHolder;
  /** The rule that reports such a holding in an audit; none for a user's own roles. */
  rule?: string;
  roles: RoleRef[];
}

const MAPPING =
  /^(users|groups|clients|client-scopes)\/([^/]+)\/(role-mappings|scope-mappings)\/(realm|clients\/([^/]+))$/;
const MEMBERSHIP = /^users\/([^/]+)\/groups\/([^/]+)$/;
/**
 * The three ways to add roles to a composite, as Keycloak records them (keycloak-events.test.ts):
 * by the role's id, by a realm role's name, by a client role's name under its client's uuid. A name
 * is recorded decoded (a space stays a space), so it is used as it stands; it may hold a slash.
 */
const COMPOSITE_PATHS: ReadonlyArray<{ pattern: RegExp; by: 'id' | 'name' }> = [
  { pattern: /^roles-by-id\/([^/]+)\/composites$/, by: 'id' },
  { pattern: /^roles\/(.+)\/composites$/, by: 'name' },
  { pattern: /^clients\/[^/]+\/roles\/(.+)\/composites$/, by: 'name' },
];

/** The composite an event adds roles to: its id or name from the path, and whether it is the realm's default role. */
function compositeOf(path: string, realm: JsonRecord): { role: string; isDefault: boolean } | undefined {
  for (const { pattern, by } of COMPOSITE_PATHS) {
    const role = pattern.exec(path)?.[1];
    if (role === undefined) continue;
    const defaultRole = isRecord(realm.defaultRole) ? text(realm.defaultRole[by]) : undefined;
    // Only a realm role can be the default role: a client role of the same name is not.
    const isDefault = defaultRole !== undefined && role === defaultRole && !path.startsWith('clients/');
    return { role, isDefault };
  }
  return undefined;
}

const clientIdOf = (parts: RealmParts | undefined, id: string) =>
  parts ? own(parts.clients, id)?.clientId : undefined;

/** The roles of a role-mapping representation; undefined when their client is not known. */
function mappedRoles(
  items: readonly JsonRecord[],
  client: string | undefined,
  clientKnown: boolean,
): RoleRef[] | undefined {
  if (!clientKnown) return undefined;
  return items.flatMap((item) => {
    const name = text(item.name);
    return name === undefined ? [] : [client === undefined ? { name } : { client, name }];
  });
}

function holderOf(owner: string, id: string, parts: RealmParts | undefined): Omit<Grant, 'roles'> | undefined {
  if (owner === 'users') {
    const account = parts ? own(parts.serviceAccounts, id) : undefined;
    return account !== undefined
      ? {
          holder: `the service account of client ${account}`,
          judgedAs: 'serviceAccount',
          rule: HOLDER_RULES.serviceAccount,
        }
      : { holder: `user ${id}`, judgedAs: 'group' };
  }
  if (owner === 'groups') return { holder: `the members of group ${id}`, judgedAs: 'group', rule: HOLDER_RULES.group };
  if (owner === 'clients')
    return {
      holder: `tokens of client ${clientIdOf(parts, id) ?? id}`,
      judgedAs: 'scopeMapping',
      rule: HOLDER_RULES.scopeMapping,
    };
  const scope = parts ? own(parts.clientScopes, id) : undefined;
  return { holder: `tokens of client scope ${scope ?? id}`, judgedAs: 'scopeMapping', rule: HOLDER_RULES.scopeMapping };
}

/** Roles added to a composite name their client by its uuid (containerId); undefined when one is unknown. */
function compositeRoles(items: readonly JsonRecord[], parts: RealmParts | undefined): RoleRef[] | undefined {
  const roles: RoleRef[] = [];
  for (const item of items) {
    const name = text(item.name);
    if (name === undefined) continue;
    if (item.clientRole !== true) {
      roles.push({ name });
      continue;
    }
    const client = clientIdOf(parts, text(item.containerId) ?? '');
    if (client === undefined) return undefined;
    roles.push({ client, name });
  }
  return roles;
}

/** The grant an admin event makes, or undefined when it makes none the watcher can read. */
export function grantOf(admin: AdminPart, parts: RealmParts | undefined, realm: JsonRecord = {}): Grant | undefined {
  if (admin.operationType !== 'CREATE' || !admin.resourcePath) return undefined;
  const composite = compositeOf(admin.resourcePath, realm);
  if (composite && (admin.resourceType === 'REALM_ROLE' || admin.resourceType === 'CLIENT_ROLE')) {
    const roles = compositeRoles(admin.representationItems ?? [], parts);
    const holder: Omit<Grant, 'roles'> = composite.isDefault
      ? { holder: 'every user (default roles)', judgedAs: 'defaultRoles', rule: HOLDER_RULES.defaultRoles }
      : { holder: `whoever holds role ${composite.role}`, judgedAs: 'composite', rule: HOLDER_RULES.composite };
    return roles && { ...holder, roles };
  }
  if (admin.resourceType === 'GROUP_MEMBERSHIP') {
    const match = MEMBERSHIP.exec(admin.resourcePath);
    const group = admin.representation;
    if (!match || !group) return undefined;
    const realmRoles = Array.isArray(group.realmRoles) ? group.realmRoles : [];
    const clientRoles =
      group.clientRoles && typeof group.clientRoles === 'object' ? Object.entries(group.clientRoles) : [];
    const roles: RoleRef[] = [
      ...realmRoles.filter((name): name is string => typeof name === 'string').map((name) => ({ name })),
      ...clientRoles.flatMap(([client, names]) =>
        (Array.isArray(names) ? names : [])
          .filter((name): name is string => typeof name === 'string')
          .map((name) => ({ client, name })),
      ),
    ];
    const holder = holderOf('users', match[1] ?? '', parts);
    const path = text(group.path) ?? match[2] ?? '';
    return holder && { ...holder, holder: `${holder.holder} (joined group ${path})`, roles };
  }
  if (!/^(REALM|CLIENT)_(ROLE|SCOPE)_MAPPING$/.test(admin.resourceType)) return undefined;
  const match = MAPPING.exec(admin.resourcePath);
  if (!match) return undefined;
  const [, owner = '', id = '', kind, , roleClient] = match;
  // Role mappings live on users and groups, scope mappings on clients and client scopes.
  if ((kind === 'role-mappings') !== (owner === 'users' || owner === 'groups')) return undefined;
  const client = roleClient === undefined ? undefined : clientIdOf(parts, roleClient);
  const roles = mappedRoles(admin.representationItems ?? [], client, roleClient === undefined || client !== undefined);
  const holder = holderOf(owner, id, parts);
  return roles && holder && { ...holder, roles };
}
