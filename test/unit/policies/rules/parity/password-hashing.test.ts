/** Rule table: password-hashing reads hashAlgorithm/hashIterations out of the password policy. */
import passwordHashing from '../../../../../policies/rules/realm/password-hashing.ts';
import { ruleTable } from '../../rule-table.ts';

const withPolicy = (policy: string) => (r: { passwordPolicy: string }) => {
  r.passwordPolicy = `length(15) and ${policy}`;
};

ruleTable(passwordHashing, {
  valid: [
    { name: 'no hash terms: Keycloak’s argon2 at 5 iterations', change: withPolicy('notUsername') },
    { name: 'argon2 named, no count', change: withPolicy('hashAlgorithm(argon2)') },
    { name: 'argon2 at 5', change: withPolicy('hashAlgorithm(argon2) and hashIterations(5)') },
    { name: 'a count alone applies to argon2 (1000 is plenty)', change: withPolicy('hashIterations(1000)') },
    { name: 'pbkdf2-sha512 at 210000', change: withPolicy('hashAlgorithm(pbkdf2-sha512) and hashIterations(210000)') },
    { name: 'pbkdf2-sha256 at its default (600000)', change: withPolicy('hashAlgorithm(pbkdf2-sha256)') },
    { name: 'pbkdf2 (SHA-1) at its default (1300000)', change: withPolicy('hashAlgorithm(pbkdf2)') },
    { name: 'pbkdf2 at 1300000', change: withPolicy('hashAlgorithm(pbkdf2) and hashIterations(1300000)') },
    {
      name: 'a custom hash provider is not judged',
      change: withPolicy('hashAlgorithm(bcrypt) and hashIterations(10)'),
    },
  ],
  invalid: [
    {
      name: 'a count alone lowers argon2 below 5',
      change: withPolicy('hashIterations(1)'),
      errors: [{ messageId: 'fewIterations', path: ['passwordPolicy'] }],
    },
    {
      name: 'pbkdf2-sha512 at 27500 (Keycloak 23’s old default)',
      change: withPolicy('hashAlgorithm(pbkdf2-sha512) and hashIterations(27500)'),
      errors: [{ messageId: 'fewIterations', path: ['passwordPolicy'] }],
    },
    {
      name: 'pbkdf2-sha256 at 210000',
      change: withPolicy('hashIterations(210000) and hashAlgorithm(pbkdf2-sha256)'),
      errors: [{ messageId: 'fewIterations', path: ['passwordPolicy'] }],
    },
    {
      name: 'pbkdf2 at 600000, under strict',
      profile: 'strict',
      change: withPolicy('hashAlgorithm(pbkdf2) and hashIterations(600000)'),
      errors: [{ messageId: 'fewIterations', path: ['passwordPolicy'] }],
    },
  ],
});
