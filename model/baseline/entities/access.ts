/**
 * Baseline `roles`, `groups`, `defaultRoles` and `serviceAccounts` → the model's access part.
 * Present when the baseline declares any of them. The default role keeps Keycloak's composites
 * unless `defaultRoles` says otherwise; a baseline declares no scope mappings (none in the model).
 */
import {
  KEYCLOAK_DEFAULT_ROLE_COMPOSITES,
  roleKey,
  type AccessSettings,
  type GroupSettings,
  type RoleSettings,
} from '../../entities/access.ts';
import type { ClientSettings } from '../../realm-settings.ts';
import type { DocPath } from '../../source/doc-positions.ts';
import type { BaselineGroup, BaselineRole } from '../entities-schema.ts';
import type { BaselineDocument } from '../schema.ts';
import { findDuplicates } from '../find-duplicates.ts';
import { roleRefs, type BaselineEntityContext } from './context.ts';

export function accessFrom(
  document: BaselineDocument,
  clients: readonly ClientSettings[],
  convert: BaselineEntityContext,
): AccessSettings | undefined {
  const { roles, groups, defaultRoles, serviceAccounts } = document;
  if ([roles, groups, defaultRoles, serviceAccounts].every((part) => part === undefined)) return undefined;
  if (defaultRoles !== undefined) convert.mark(['access', 'defaultRoles'], ['defaultRoles']);
  return {
    roles: [
      ...rolesFrom(roles?.realm ?? [], undefined, ['roles', 'realm'], convert),
      ...Object.entries(roles?.client ?? {}).flatMap(([client, declared]) =>
        rolesFrom(declared, client, ['roles', 'client', client], convert),
      ),
    ],
    groups: groupsFrom(groups ?? [], '', ['groups'], convert),
    defaultRoles:
      defaultRoles === undefined ? KEYCLOAK_DEFAULT_ROLE_COMPOSITES.map((ref) => ({ ...ref })) : roleRefs(defaultRoles),
    serviceAccounts: serviceAccountsFrom(document, clients, convert),
    scopeMappings: [],
  };
}

function rolesFrom(
  declared: readonly BaselineRole[],
  client: string | undefined,
  docPath: DocPath,
  convert: BaselineEntityContext,
): RoleSettings[] {
  findDuplicates(
    declared.map((role) => role.name),
    (index) => [...docPath, index, 'name'],
    client === undefined ? 'realm role' : `role of client '${client}'`,
    convert,
  );
  return declared.map((role, index) => {
    const settings: RoleSettings = {
      ...(client === undefined ? {} : { client }),
      name: role.name,
      composites: roleRefs(role.composites),
    };
    convert.mark(['access', 'roles', roleKey(settings)], [...docPath, index]);
    return settings;
  });
}

function groupsFrom(
  declared: readonly BaselineGroup[],
  parentPath: string,
  docPath: DocPath,
  convert: BaselineEntityContext,
): GroupSettings[] {
  findDuplicates(
    declared.map((group) => group.name),
    (index) => [...docPath, index, 'name'],
    parentPath === '' ? 'top-level group' : `sub-group of '${parentPath}'`,
    convert,
  );
  return declared.flatMap((group, index) => {
    const path = `${parentPath}/${group.name}`;
    convert.mark(['access', 'groups', path], [...docPath, index]);
    return [
      { path, roles: roleRefs(group) },
      ...groupsFrom(group.subGroups ?? [], path, [...docPath, index, 'subGroups'], convert),
    ];
  });
}

function serviceAccountsFrom(
  document: BaselineDocument,
  clients: readonly ClientSettings[],
  convert: BaselineEntityContext,
): AccessSettings['serviceAccounts'] {
  const declared = document.serviceAccounts ?? [];
  findDuplicates(
    declared.map((account) => account.clientId),
    (index) => ['serviceAccounts', index, 'clientId'],
    'service account of client',
    convert,
  );
  return declared.map((account, index) => {
    const client = clients.find((candidate) => candidate.clientId === account.clientId);
    if (!client?.serviceAccountsEnabled)
      convert.fail(
        ['serviceAccounts', index, 'clientId'],
        client
          ? `client '${account.clientId}' has no service account`
          : `'${account.clientId}' is not a client of this baseline`,
        client
          ? 'set flows.serviceAccounts: true on the client, or remove this entry'
          : 'declare the client under clients',
      );
    convert.mark(['access', 'serviceAccounts', account.clientId], ['serviceAccounts', index]);
    return { clientId: account.clientId, roles: roleRefs(account), groups: [...(account.groups ?? [])] };
  });
}
