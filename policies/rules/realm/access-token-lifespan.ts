import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { FAPI1, SEED_GUIDE } from '../../sources.ts';

export default defineRule('realm', {
  id: 'access-token-lifespan',
  title: 'Access tokens are short-lived',
  severity: 'high',
  sources: [
    FAPI1('§5.2.2-21 (access tokens under 10 min unless sender-constrained)'),
    SEED_GUIDE('6. Shorten token lifespans (5–15 min)'),
  ],
  why: 'An access token cannot be revoked at the resource servers that validate it offline: a stolen token works until it expires, so its lifespan is the attacker’s window.',
  remediation: { baselineKey: 'tokens.accessTokenLifespan', value: '5m' },
  params: { baseline: { max: 900 }, strict: { max: 300 } },
  paramDocs: { max: 'Longest accepted access-token lifespan, in seconds.' },
  messages: { tooLong: 'Access tokens live {{actual}}; at most {{max}} is accepted.' },
  *check(realm, { max }) {
    // 0 means "not set" in a realm representation; Keycloak then uses its own default (300 s).
    if (realm.accessTokenLifespan > max) {
      yield {
        path: ['accessTokenLifespan'],
        messageId: 'tooLong',
        data: { actual: humanSeconds(realm.accessTokenLifespan), max: humanSeconds(max) },
      };
    }
  },
});
