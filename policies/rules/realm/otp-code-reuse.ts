import { defineRule } from '../../define-rule.ts';
import { ASVS, RFC6238 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'otp-code-reuse',
  title: 'An OTP code works once',
  severity: 'high',
  sources: [
    RFC6238('§5.2 (the verifier MUST NOT accept the second attempt of the same OTP)'),
    ASVS('V6.5.1 (TOTPs are only successfully usable once)'),
  ],
  why: 'With otpPolicyCodeReusable Keycloak accepts a code again after a successful login with it, so a code read over a shoulder, phished or replayed from a proxy log still logs in while it is valid.',
  remediation: { baselineKey: 'security.otp.codeReusable', value: false },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { reusable: 'OTP codes may be used again (otpPolicyCodeReusable is true).' },
  *check(realm) {
    if (realm.otpPolicyCodeReusable) yield { path: ['otpPolicyCodeReusable'], messageId: 'reusable' };
  },
});
