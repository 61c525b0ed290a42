import { defineRule } from '../../define-rule.ts';
import { ASVS, RFC9700, SEED_GUIDE } from '../../sources.ts';

export default defineRule('realm', {
  id: 'refresh-token-rotation',
  title: 'Refresh tokens are rotated (one-time use)',
  severity: 'high',
  sources: [
    RFC9700('§2.2.2 (refresh tokens sender-constrained or rotated)'),
    ASVS('V10.4.5 (refresh-token rotation)'),
    SEED_GUIDE('7. Enable refresh token revocation'),
  ],
  why: 'Without rotation a stolen refresh token keeps minting access tokens for as long as the session lives; with rotation, the first reuse of an old token revokes the whole chain. Keycloak has no per-client switch to turn it on: rotation is the realm’s revokeRefreshToken, and no client attribute changes it.',
  remediation: { baselineKey: 'tokens.revokeRefreshToken', value: true },
  params: { baseline: { required: true }, strict: { required: true } },
  paramDocs: { required: 'Whether revokeRefreshToken must be on.' },
  messages: { off: 'revokeRefreshToken is off: a refresh token can be replayed until its session ends.' },
  *check(realm, { required }) {
    if (required && !realm.revokeRefreshToken) yield { path: ['revokeRefreshToken'], messageId: 'off' };
  },
});
