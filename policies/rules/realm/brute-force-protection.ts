import { defineRule } from '../../define-rule.ts';
import { ASVS, NIST_800_63B } from '../../sources.ts';

export default defineRule('realm', {
  id: 'brute-force-protection',
  title: 'Brute-force detection is on',
  severity: 'medium',
  sources: [ASVS('V6.3.1 (credential stuffing and brute-force controls)'), NIST_800_63B('§3.2.2 (rate limiting)')],
  why: 'Without brute-force detection an attacker can try passwords and OTP codes without limit.',
  remediation: {
    baselineKey: 'security.bruteForce.enabled',
    value: true,
    note: 'with security.bruteForce.failureFactor ≤ 30 (≤ 10 under strict)',
  },
  params: { baseline: { maxFailures: 30 }, strict: { maxFailures: 10 } },
  paramDocs: { maxFailures: 'Highest accepted failureFactor (failed logins before a lockout).' },
  messages: {
    off: 'Brute-force detection is off (bruteForceProtected is false).',
    tooMany: 'A user is locked out only after {{actual}} failures; at most {{max}} is accepted.',
  },
  *check(realm, { maxFailures }) {
    if (!realm.bruteForceProtected) yield { path: ['bruteForceProtected'], messageId: 'off' };
    else if (realm.failureFactor > maxFailures)
      yield { path: ['failureFactor'], messageId: 'tooMany', data: { actual: realm.failureFactor, max: maxFailures } };
  },
});
