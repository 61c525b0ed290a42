import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS } from '../../sources.ts';

export default defineRule('realm', {
  id: 'offline-session-max',
  title: 'Offline sessions have an absolute limit',
  severity: 'medium',
  sources: [ASVS('V10.4.8 (absolute refresh-token expiry)')],
  why: 'Offline tokens are refresh tokens that keep working after the user’s SSO sessions end (only a not-before, such as an admin’s “log out user”, stops them); without an absolute lifespan one stolen offline token is a permanent credential.',
  remediation: {
    baselineKey: 'sessions.offlineSessionMaxLifespanEnabled',
    value: true,
    note: 'with sessions.offlineSessionMaxLifespan ≤ 60d (≤ 30d under strict)',
  },
  params: { baseline: { max: 5_184_000 }, strict: { max: 2_592_000 } },
  paramDocs: { max: 'Longest accepted offline session lifespan, in seconds.' },
  messages: {
    unlimited: 'Offline sessions have no absolute limit (offlineSessionMaxLifespanEnabled is off).',
    tooLong: 'Offline sessions last up to {{actual}}; at most {{max}} is accepted.',
  },
  *check(realm, { max }) {
    if (!realm.offlineSessionMaxLifespanEnabled)
      yield { path: ['offlineSessionMaxLifespanEnabled'], messageId: 'unlimited' };
    else if (realm.offlineSessionMaxLifespan <= 0 || realm.offlineSessionMaxLifespan > max) {
      yield {
        path: ['offlineSessionMaxLifespan'],
        messageId: 'tooLong',
        data: {
          actual: realm.offlineSessionMaxLifespan <= 0 ? 'forever' : humanSeconds(realm.offlineSessionMaxLifespan),
          max: humanSeconds(max),
        },
      };
    }
  },
});
