import { AccessGraph, describeHolding, groupAndAncestors } from '../../access-graph.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey } from '../../../model/entities/access.ts';
import { SENSITIVE_ROLE_PARAM_DOCS, SENSITIVE_ROLE_PARAMS, sensitiveRoleMatcher } from '../../sensitive-roles.ts';
import { ASVS, NIST_800_53 } from '../../sources.ts';

/** Empty by default: only the sensitive roles are judged until the config names groups to watch. */
const NONE: readonly string[] = [];

export default defineRule('access', {
  id: 'sensitive-role-service-account',
  title: 'Service accounts do not administer the realm',
  severity: 'medium',
  sources: [
    NIST_800_53('AC-6(5) (privileged accounts)'),
    ASVS('V8.2.1 (function-level access by explicit permission)'),
  ],
  why: 'A service account is a client secret or key away from a token: whoever obtains the credential holds the account’s roles, and an admin role lets it change users, clients or the realm itself without a login, a second factor or a person noticing.',
  remediation: {
    action:
      'Take the admin roles off the service account (directly, from its groups and from the composites it holds), or give admin automation a client of its own.',
  },
  params: {
    baseline: { ...SENSITIVE_ROLE_PARAMS.baseline, sensitiveGroups: NONE },
    strict: { ...SENSITIVE_ROLE_PARAMS.strict, sensitiveGroups: NONE },
  },
  paramDocs: {
    ...SENSITIVE_ROLE_PARAM_DOCS,
    sensitiveGroups:
      "Group paths ('/ops/admins') no service account should be a member of, whatever roles they grant now; sub-groups included (empty by default).",
  },
  messages: {
    direct: 'The service account of {{client}} holds {{role}}.',
    member: 'The service account of {{client}} is a member of the watched group {{group}}.',
    group: 'The service account of {{client}} holds {{role}} as a member of group {{group}}.',
  },
  *check(realm, params) {
    if (!realm.access) return;
    const graph = new AccessGraph(realm.access);
    const isSensitive = sensitiveRoleMatcher(realm, params);
    for (const account of realm.access.serviceAccounts) {
      const base = ['access', 'serviceAccounts', account.clientId];
      for (const holding of graph.sensitiveAmong(account.roles, isSensitive)) {
        yield {
          path: [...base, 'roles', roleKey(holding.held)],
          messageId: 'direct',
          data: { client: account.clientId, role: describeHolding(holding) },
        };
      }
      for (const group of account.groups) {
        const watched = groupAndAncestors(group).find((path) => params.sensitiveGroups.includes(path));
        if (watched !== undefined)
          yield {
            path: [...base, 'groups', group],
            messageId: 'member',
            data: { client: account.clientId, group: watched },
          };
        for (const holding of graph.sensitiveAmong(graph.groupRoles(group), isSensitive)) {
          yield {
            path: [...base, 'groups', group],
            messageId: 'group',
            data: { client: account.clientId, role: describeHolding(holding), group },
          };
        }
      }
    }
  },
});
