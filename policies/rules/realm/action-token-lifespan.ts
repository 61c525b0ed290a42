import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS } from '../../sources.ts';

export default defineRule('realm', {
  id: 'action-token-lifespan',
  title: 'E-mailed action links (reset password, execute actions) expire within hours',
  severity: 'medium',
  sources: [ASVS('V6.4.1 (generated activation and recovery secrets expire after a short period)')],
  why: 'A reset-password or set-password link is a bearer credential sitting in a mailbox: whoever reads the mail while the link lives takes the account over. A link that lives for days stays usable long after the user has forgotten it.',
  remediation: {
    baselineKey: 'tokens.actionTokenGeneratedByUserLifespan',
    value: '5m',
    note: 'and tokens.actionTokenGeneratedByAdminLifespan ≤ 24h (≤ 12h under strict); Keycloak’s defaults (5m, 12h) pass',
  },
  params: { baseline: { userMax: 3_600, adminMax: 86_400 }, strict: { userMax: 900, adminMax: 43_200 } },
  paramDocs: {
    userMax: 'Longest accepted lifespan of links a user asks for (reset password, verify e-mail), in seconds.',
    adminMax: 'Longest accepted lifespan of links an administrator sends (execute actions), in seconds.',
  },
  messages: {
    userTooLong: 'Reset-password and verify-e-mail links live {{actual}}; at most {{max}} is accepted.',
    adminTooLong: 'Links administrators send (execute actions) live {{actual}}; at most {{max}} is accepted.',
  },
  *check(realm, { userMax, adminMax }) {
    const user = realm.actionTokenGeneratedByUserLifespan;
    if (user > userMax)
      yield {
        path: ['actionTokenGeneratedByUserLifespan'],
        messageId: 'userTooLong',
        data: { actual: humanSeconds(user), max: humanSeconds(userMax) },
      };
    const admin = realm.actionTokenGeneratedByAdminLifespan;
    if (admin > adminMax)
      yield {
        path: ['actionTokenGeneratedByAdminLifespan'],
        messageId: 'adminTooLong',
        data: { actual: humanSeconds(admin), max: humanSeconds(adminMax) },
      };
  },
});
