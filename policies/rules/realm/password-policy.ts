import { defineRule } from '../../define-rule.ts';
import { ASVS, NIST_800_63B, OWASP_PASSWORD_STORAGE } from '../../sources.ts';

/** OWASP's minimum PBKDF2 iteration counts per hash; Keycloak's default (argon2) needs none. */
const PBKDF2_MIN_ITERATIONS: Record<string, number> = {
  pbkdf2: 1_300_000,
  'pbkdf2-sha256': 600_000,
  'pbkdf2-sha512': 210_000,
};

/** The arguments of one policy in Keycloak's `name(arg) and name(arg)` string. */
function policyArgument(policy: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\(([^)]*)\\)`).exec(policy);
  return match?.[1]?.trim();
}

export default defineRule('realm', {
  id: 'password-policy',
  title: 'Passwords are long enough and stored with a strong hash',
  severity: 'medium',
  sources: [
    NIST_800_63B('§3.1.1.2 (password length: 15 single-factor, 8 with MFA)'),
    ASVS('V6.2.1 (minimum password length)'),
    OWASP_PASSWORD_STORAGE('PBKDF2 iteration counts'),
  ],
  why: 'Length is what makes a password hard to guess; a fast or SHA-1 hash makes a leaked credential table cheap to crack.',
  remediation: {
    baselineKey: 'security.passwordPolicy',
    value: ['length(12)', 'notUsername()', 'notEmail()'],
    note: 'length(15) under strict',
  },
  params: { baseline: { minLength: 8 }, strict: { minLength: 15 } },
  paramDocs: { minLength: 'Shortest accepted minimum password length.' },
  messages: {
    noLength: 'The password policy sets no minimum length (Keycloak then accepts any non-empty password).',
    tooShort: 'Passwords may be {{actual}} characters long; the minimum must be at least {{min}}.',
    weakHash: 'Passwords are hashed with {{algorithm}} (PBKDF2 with SHA-1); use argon2 (the default) or pbkdf2-sha512.',
    fewIterations: '{{algorithm}} runs {{actual}} iterations; OWASP asks for at least {{min}}.',
  },
  *check(realm, { minLength }) {
    const policy = realm.passwordPolicy;
    const length = policyArgument(policy, 'length');
    if (length === undefined) yield { path: ['passwordPolicy'], messageId: 'noLength' };
    else if (!(Number(length) >= minLength))
      yield { path: ['passwordPolicy'], messageId: 'tooShort', data: { actual: length, min: minLength } };

    const algorithm = policyArgument(policy, 'hashAlgorithm');
    if (algorithm === 'pbkdf2') yield { path: ['passwordPolicy'], messageId: 'weakHash', data: { algorithm } };
    const iterations = policyArgument(policy, 'hashIterations');
    const minimum = algorithm === undefined ? undefined : PBKDF2_MIN_ITERATIONS[algorithm];
    if (minimum !== undefined && iterations !== undefined && Number(iterations) < minimum) {
      yield {
        path: ['passwordPolicy'],
        messageId: 'fewIterations',
        data: { algorithm: algorithm ?? '', actual: iterations, min: minimum },
      };
    }
  },
});
