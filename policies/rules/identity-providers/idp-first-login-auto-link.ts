import type { AuthenticationSettings } from '../../../model/realm-settings.ts';
import { defineRule } from '../../define-rule.ts';
import { identityProviders } from '../../entities.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

const AUTO_LINK = 'idp-auto-link';

/** Whether a flow, or a sub-flow it runs, has an execution of this authenticator that is not disabled. */
function runsAuthenticator(
  authentication: AuthenticationSettings,
  flowAlias: string,
  authenticator: string,
  seen = new Set<string>(),
): boolean {
  if (seen.has(flowAlias)) return false; // a cycle Keycloak would refuse; do not loop on bad input
  seen.add(flowAlias);
  const flow = authentication.flows.find((candidate) => candidate.alias === flowAlias);
  return (flow?.executions ?? []).some(
    (execution) =>
      execution.requirement !== 'DISABLED' &&
      (execution.authenticator === authenticator ||
        (execution.subFlow !== undefined && runsAuthenticator(authentication, execution.subFlow, authenticator, seen))),
  );
}

export default defineRule('identity-providers', {
  id: 'idp-first-login-auto-link',
  title: 'First logins through an identity provider do not link accounts unverified',
  severity: 'high',
  sources: [KC_ADMIN_GUIDE('Identity brokering: first login flow, "Automatically link existing first login flow"')],
  why:
    'Keycloak\'s `idp-auto-link` authenticator ("Automatically set existing user") logs the brokered user into the existing account with the same email or username, without any verification. ' +
    "Anyone who can get an account with the victim's email at the identity provider, one that does not verify emails or lets users pick them, then takes over the victim's Keycloak account. " +
    "Keycloak's default first broker login flow instead asks the user to confirm and prove the existing account, by an emailed link or by logging in to it.",
  remediation: {
    action:
      "Give the identity provider a first login flow that verifies the existing account before linking it (as Keycloak's 'first broker login' does), not one that runs idp-auto-link.",
  },
  reads: ['identityProviders', 'authentication'],
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    autoLink:
      "Identity provider '{{alias}}' logs first-time users into existing accounts unverified: its first login flow '{{flow}}' runs idp-auto-link{{trust}}.",
  },
  *check(realm) {
    const { authentication } = realm;
    if (!authentication) return;
    for (const idp of identityProviders(realm)) {
      if (idp.linkOnly) continue; // never logs anyone in: only links an account already logged in
      const flow = idp.firstBrokerLoginFlowAlias || authentication.firstBrokerLoginFlow;
      if (!runsAuthenticator(authentication, flow, AUTO_LINK)) continue;
      yield {
        path: ['identityProviders', idp.alias, 'firstBrokerLoginFlowAlias'],
        messageId: 'autoLink',
        data: {
          alias: idp.alias,
          flow,
          trust: idp.trustEmail ? ', and it trusts the emails the identity provider sends' : '',
        },
      };
    }
  },
});
