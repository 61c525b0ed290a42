import { AccessGraph, describeHolding } from '../../access-graph.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey } from '../../../model/entities/access.ts';
import { SENSITIVE_ROLE_PARAM_DOCS, SENSITIVE_ROLE_PARAMS, sensitiveRoleMatcher } from '../../sensitive-roles.ts';
import { ASVS, NIST_800_53 } from '../../sources.ts';

export default defineRule('access', {
  id: 'sensitive-role-default',
  title: 'The realm’s default roles grant no admin rights',
  severity: 'critical',
  sources: [ASVS('V8.2.1 (function-level access by explicit permission)'), NIST_800_53('AC-6 (least privilege)')],
  why: 'Keycloak gives the default roles to every user of the realm, each new one included, so an admin role among them makes everyone an administrator.',
  remediation: {
    action: "Remove the admin role, and every composite that includes one, from the realm's default roles.",
  },
  params: SENSITIVE_ROLE_PARAMS,
  paramDocs: SENSITIVE_ROLE_PARAM_DOCS,
  messages: { holds: 'Every user of the realm holds {{role}}: it is one of the default roles.' },
  *check(realm, params) {
    if (!realm.access) return;
    const graph = new AccessGraph(realm.access);
    for (const holding of graph.sensitiveAmong(realm.access.defaultRoles, sensitiveRoleMatcher(realm, params))) {
      yield {
        path: ['access', 'defaultRoles', roleKey(holding.held)],
        messageId: 'holds',
        data: { role: describeHolding(holding) },
      };
    }
  },
});
