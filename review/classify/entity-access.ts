/**
 * Who holds which role. A change weakens when it lets someone (a group's members, every user
 * through the default roles, a service account, a client's or scope's tokens) hold a sensitive
 * role — one on the list of the sensitive-role rule that judges that holder, as the policy config
 * sets it (sensitive-grants.ts), directly or through a composite as the realm after the change
 * defines it — and strengthens when it takes one away. Anything else is neutral: the rules judge
 * the rest.
 */
import { roleKey, scopeMappingKey } from '../../model/entities/access.ts';
import { AccessGraph } from '../../policies/access-graph.ts';
import { sensitiveRoleMatcher } from '../../policies/sensitive-roles.ts';
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
import {
  ignored,
  neutralVerdict,
  strengthens,
  weakens,
  type ClassifyContext,
  type DiffTable,
  type FieldDiffer,
} from './differ.ts';
import { entities } from './entities.ts';
import { knownPart } from './entity-part.ts';
import { BUILT_IN_SENSITIVE_ROLE_LISTS, type RoleHolder, type SensitiveRoleList } from './sensitive-grants.ts';

/** The sensitive roles `role` grants in `realm`: itself, or any role its composites reach (the rules' own matching). */
function sensitiveRolesOf(role: RoleRef, realm: RealmSettings, list: SensitiveRoleList): string[] {
  if (realm.access === undefined) return [];
  const isSensitive = sensitiveRoleMatcher(realm, list);
  return new AccessGraph(realm.access).closure(role).filter(isSensitive).map(roleKey).sort();
}

/** The list that decides for `holder`: the policy config's, else the built-in one. */
const listFor = (holder: RoleHolder, context: ClassifyContext): SensitiveRoleList =>
  (context.sensitiveRoles ?? BUILT_IN_SENSITIVE_ROLE_LISTS)[holder];

/** The verdict on `holder` gaining (or losing) roles, given the sensitive ones among them (watch judges grants with it too). */
export function grantVerdict(sensitive: readonly string[], holder: string, granted: boolean): Verdict {
  if (sensitive.length === 0) return neutralVerdict(granted ? `${holder} gains a role` : `${holder} loses a role`);
  const roles = sensitive.join(', ');
  return granted
    ? weakens(`${holder} now holds ${roles}: administration of the realm (OWASP ASVS 5.0 V8.2)`)
    : strengthens(`${holder} no longer holds ${roles}`);
}

/** A list of roles held by `label`'s holder: each added or removed role judged by what it grants. */
function heldRoles(holder: RoleHolder, label: string): FieldDiffer<readonly RoleRef[] | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    const list = listFor(holder, context);
    const old = new Set(before.map(roleKey));
    const now = new Set(after.map(roleKey));
    return [
      ...after
        .filter((role) => !old.has(roleKey(role)))
        .map((role) => ({
          subPath: [],
          before: undefined,
          after: roleKey(role),
          ...grantVerdict(sensitiveRolesOf(role, context.after, list), label, true),
        })),
      ...before
        .filter((role) => !now.has(roleKey(role)))
        .map((role) => ({
          subPath: [],
          before: roleKey(role),
          after: undefined,
          ...grantVerdict(sensitiveRolesOf(role, context.before, list), label, false),
        })),
    ];
  };
}

/** The sensitive roles any of `roles` grants in `realm`, on `list`. */
export const sensitiveOfAll = (roles: readonly RoleRef[], realm: RealmSettings, list: SensitiveRoleList): string[] => [
  ...new Set(roles.flatMap((role) => sensitiveRolesOf(role, realm, list))),
];

const ROLES = entities<RoleSettings>({
  key: roleKey,
  fields: { client: ignored, name: ignored, composites: heldRoles('composite', 'whoever holds this role') },
  added: () => neutralVerdict('role added: who holds it decides'),
  removed: () => neutralVerdict('role removed'),
  summary: (role) => (role.composites.length > 0 ? `composite of ${role.composites.map(roleKey).join(', ')}` : 'role'),
});

const GROUPS = entities<GroupSettings>({
  key: (group) => group.path,
  fields: { path: ignored, roles: heldRoles('group', "the group's members") },
  added: (group, context) =>
    grantVerdict(sensitiveOfAll(group.roles, context.after, listFor('group', context)), 'a new group', true),
  removed: (group, context) =>
    grantVerdict(sensitiveOfAll(group.roles, context.before, listFor('group', context)), "the group's members", false),
  summary: (group) => group.roles.map(roleKey).join(', ') || 'no roles',
});

/** The groups of a service account: joining one grants what the group holds. */
function memberships(label: string): FieldDiffer<readonly string[] | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    const list = listFor('serviceAccount', context);
    // A member holds the group's roles and its parent groups' (policies/access-graph.ts).
    const grants = (path: string, realm: RealmSettings) =>
      realm.access ? sensitiveOfAll(new AccessGraph(realm.access).groupRoles(path), realm, list) : [];
    return [
      ...after
        .filter((path) => !before.includes(path))
        .map((path) => ({
          subPath: [],
          before: undefined,
          after: path,
          ...grantVerdict(grants(path, context.after), label, true),
        })),
      ...before
        .filter((path) => !after.includes(path))
        .map((path) => ({
          subPath: [],
          before: path,
          after: undefined,
          ...grantVerdict(grants(path, context.before), label, false),
        })),
    ];
  };
}

const SERVICE_ACCOUNTS = entities<ServiceAccountSettings>({
  key: (account) => account.clientId,
  fields: {
    clientId: ignored,
    roles: heldRoles('serviceAccount', 'the service account'),
    groups: memberships('the service account'),
  },
  added: (account, context) =>
    grantVerdict(
      sensitiveOfAll(account.roles, context.after, listFor('serviceAccount', context)),
      'a new service account',
      true,
    ),
  removed: () => neutralVerdict('service account removed'),
  summary: (account) => account.roles.map(roleKey).join(', ') || 'no roles',
});

const TOKENS = 'tokens of this client or scope';

const SCOPE_MAPPINGS = entities<ScopeMappingSettings>({
  key: scopeMappingKey,
  fields: { client: ignored, clientScope: ignored, roles: heldRoles('scopeMapping', TOKENS) },
  added: (mapping, context) =>
    grantVerdict(sensitiveOfAll(mapping.roles, context.after, listFor('scopeMapping', context)), TOKENS, true),
  removed: (mapping, context) =>
    grantVerdict(sensitiveOfAll(mapping.roles, context.before, listFor('scopeMapping', context)), TOKENS, false),
  summary: (mapping) => mapping.roles.map(roleKey).join(', '),
});

const ACCESS_TABLE: DiffTable<AccessSettings> = {
  roles: ROLES,
  groups: GROUPS,
  defaultRoles: heldRoles('defaultRoles', 'every user (default roles)'),
  serviceAccounts: SERVICE_ACCOUNTS,
  scopeMappings: SCOPE_MAPPINGS,
};

export const ACCESS = knownPart(ACCESS_TABLE);
