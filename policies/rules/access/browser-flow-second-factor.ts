import { AccessGraph } from '../../access-graph.ts';
import { FlowJudge } from '../../browser-flow.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey, type RoleRef } from '../../../model/entities/access.ts';
import { REALM_MANAGEMENT_CLIENT } from '../../../model/entities/sensitive-roles.ts';
import type { RealmSettings } from '../../../model/realm-settings.ts';
import { SENSITIVE_ROLE_PARAM_DOCS, SENSITIVE_ROLE_PARAMS, sensitiveRoleMatcher } from '../../sensitive-roles.ts';
import { ASVS, NIST_800_53 } from '../../sources.ts';

/** A condUserRole value as Keycloak writes it: 'role' for a realm role, 'clientId.role' for a client role. */
const conditionName = (role: RoleRef) => (role.client === undefined ? role.name : `${role.client}.${role.name}`);

/** The listed roles themselves, where the source does not list the realm's roles (master's own are in master-realm). */
const listedRoles = (realm: RealmSettings, entries: readonly string[]): RoleRef[] =>
  entries.map((entry) => {
    const slash = entry.indexOf('/');
    if (slash < 0) return { name: entry };
    const client = entry.slice(0, slash);
    const adminClient = realm.realm === 'master' && client === REALM_MANAGEMENT_CLIENT ? 'master-realm' : client;
    return { client: adminClient, name: entry.slice(slash + 1) };
  });

/** Up to five names, then how many more (master lists every realm's admin roles). */
const listed = (names: string[]) =>
  names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;

export default defineRule('access', {
  id: 'browser-flow-second-factor',
  title: 'Administrators must pass a second factor in the browser flow',
  severity: 'medium',
  sources: [
    NIST_800_53('IA-2(1) (multi-factor authentication to privileged accounts)'),
    ASVS('V6.3.3 (multi-factor authentication)'),
  ],
  why: 'Keycloak’s default browser flow asks for a one-time code only from users who have set one up (its 2FA sub-flow is CONDITIONAL on “user configured”), so an administrator who never did logs in with a password alone. The rule wants a REQUIRED second factor (OTP, WebAuthn or recovery code) on the password way in, or a CONDITIONAL one keyed on the admin roles. Medium in master, whose admin role always has a holder, and where groups hand out admin roles; low where the model shows no holder (users’ own role mappings are not read).',
  remediation: {
    action:
      'Make a second factor REQUIRED in the browser flow, or add a CONDITIONAL sub-flow with a “Condition - user role” on each admin role and a REQUIRED OTP or WebAuthn step.',
  },
  params: SENSITIVE_ROLE_PARAMS,
  paramDocs: SENSITIVE_ROLE_PARAM_DOCS,
  messages: {
    missing: 'The browser flow {{flow}} lets holders of {{roles}} log in without a second factor.',
  },
  reads: ['authentication', 'access'],
  *check(realm, params) {
    const { authentication, access } = realm;
    // A browser flow the source does not show is not judged (a partial export, a flow outside the model).
    if (!authentication?.flows.some((flow) => flow.alias === authentication.browserFlow)) return;
    const isSensitive = sensitiveRoleMatcher(realm, params);
    const graph = access && new AccessGraph(access);
    // Every realm has its admin roles (Keycloak creates them); a source that lists no roles still has them.
    const known = access?.roles.filter(isSensitive) ?? [];
    const roles =
      known.length > 0 ? known : listedRoles(realm, [...params.sensitiveRoles, ...params.additionalSensitiveRoles]);
    const uncovered = roles.filter((role) => {
      // Keycloak's role condition holds for a user holding the role or a composite that includes it.
      const held = new Set((graph ? graph.closure(role) : [role]).map(conditionName));
      return !new FlowJudge(authentication, (condUserRole) => held.has(condUserRole)).requiresSecondFactor(
        authentication.browserFlow,
      );
    });
    if (uncovered.length === 0) return;
    const knownHolders =
      realm.realm === 'master' ||
      (graph !== undefined &&
        access !== undefined &&
        access.groups.some((group) => graph.sensitiveAmong(group.roles, isSensitive).length > 0));
    yield {
      path: ['authentication', 'flows', authentication.browserFlow],
      messageId: 'missing',
      severity: knownHolders ? 'medium' : 'low',
      data: { flow: authentication.browserFlow, roles: listed(uncovered.map(roleKey)) },
    };
  },
});
