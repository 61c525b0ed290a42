/**
 * Who holds which role, from RealmRepresentation: `roles.realm[]` and `roles.client{clientId}[]`
 * with their `composites`, the `groups` tree (flattened to paths), the service-account users of
 * `users[]` (serviceAccountClientId), the default role (`defaultRole`, its composites listed in
 * roles.realm) and the scope mappings (`scopeMappings[]` for realm roles,
 * `clientScopeMappings{roleClient}[]` for client roles), merged per client or client scope.
 *
 * Absent when the file carries none of these keys. When it carries some, the others read as
 * empty: a partial export without users lists no service account, which can hide a finding but
 * never invents one.
 */
import {
  roleKey,
  roleRefsOf,
  scopeMappingKey,
  type AccessSettings,
  type GroupSettings,
  type RoleRef,
  type RoleSettings,
  type ScopeMappingSettings,
} from '../../entities/access.ts';
import type { DocPath } from '../../source/doc-positions.ts';
import type { GroupRepresentation, RoleRepresentation } from '../entities-schema.ts';
import type { RealmRepresentation } from '../schema.ts';
import type { EntityContext } from './mark.ts';

const ACCESS_KEYS = ['roles', 'groups', 'users', 'defaultRole', 'scopeMappings', 'clientScopeMappings'] as const;

function roleFrom(role: RoleRepresentation, client: string | undefined): RoleSettings {
  const composites = roleRefsOf(role.composites?.realm, role.composites?.client);
  return client === undefined ? { name: role.name, composites } : { client, name: role.name, composites };
}

function rolesFrom(rep: RealmRepresentation, mark: EntityContext['mark']): RoleSettings[] {
  const realmRoles = (rep.roles?.realm ?? []).map((role, index) => {
    mark(['access', 'roles', role.name], ['roles', 'realm', index]);
    return roleFrom(role, undefined);
  });
  const clientRoles = Object.entries(rep.roles?.client ?? {}).flatMap(([client, roles]) =>
    roles.map((role, index) => {
      const settings = roleFrom(role, client);
      mark(['access', 'roles', roleKey(settings)], ['roles', 'client', client, index]);
      return settings;
    }),
  );
  return [...realmRoles, ...clientRoles];
}

function groupsFrom(
  groups: readonly GroupRepresentation[],
  parentPath: string,
  docPath: DocPath,
  mark: EntityContext['mark'],
): GroupSettings[] {
  return groups.flatMap((group, index) => {
    // Exports write each group's full path; keycloak-config-cli files often leave it out.
    const path = group.path ?? `${parentPath}/${group.name}`;
    const at = [...docPath, index];
    mark(['access', 'groups', path], at);
    return [
      { path, roles: roleRefsOf(group.realmRoles, group.clientRoles) },
      ...groupsFrom(group.subGroups ?? [], path, [...at, 'subGroups'], mark),
    ];
  });
}

/** The default role's name: the file's `defaultRole`, else Keycloak's own naming (default-roles-<realm, lower case>). */
function defaultRolesFrom(rep: RealmRepresentation, roles: RoleSettings[], mark: EntityContext['mark']): RoleRef[] {
  const name = rep.defaultRole?.name ?? `default-roles-${rep.realm.toLowerCase()}`;
  const role = roles.find((candidate) => candidate.client === undefined && candidate.name === name);
  if (rep.defaultRole) mark(['access', 'defaultRoles'], ['defaultRole']);
  return role ? role.composites.map((ref) => ({ ...ref })) : [];
}

function scopeMappingsFrom(rep: RealmRepresentation, mark: EntityContext['mark']): ScopeMappingSettings[] {
  const byHolder = new Map<string, ScopeMappingSettings>();
  const add = (holder: { client?: string; clientScope?: string }, roles: RoleRef[], docPath: DocPath): void => {
    const mapping: ScopeMappingSettings =
      holder.client !== undefined
        ? { client: holder.client, roles: [] }
        : { clientScope: holder.clientScope ?? '', roles: [] };
    const key = scopeMappingKey(mapping);
    const existing = byHolder.get(key);
    if (existing) {
      existing.roles.push(...roles);
      return;
    }
    mapping.roles.push(...roles);
    byHolder.set(key, mapping);
    mark(['access', 'scopeMappings', key], docPath);
  };
  (rep.scopeMappings ?? []).forEach((mapping, index) =>
    add(
      mapping,
      (mapping.roles ?? []).map((name) => ({ name })),
      ['scopeMappings', index],
    ),
  );
  for (const [roleClient, mappings] of Object.entries(rep.clientScopeMappings ?? {})) {
    mappings.forEach((mapping, index) =>
      add(
        mapping,
        (mapping.roles ?? []).map((name) => ({ client: roleClient, name })),
        ['clientScopeMappings', roleClient, index],
      ),
    );
  }
  return [...byHolder.values()];
}

export function accessFrom(rep: RealmRepresentation, { mark }: EntityContext): AccessSettings | undefined {
  if (ACCESS_KEYS.every((key) => rep[key] === undefined)) return undefined;
  const roles = rolesFrom(rep, mark);
  const serviceAccounts = (rep.users ?? []).flatMap((user, index) => {
    const clientId = user.serviceAccountClientId;
    if (clientId === undefined) return [];
    mark(['access', 'serviceAccounts', clientId], ['users', index]);
    return [{ clientId, roles: roleRefsOf(user.realmRoles, user.clientRoles), groups: [...(user.groups ?? [])] }];
  });
  return {
    roles,
    groups: groupsFrom(rep.groups ?? [], '', ['groups'], mark),
    defaultRoles: defaultRolesFrom(rep, roles, mark),
    serviceAccounts,
    scopeMappings: scopeMappingsFrom(rep, mark),
  };
}
