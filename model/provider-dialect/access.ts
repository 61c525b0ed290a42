/**
 * The provider's dialect for roles, groups and their mappings (@pulumi/keycloak 6.13). Most
 * references are ids (a role's, a group's, a client's), which only the stack can resolve
 * (policies/pack/assemble-access.ts); what the provider takes by NAME is read here:
 * DefaultRoles' `defaultRoles` ('role', or 'clientId/role' for a client role — the provider
 * splits on '/' and looks the client up by clientId) and the `role` of
 * ClientServiceAccountRole / ClientServiceAccountRealmRole. Inputs → model only.
 */
import type { RoleRef } from '../entities/access.ts';
import { str, strings } from './narrow.ts';

/** A DefaultRoles entry → the role it names. */
export function roleRefFromQualifiedName(name: string): RoleRef {
  const parts = name.split('/');
  return parts.length === 2 ? { client: parts[0] ?? '', name: parts[1] ?? '' } : { name };
}

/**
 * The realm's default roles a keycloak.DefaultRoles declares: the whole list (the provider adds
 * and removes composites of default-roles-<realm> until it holds exactly these). Undefined when
 * the list is not known.
 */
export function defaultRolesFromInputs(props: Record<string, unknown>): RoleRef[] | undefined {
  return strings(props.defaultRoles)?.map(roleRefFromQualifiedName);
}

/** The role name a keycloak.Role, or the `role` a service-account role mapping, names; undefined when unknown. */
export function roleNameFromInputs(props: Record<string, unknown>, argument: 'name' | 'role'): string | undefined {
  const name = str(props[argument]);
  return name === '' ? undefined : name;
}

/** A group's full path ('/ops/admins') from its name and its parent's path ('' at the root). */
export function groupPathFromInputs(props: Record<string, unknown>, parentPath = ''): string | undefined {
  const name = str(props.name);
  return name === undefined || name === '' ? undefined : `${parentPath}/${name}`;
}
