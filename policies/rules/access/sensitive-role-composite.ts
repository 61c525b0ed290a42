import { AccessGraph, describeHolding } from '../../access-graph.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey } from '../../../model/entities/access.ts';
import {
  isBuiltInAdminRole,
  isDefaultRole,
  SENSITIVE_ROLE_PARAM_DOCS,
  SENSITIVE_ROLE_PARAMS,
  sensitiveRoleMatcher,
} from '../../sensitive-roles.ts';
import { NIST_800_53 } from '../../sources.ts';

export default defineRule('access', {
  id: 'sensitive-role-composite',
  title: 'Custom composite roles do not hide admin roles',
  severity: 'low',
  sources: [NIST_800_53('AC-6(7) (review of user privileges)')],
  why: 'Whoever holds a composite role holds every role it includes, transitively; an admin role inside an application role (an “editor” that includes manage-users) hands realm administration to everyone given that role, which its name does not show.',
  remediation: {
    action: 'Take the admin role out of the composite role, and grant it on its own to the few who need it.',
  },
  params: SENSITIVE_ROLE_PARAMS,
  paramDocs: SENSITIVE_ROLE_PARAM_DOCS,
  messages: { includes: 'Role {{composite}} includes {{role}}.' },
  *check(realm, params) {
    if (!realm.access) return;
    const graph = new AccessGraph(realm.access);
    const isSensitive = sensitiveRoleMatcher(realm, params);
    // The default role has its own (critical) rule; Keycloak's admin roles are composites of each other by design.
    for (const role of realm.access.roles) {
      if (isSensitive(role) || isBuiltInAdminRole(realm, role) || isDefaultRole(realm, role)) continue;
      const holding = graph.sensitiveAmong(role.composites, isSensitive)[0];
      if (!holding) continue;
      yield {
        path: ['access', 'roles', roleKey(role), 'composites', roleKey(holding.held)],
        messageId: 'includes',
        data: { composite: roleKey(role), role: describeHolding(holding) },
      };
    }
  },
});
