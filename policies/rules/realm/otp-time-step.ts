import { defineRule } from '../../define-rule.ts';
import { ASVS, RFC6238 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'otp-time-step',
  title: 'A TOTP code is valid for a short time step',
  severity: 'medium',
  sources: [
    RFC6238('§5.2 (a time-step size of 30 seconds is RECOMMENDED)'),
    ASVS('V6.5.5 (TOTP maximum lifetime of 30 seconds)'),
  ],
  why: 'The time step (otpPolicyPeriod) is how long one TOTP code is valid; a longer step gives a phished or shoulder-surfed code more time to be used and a guesser more tries per code.',
  remediation: { baselineKey: 'security.otp.period', value: 30 },
  params: { baseline: { maxPeriod: 60 }, strict: { maxPeriod: 30 } },
  paramDocs: { maxPeriod: 'Longest accepted TOTP time step in seconds.' },
  messages: { long: 'A TOTP code is valid for {{actual}} s; at most {{max}} s is accepted.' },
  *check(realm, { maxPeriod }) {
    // HOTP codes have no time step: the period does not apply to them.
    if (realm.otpPolicyType === 'totp' && realm.otpPolicyPeriod > maxPeriod)
      yield {
        path: ['otpPolicyPeriod'],
        messageId: 'long',
        data: { actual: realm.otpPolicyPeriod, max: maxPeriod },
      };
  },
});
