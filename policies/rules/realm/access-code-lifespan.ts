import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS, FAPI2 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'access-code-lifespan',
  title: 'Authorization codes expire within a minute',
  severity: 'medium',
  sources: [ASVS('V10.4.3 (authorization code lifetime)'), FAPI2('§5.3.2.1 (authorization code lifetime ≤ 60 s)')],
  why: 'An authorization code is a one-shot bearer credential in the browser’s URL; the shorter it lives, the less time a leaked code (logs, referrers, history) can be redeemed.',
  remediation: { baselineKey: 'tokens.accessCodeLifespan', value: '1m' },
  params: { baseline: { max: 60 }, strict: { max: 60 } },
  paramDocs: { max: 'Longest accepted authorization-code lifespan, in seconds.' },
  messages: { tooLong: 'Authorization codes live {{actual}}; at most {{max}} is accepted.' },
  *check(realm, { max }) {
    if (realm.accessCodeLifespan > max) {
      yield {
        path: ['accessCodeLifespan'],
        messageId: 'tooLong',
        data: { actual: humanSeconds(realm.accessCodeLifespan), max: humanSeconds(max) },
      };
    }
  },
});
