import { defineRule } from '../../define-rule.ts';
import { RFC4226, RFC6238 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'otp-look-ahead',
  title: 'Few OTP codes are accepted at once',
  severity: 'medium',
  sources: [
    RFC6238('§5.2 (RECOMMENDED: at most one time step allowed for network delay)'),
    RFC4226('§7.4 (resynchronization: the look-ahead window s bounds the codes accepted)'),
  ],
  why: 'With look-ahead window w Keycloak accepts a TOTP code from up to w time steps before and after the current one (shown on Keycloak 26.7.3), so 2w + 1 codes are valid at any moment: each step more adds two codes a guesser can hit and keeps a code valid longer.',
  remediation: { baselineKey: 'security.otp.lookAheadWindow', value: 1 },
  params: { baseline: { maxWindow: 1 }, strict: { maxWindow: 1 } },
  paramDocs: { maxWindow: 'Largest accepted look-ahead window.' },
  messages: {
    wide: 'Keycloak accepts codes up to {{actual}} time steps either side of the current one; at most {{max}} is accepted.',
  },
  *check(realm, { maxWindow }) {
    if (realm.otpPolicyLookAheadWindow > maxWindow)
      yield {
        path: ['otpPolicyLookAheadWindow'],
        messageId: 'wide',
        data: { actual: realm.otpPolicyLookAheadWindow, max: maxWindow },
      };
  },
});
