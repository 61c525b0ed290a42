import { AccessGraph, describeHolding } from '../../access-graph.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey } from '../../../model/entities/access.ts';
import { SENSITIVE_ROLE_PARAM_DOCS, SENSITIVE_ROLE_PARAMS, sensitiveRoleMatcher } from '../../sensitive-roles.ts';
import { NIST_800_53 } from '../../sources.ts';

export default defineRule('access', {
  id: 'sensitive-role-group',
  title: 'Groups that grant admin roles are known',
  severity: 'low',
  sources: [NIST_800_53('AC-6(7) (review of user privileges)'), NIST_800_53('AC-2(7) (privileged user accounts)')],
  why: 'Every member of a group holds its roles and those of its parent groups, so adding someone to the group makes them a realm administrator; such groups should be few, known and reviewed (suppress the finding for the ones you mean).',
  remediation: {
    action:
      'Keep admin roles out of groups that are not meant for administrators, and suppress the finding for the groups that are.',
  },
  params: SENSITIVE_ROLE_PARAMS,
  paramDocs: SENSITIVE_ROLE_PARAM_DOCS,
  messages: { holds: 'Members of group {{group}} hold {{role}}.' },
  *check(realm, params) {
    if (!realm.access) return;
    const graph = new AccessGraph(realm.access);
    const isSensitive = sensitiveRoleMatcher(realm, params);
    // Each group is judged on its own mappings: sub-groups inherit them, and the finding on the parent says so once.
    for (const group of realm.access.groups) {
      for (const holding of graph.sensitiveAmong(group.roles, isSensitive)) {
        yield {
          path: ['access', 'groups', group.path, 'roles', roleKey(holding.held)],
          messageId: 'holds',
          data: { group: group.path, role: describeHolding(holding) },
        };
      }
    }
  },
});
