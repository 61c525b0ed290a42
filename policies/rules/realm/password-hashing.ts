import { defineRule } from '../../define-rule.ts';
import { parsePasswordPolicy } from '../../../model/constraints/password-policy.ts';
import { NIST_800_132, NIST_800_63B, OWASP_PASSWORD_STORAGE } from '../../sources.ts';

/** Keycloak 26's hash when the policy names none (shown on the server: parity-behaviour.test.ts). */
const KEYCLOAK_DEFAULT_HASH = 'argon2';

/**
 * OWASP's minimum work factor per Keycloak hash provider. For argon2 Keycloak runs argon2id with
 * 7 MiB of memory and parallelism 1 unless the server is configured otherwise; OWASP pairs that
 * memory with at least 5 iterations.
 */
const MIN_ITERATIONS: Record<string, number> = {
  argon2: 5,
  pbkdf2: 1_300_000,
  'pbkdf2-sha256': 600_000,
  'pbkdf2-sha512': 210_000,
};

export default defineRule('realm', {
  id: 'password-hashing',
  title: 'Stored passwords are hashed with enough work',
  severity: 'high',
  sources: [
    OWASP_PASSWORD_STORAGE('Argon2id and PBKDF2 (minimum work factors)'),
    NIST_800_63B('§3.1.1.2 (password verifiers: a password hashing scheme, cost factor as high as practical)'),
    NIST_800_132('§5.2 (iteration count)'),
  ],
  why: 'The iteration count is what makes each guess against a leaked credential table cost time; below OWASP’s minimum an attacker with the table tests passwords cheaply. Keycloak 26 hashes with argon2 (5 iterations) when the policy names no algorithm, so hashIterations alone sets argon2’s count; each pbkdf2 variant defaults to OWASP’s minimum.',
  remediation: {
    baselineKey: 'security.passwordPolicy',
    value: ['hashAlgorithm(argon2)'],
    note: 'or drop hashIterations to keep Keycloak’s defaults; pbkdf2-sha512 needs hashIterations ≥ 210000',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    fewIterations: 'Passwords are hashed with {{algorithm}} at {{actual}} iterations; OWASP asks for at least {{min}}.',
  },
  *check(realm) {
    const items = parsePasswordPolicy(realm.passwordPolicy);
    const valueOf = (name: string) => items.find((item) => item.name === name)?.value;
    const algorithm = valueOf('hashAlgorithm') ?? KEYCLOAK_DEFAULT_HASH;
    const iterations = valueOf('hashIterations');
    const minimum = MIN_ITERATIONS[algorithm];
    if (minimum !== undefined && iterations !== undefined && Number(iterations) < minimum) {
      yield {
        path: ['passwordPolicy'],
        messageId: 'fewIterations',
        data: { algorithm, actual: iterations, min: minimum },
      };
    }
  },
});
