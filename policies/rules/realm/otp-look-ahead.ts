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
  why: 'otpPolicyLookAheadWindow is how many earlier time steps (TOTP) or later counter values (HOTP) Keycloak accepts besides the current one: each one more is another valid code a guesser can hit, and keeps a TOTP code valid one time step longer.',
  remediation: { baselineKey: 'security.otp.lookAheadWindow', value: 1 },
  params: { baseline: { maxWindow: 1 }, strict: { maxWindow: 1 } },
  paramDocs: { maxWindow: 'Largest accepted look-ahead window.' },
  messages: {
    wide: 'Keycloak accepts codes up to {{actual}} steps away from the current one; at most {{max}} is accepted.',
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
