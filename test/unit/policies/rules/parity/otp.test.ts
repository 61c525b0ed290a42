/** Rule tables: the realm's OTP policy (otp-code-reuse, otp-digits, otp-time-step, otp-look-ahead). */
import otpCodeReuse from '../../../../../policies/rules/realm/otp-code-reuse.ts';
import otpDigits from '../../../../../policies/rules/realm/otp-digits.ts';
import otpLookAhead from '../../../../../policies/rules/realm/otp-look-ahead.ts';
import otpTimeStep from '../../../../../policies/rules/realm/otp-time-step.ts';
import { ruleTable } from '../../rule-table.ts';

ruleTable(otpCodeReuse, {
  valid: [],
  invalid: [
    {
      name: 'codes reusable',
      change: (r) => {
        r.otpPolicyCodeReusable = true;
      },
      errors: [{ messageId: 'reusable', path: ['otpPolicyCodeReusable'] }],
    },
  ],
});

ruleTable(otpDigits, {
  valid: [
    {
      name: '8 digits',
      change: (r) => {
        r.otpPolicyDigits = 8;
      },
    },
  ],
  invalid: [
    {
      name: '4 digits',
      change: (r) => {
        r.otpPolicyDigits = 4;
      },
      errors: [{ messageId: 'few', path: ['otpPolicyDigits'] }],
    },
    {
      name: '6 digits when config asks for 8',
      params: { minDigits: 8 },
      change: (r) => {
        r.otpPolicyDigits = 6;
      },
      errors: [{ messageId: 'few', path: ['otpPolicyDigits'] }],
    },
  ],
});

ruleTable(otpTimeStep, {
  valid: [
    {
      name: '60 s under baseline',
      change: (r) => {
        r.otpPolicyPeriod = 60;
      },
    },
    {
      name: 'HOTP: no time step to judge',
      profile: 'strict',
      change: (r) => {
        r.otpPolicyType = 'hotp';
        r.otpPolicyPeriod = 300;
      },
    },
  ],
  invalid: [
    {
      name: '120 s under baseline',
      change: (r) => {
        r.otpPolicyPeriod = 120;
      },
      errors: [{ messageId: 'long', path: ['otpPolicyPeriod'] }],
    },
    {
      name: '60 s under strict',
      profile: 'strict',
      change: (r) => {
        r.otpPolicyPeriod = 60;
      },
      errors: [{ messageId: 'long', path: ['otpPolicyPeriod'] }],
    },
  ],
});

ruleTable(otpLookAhead, {
  valid: [
    {
      name: 'window 0',
      change: (r) => {
        r.otpPolicyLookAheadWindow = 0;
      },
    },
  ],
  invalid: [
    {
      name: 'window 3',
      change: (r) => {
        r.otpPolicyLookAheadWindow = 3;
      },
      errors: [{ messageId: 'wide', path: ['otpPolicyLookAheadWindow'] }],
    },
    {
      name: 'window 1 when config asks for 0',
      params: { maxWindow: 0 },
      change: (r) => {
        r.otpPolicyLookAheadWindow = 1;
      },
      errors: [{ messageId: 'wide', path: ['otpPolicyLookAheadWindow'] }],
    },
  ],
});
