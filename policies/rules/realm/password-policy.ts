import { defineRule } from '../../define-rule.ts';
import { ASVS, NIST_800_63B } from '../../sources.ts';

/** The arguments of one policy in Keycloak's `name(arg) and name(arg)` string. */
function policyArgument(policy: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\(([^)]*)\\)`).exec(policy);
  return match?.[1]?.trim();
}

export default defineRule('realm', {
  id: 'password-policy',
  title: 'Passwords are long enough',
  severity: 'medium',
  sources: [
    NIST_800_63B('§3.1.1.2 (password length: 15 single-factor, 8 with MFA)'),
    ASVS('V6.2.1 (minimum password length)'),
  ],
  why: 'Length is what makes a password hard to guess. (How stored passwords are hashed is the password-hashing rule.)',
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
  },
  *check(realm, { minLength }) {
    const policy = realm.passwordPolicy;
    const length = policyArgument(policy, 'length');
    if (length === undefined) yield { path: ['passwordPolicy'], messageId: 'noLength' };
    else if (!(Number(length) >= minLength))
      yield { path: ['passwordPolicy'], messageId: 'tooShort', data: { actual: length, min: minLength } };
  },
});
