/**
 * The realm's password policy as Keycloak parses it: org.keycloak.models.PasswordPolicy$Builder
 * splits it on " and ", takes `name(value)` apart, and build() looks every name up as a
 * PasswordPolicyProvider ("Password policy not found") and runs its parseConfig ("Invalid config
 * for length: Not a valid number"). Keycloak refuses the realm with 400 (or 500 for the policies
 * whose parseConfig throws a bare NumberFormatException: digits, lowerCase, upperCase,
 * specialChars, forceExpiredPasswordChange).
 *
 * Not checked: passwordBlacklist(file) — whether the file exists is known only to the server.
 */
import type { ConstraintViolation } from './violation.ts';

/** Policies whose value, when given, is a Java int (PasswordPolicyProvider#parseInteger / Integer.valueOf). */
const INTEGER_POLICIES = new Set([
  'length',
  'maxLength',
  'digits',
  'lowerCase',
  'upperCase',
  'specialChars',
  'passwordHistory',
  'passwordAge',
  'hashIterations',
  'forceExpiredPasswordChange',
  'maxAuthAge',
  'recoveryCodesWarningThreshold',
]);

/** The other PasswordPolicyProviderFactory ids of Keycloak 26.7 (keycloak-server-spi-private, org.keycloak.policy). */
const OTHER_POLICIES = new Set([
  'hashAlgorithm',
  'regexPattern',
  'notUsername',
  'notEmail',
  'notContainsUsername',
  'passwordBlacklist',
]);

/** PasswordHashProviderFactory ids of Keycloak 26.7: pbkdf2* (server-spi-private) and argon2 (crypto-default). */
export const PASSWORD_HASH_ALGORITHMS: readonly string[] = ['argon2', 'pbkdf2', 'pbkdf2-sha256', 'pbkdf2-sha512'];

export const PASSWORD_POLICY_IDS: readonly string[] = [...INTEGER_POLICIES, ...OTHER_POLICIES].sort();

/** One `name(value)` of the policy string, split as PasswordPolicy$Builder does. */
export interface PolicyItem {
  name: string;
  /** undefined when the item has no parentheses. */
  value?: string;
}

export function parsePasswordPolicy(policy: string): PolicyItem[] {
  if (policy.trim() === '') return [];
  return policy.split(' and ').map((part) => {
    const item = part.trim();
    const open = item.indexOf('(');
    if (open === -1) return { name: item };
    return { name: item.slice(0, open).trim(), value: item.slice(open + 1, item.length - 1).trim() };
  });
}

const JAVA_INT = /^[+-]?\d+$/;
const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

function isJavaInt(text: string): boolean {
  if (!JAVA_INT.test(text)) return false;
  const value = Number(text);
  return value >= INT_MIN && value <= INT_MAX;
}

/**
 * Java-only regex syntax that JavaScript's RegExp does not know (possessive quantifiers, atomic
 * groups, \Q…\E, \p{javaX}, \A \Z \z \G): with any of these a JavaScript parse error proves
 * nothing, so such patterns are left to the server.
 */
const JAVA_ONLY_REGEX = /[*+?}]\+|\(\?>|\\Q|\\p\{java|\\[AZzG]/;

function regexProblem(value: string): string | undefined {
  if (value === '') return 'White space not acepted';
  if (JAVA_ONLY_REGEX.test(value)) return undefined;
  try {
    new RegExp(value);
    return undefined;
  } catch {
    return 'Not a valid regular expression';
  }
}

function itemProblem(item: PolicyItem): { message: string; hint: string } | undefined {
  const { name, value } = item;
  if (!INTEGER_POLICIES.has(name) && !OTHER_POLICIES.has(name)) {
    return {
      message: `Keycloak has no password policy '${name}' ("Password policy not found")`,
      hint: `use one of ${PASSWORD_POLICY_IDS.join(', ')}`,
    };
  }
  if (INTEGER_POLICIES.has(name) && value !== undefined && !isJavaInt(value)) {
    return {
      message: `${name}(${value}): Keycloak wants a whole number here ("Invalid config for ${name}: Not a valid number")`,
      hint: `write e.g. ${name}(${name === 'length' ? 12 : 1})`,
    };
  }
  if (name === 'hashAlgorithm' && (value === undefined || !PASSWORD_HASH_ALGORITHMS.includes(value))) {
    return {
      message: `hashAlgorithm${value === undefined ? '' : `(${value})`}: Keycloak has no such password hashing provider`,
      hint: `use hashAlgorithm(${PASSWORD_HASH_ALGORITHMS.join('|')})`,
    };
  }
  if (name === 'regexPattern') {
    const problem = value === undefined ? 'Config required' : regexProblem(value);
    if (problem)
      return {
        message: `regexPattern${value === undefined ? '' : `(${value})`}: Keycloak refuses it ("Invalid config for regexPattern: ${problem}")`,
        hint: 'give a valid Java regular expression, e.g. regexPattern(^[^<>]*$)',
      };
  }
  return undefined;
}

export function passwordPolicyViolations(policy: string): ConstraintViolation[] {
  return parsePasswordPolicy(policy).flatMap((item, index) => {
    const problem = itemProblem(item);
    return problem ? [{ subject: { kind: 'password-policy', index }, ...problem }] : [];
  });
}
