import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS } from '../../sources.ts';

const PAIRS = [
  ['clientSessionIdleTimeout', 'ssoSessionIdleTimeout'],
  ['clientSessionMaxLifespan', 'ssoSessionMaxLifespan'],
] as const;

export default defineRule('realm', {
  id: 'client-session-bounds',
  title: 'Client sessions do not outlive SSO sessions',
  severity: 'low',
  sources: [ASVS('V7.3 (session timeout)')],
  why: 'A client session lives inside its SSO session, and Keycloak’s documentation asks for client-session values no longer than the SSO session’s; a longer realm-wide value suggests a limit the SSO session ends first, hiding which limit is really in force.',
  remediation: { baselineKey: 'sessions.clientSessionIdleTimeout', value: 0, note: '0 = same as the SSO session' },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { longer: '{{field}} ({{actual}}) is longer than {{ssoField}} ({{sso}}).' },
  *check(realm) {
    for (const [field, ssoField] of PAIRS) {
      const actual = realm[field];
      const sso = realm[ssoField];
      if (actual > 0 && sso > 0 && actual > sso) {
        yield {
          path: [field],
          messageId: 'longer',
          data: { field, ssoField, actual: humanSeconds(actual), sso: humanSeconds(sso) },
        };
      }
    }
  },
});
