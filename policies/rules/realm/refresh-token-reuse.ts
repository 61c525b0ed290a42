import { defineRule } from '../../define-rule.ts';
import { RFC9700 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'refresh-token-reuse',
  title: 'A rotated refresh token cannot be reused',
  severity: 'medium',
  sources: [RFC9700('§4.14.2 (refresh token protection: rotation detects replay)')],
  why: 'refreshTokenMaxReuse lets a rotated refresh token be used again that many times, which blunts the replay detection rotation exists for.',
  remediation: { baselineKey: 'tokens.refreshTokenMaxReuse', value: 0 },
  params: { baseline: { max: 0 }, strict: { max: 0 } },
  paramDocs: { max: 'Highest accepted refreshTokenMaxReuse.' },
  messages: { reuse: 'A rotated refresh token may be reused {{actual}} time(s); at most {{max}} is accepted.' },
  *check(realm, { max }) {
    // Only meaningful with rotation on; refresh-token-rotation judges rotation itself.
    if (realm.revokeRefreshToken && realm.refreshTokenMaxReuse > max) {
      yield { path: ['refreshTokenMaxReuse'], messageId: 'reuse', data: { actual: realm.refreshTokenMaxReuse, max } };
    }
  },
});
