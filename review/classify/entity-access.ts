/**
 * Who holds which role. A change weakens when it lets someone (a group's members, every user
 * through the default roles, a service account, a client's or scope's tokens) hold a sensitive
 * role — one of the sensitive-role rules' built-in list, directly or through a composite as the
 * realm after the change defines it — and strengthens when it takes one away. Anything else is
 * neutral: the rules judge the rest.
 */
import { roleKey, scopeMappingKey } from '../../model/entities/access.ts';
import { AccessGraph } from '../../policies/access-graph.ts';
import { SENSITIVE_ROLE_PARAMS, sensitiveRoleMatcher } from '../../policies/sensitive-roles.ts';
import type {
  AccessSettings,
  GroupSettings,
  RealmSettings,
  RoleRef,
  RoleSettings,
  ScopeMappingSettings,
  ServiceAccountSettings,
} from '../../model/realm-settings.ts';
import type { Verdict } from '../change.ts';
import { ignored, neutralVerdict, strengthens, weakens, type DiffTable, type FieldDiffer } from './differ.ts';
import { entities } from './entities.ts';
import { knownPart } from './entity-part.ts';

/** The sensitive roles `role` grants in `realm`: itself, or any role its composites reach (the rules' own list and matching). */
export function sensitiveRolesOf(role: RoleRef, realm: RealmSettings): string[] {
  if (realm.access === undefined) return [];
  const isSensitive = sensitiveRoleMatcher(realm, SENSITIVE_ROLE_PARAMS.baseline);
  return new AccessGraph(realm.access).closure(role).filter(isSensitive).map(roleKey).sort();
}

function grantVerdict(sensitive: readonly string[], holder: string, granted: boolean): Verdict {
  if (sensitive.length === 0) return neutralVerdict(granted ? `${holder} gains a role` : `${holder} loses a role`);
  const roles = sensitive.join(', ');
  return granted
    ? weakens(`${holder} now holds ${roles}: administration of the realm (OWASP ASVS 5.0 V8.2)`)
    : strengthens(`${holder} no longer holds ${roles}`);
}

/** A list of roles held by `holder`: each added or removed role judged by what it grants. */
function heldRoles(holder: string): FieldDiffer<readonly RoleRef[] | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    const old = new Set(before.map(roleKey));
    const now = new Set(after.map(roleKey));
    return [
      ...after
        .filter((role) => !old.has(roleKey(role)))
        .map((role) => ({
          subPath: [],
          before: undefined,
          after: roleKey(role),
          ...grantVerdict(sensitiveRolesOf(role, context.after), holder, true),
        })),
      ...before
        .filter((role) => !now.has(roleKey(role)))
        .map((role) => ({
          subPath: [],
          before: roleKey(role),
          after: undefined,
          ...grantVerdict(sensitiveRolesOf(role, context.before), holder, false),
        })),
    ];
  };
}

const sensitiveOfAll = (roles: readonly RoleRef[], realm: RealmSettings): string[] => [
  ...new Set(roles.flatMap((role) => sensitiveRolesOf(role, realm))),
];

const ROLES = entities<RoleSettings>({
  key: roleKey,
  fields: { client: ignored, name: ignored, composites: heldRoles('whoever holds this role') },
  added: () => neutralVerdict('role added: who holds it decides'),
  removed: () => neutralVerdict('role removed'),
  summary: (role) => (role.composites.length > 0 ? `composite of ${role.composites.map(roleKey).join(', ')}` : 'role'),
});

const GROUPS = entities<GroupSettings>({
  key: (group) => group.path,
  fields: { path: ignored, roles: heldRoles("the group's members") },
  added: (group, context) => grantVerdict(sensitiveOfAll(group.roles, context.after), 'a new group', true),
  removed: (group, context) => grantVerdict(sensitiveOfAll(group.roles, context.before), "the group's members", false),
  summary: (group) => group.roles.map(roleKey).join(', ') || 'no roles',
});

/** The groups of a service account: joining one grants what the group holds. */
function memberships(holder: string): FieldDiffer<readonly string[] | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    // A member holds the group's roles and its parent groups' (policies/access-graph.ts).
    const grants = (path: string, realm: RealmSettings) =>
      realm.access ? sensitiveOfAll(new AccessGraph(realm.access).groupRoles(path), realm) : [];
    return [
      ...after
        .filter((path) => !before.includes(path))
        .map((path) => ({
          subPath: [],
          before: undefined,
          after: path,
          ...grantVerdict(grants(path, context.after), holder, true),
        })),
      ...before
        .filter((path) => !after.includes(path))
        .map((path) => ({
          subPath: [],
          before: path,
          after: undefined,
          ...grantVerdict(grants(path, context.before), holder, false),
        })),
    ];
  };
}

const SERVICE_ACCOUNTS = entities<ServiceAccountSettings>({
  key: (account) => account.clientId,
  fields: { clientId: ignored, roles: heldRoles('the service account'), groups: memberships('the service account') },
  added: (account, context) =>
    grantVerdict(sensitiveOfAll(account.roles, context.after), 'a new service account', true),
  removed: () => neutralVerdict('service account removed'),
  summary: (account) => account.roles.map(roleKey).join(', ') || 'no roles',
});

const SCOPE_MAPPINGS = entities<ScopeMappingSettings>({
  key: scopeMappingKey,
  fields: { client: ignored, clientScope: ignored, roles: heldRoles('tokens of this client or scope') },
  added: (mapping, context) =>
    grantVerdict(sensitiveOfAll(mapping.roles, context.after), 'tokens of this client or scope', true),
  removed: (mapping, context) =>
    grantVerdict(sensitiveOfAll(mapping.roles, context.before), 'tokens of this client or scope', false),
  summary: (mapping) => mapping.roles.map(roleKey).join(', '),
});

const ACCESS_TABLE: DiffTable<AccessSettings> = {
  roles: ROLES,
  groups: GROUPS,
  defaultRoles: heldRoles('every user (default roles)'),
  serviceAccounts: SERVICE_ACCOUNTS,
  scopeMappings: SCOPE_MAPPINGS,
};

export const ACCESS = knownPart(ACCESS_TABLE);
