/** Rule tables: who may get an account and with what proof (self-registration, email-verification). */
import emailVerification from '../../../../../policies/rules/realm/email-verification.ts';
import selfRegistration from '../../../../../policies/rules/realm/self-registration.ts';
import { ruleTable } from '../../rule-table.ts';

ruleTable(selfRegistration, {
  valid: [
    {
      name: 'registration on, accepted by config (a sign-up realm)',
      params: { allowed: true },
      change: (r) => {
        r.registrationAllowed = true;
      },
    },
  ],
  invalid: [
    {
      name: 'registration on',
      change: (r) => {
        r.registrationAllowed = true;
      },
      errors: [{ messageId: 'on', path: ['registrationAllowed'] }],
    },
    {
      name: 'registration on under strict',
      profile: 'strict',
      change: (r) => {
        r.registrationAllowed = true;
      },
      errors: [{ messageId: 'on', path: ['registrationAllowed'] }],
    },
  ],
});

ruleTable(emailVerification, {
  valid: [],
  invalid: [
    {
      name: 'verification off',
      change: (r) => {
        r.verifyEmail = false;
      },
      errors: [{ messageId: 'off', path: ['verifyEmail'] }],
    },
  ],
});
