import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS, NIST_800_63B } from '../../sources.ts';

export default defineRule('realm', {
  id: 'sso-session-idle',
  title: 'Idle SSO sessions end',
  severity: 'medium',
  sources: [
    NIST_800_63B('§2.2.3 / §2.3.3 (reauthentication after 1 h / 15 min of inactivity)'),
    ASVS('V7.3.1 (inactivity timeout)'),
  ],
  why: 'An abandoned session on a shared or stolen device stays usable until it times out; NIST AAL2 asks for reauthentication after an hour of inactivity, AAL3 after 15 minutes.',
  remediation: { baselineKey: 'sessions.ssoSessionIdleTimeout', value: '30m', note: '15m under the strict profile' },
  params: { baseline: { max: 3600 }, strict: { max: 900 } },
  paramDocs: { max: 'Longest accepted SSO idle timeout, in seconds.' },
  messages: {
    tooLong: 'SSO sessions survive {{actual}} of inactivity; at most {{max}} is accepted.',
    unlimited: 'SSO sessions never time out on inactivity (ssoSessionIdleTimeout is 0).',
  },
  *check(realm, { max }) {
    const actual = realm.ssoSessionIdleTimeout;
    if (actual <= 0) yield { path: ['ssoSessionIdleTimeout'], messageId: 'unlimited' };
    else if (actual > max)
      yield {
        path: ['ssoSessionIdleTimeout'],
        messageId: 'tooLong',
        data: { actual: humanSeconds(actual), max: humanSeconds(max) },
      };
  },
});
