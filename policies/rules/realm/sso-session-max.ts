import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS, NIST_800_63B } from '../../sources.ts';

export default defineRule('realm', {
  id: 'sso-session-max',
  title: 'SSO sessions have an absolute limit',
  severity: 'medium',
  sources: [
    NIST_800_63B('§2.2.3 / §2.3.3 (reauthentication at least every 24 h / 12 h)'),
    ASVS('V7.3.2 (absolute session lifetime)'),
  ],
  why: 'Without an absolute limit an active session — or one an attacker keeps alive — never asks for the password again.',
  remediation: {
    baselineKey: 'sessions.ssoSessionMaxLifespan',
    value: '10h',
    note: '12h or less under the strict profile',
  },
  params: { baseline: { max: 86_400 }, strict: { max: 43_200 } },
  paramDocs: { max: 'Longest accepted absolute SSO session lifespan, in seconds.' },
  messages: {
    tooLong: 'SSO sessions last up to {{actual}}; at most {{max}} is accepted.',
    unlimited: 'SSO sessions have no absolute limit (ssoSessionMaxLifespan is 0).',
  },
  *check(realm, { max }) {
    const actual = realm.ssoSessionMaxLifespan;
    if (actual <= 0) yield { path: ['ssoSessionMaxLifespan'], messageId: 'unlimited' };
    else if (actual > max)
      yield {
        path: ['ssoSessionMaxLifespan'],
        messageId: 'tooLong',
        data: { actual: humanSeconds(actual), max: humanSeconds(max) },
      };
  },
});
