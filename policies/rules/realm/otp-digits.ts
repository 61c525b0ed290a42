import { defineRule } from '../../define-rule.ts';
import { ASVS, RFC4226 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'otp-digits',
  title: 'OTP codes have at least 6 digits',
  severity: 'medium',
  sources: [
    RFC4226('§5.3 (implementations MUST extract a 6-digit code at a minimum)'),
    ASVS('V6.5.4 (codes of at least 20 bits: 6 random digits)'),
  ],
  why: 'Each digit fewer makes a code ten times easier to guess within its validity window; below 6 digits the guessing odds leave RFC 4226’s bounds.',
  remediation: { baselineKey: 'security.otp.digits', value: 6 },
  params: { baseline: { minDigits: 6 }, strict: { minDigits: 6 } },
  paramDocs: { minDigits: 'Fewest accepted digits in an OTP code.' },
  messages: { few: 'OTP codes have {{actual}} digits; at least {{min}} are needed.' },
  *check(realm, { minDigits }) {
    if (realm.otpPolicyDigits < minDigits)
      yield { path: ['otpPolicyDigits'], messageId: 'few', data: { actual: realm.otpPolicyDigits, min: minDigits } };
  },
});
