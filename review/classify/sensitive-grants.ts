/**
 * Which roles `diff` calls sensitive when someone gains or loses one: the list of the rule that
 * judges that holder — sensitive-role-group for a group's members, sensitive-role-client for a
 * client's or scope's tokens, and so on — as the policy config sets it (its `sensitiveRoles` plus
 * `additionalSensitiveRoles`, policies/sensitive-roles.ts). So a role a team added to a rule's
 * list is a weakening grant in a review exactly where that rule would report it, and the lists
 * live only in the rules' parameters.
 */
import { DEFAULT_PROFILE } from '../../model/profiles.ts';
import type { PolicyConfig } from '../../policies/config.ts';
import type { Profile, Rule } from '../../policies/define-rule.ts';
import { paramsFor } from '../../policies/run.ts';
import { allRules } from '../../policies/rules/index.ts';
import type { SensitiveRoleParams } from '../../policies/sensitive-roles.ts';

/** Who can hold a role, as the access part of the model has them. */
export type RoleHolder = 'composite' | 'group' | 'defaultRoles' | 'serviceAccount' | 'scopeMapping';

/** The rule that judges each holder: its list decides. */
export const HOLDER_RULES: Readonly<Record<RoleHolder, string>> = {
  composite: 'sensitive-role-composite',
  group: 'sensitive-role-group',
  defaultRoles: 'sensitive-role-default',
  serviceAccount: 'sensitive-role-service-account',
  scopeMapping: 'sensitive-role-client',
};

export type SensitiveRoleList = Pick<SensitiveRoleParams, 'sensitiveRoles' | 'additionalSensitiveRoles'>;
export type SensitiveRoleLists = Readonly<Record<RoleHolder, SensitiveRoleList>>;

function listOf(rule: Rule, profile: Profile, config: PolicyConfig | undefined): SensitiveRoleList {
  const params = paramsFor(rule, profile, config);
  const list = (name: string): readonly string[] => {
    const value = params[name];
    // A programming error, not bad input: the config reader checks parameter types against the rule's defaults.
    if (!Array.isArray(value)) throw new Error(`rule ${rule.id} has no list parameter '${name}'`);
    return value as readonly string[];
  };
  return { sensitiveRoles: list('sensitiveRoles'), additionalSensitiveRoles: list('additionalSensitiveRoles') };
}

/** Each holder's list under `profile`, with the config's overrides (none: the built-in list). */
export function sensitiveRoleLists(
  profile: Profile = DEFAULT_PROFILE,
  config?: PolicyConfig,
  rules: readonly Rule[] = allRules,
): SensitiveRoleLists {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const entries = Object.entries(HOLDER_RULES).map(([holder, id]) => {
    const rule = byId.get(id);
    if (!rule) throw new Error(`no rule '${id}' judges ${holder}: review/classify/sensitive-grants.ts is out of date`);
    return [holder, listOf(rule, profile, config)] as const;
  });
  return Object.fromEntries(entries) as Record<RoleHolder, SensitiveRoleList>;
}

/** The built-in lists: what a diff without --config classifies against. */
export const BUILT_IN_SENSITIVE_ROLE_LISTS: SensitiveRoleLists = sensitiveRoleLists();
