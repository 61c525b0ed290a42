import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, hasSenderConstrainedTokens, issuesRefreshTokens, oidcClients } from '../../entities.ts';
import { ASVS, KC_THREAT_MODEL, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'sender-constrained-tokens',
  title: 'Tokens are sender-constrained (DPoP or mTLS)',
  severity: 'medium',
  sources: [
    RFC9700('§2.2 (sender-constrained tokens)'),
    ASVS('V10.4.14 (sender-constrained tokens, L3)'),
    KC_THREAT_MODEL('Compromised access and refresh tokens: holder-of-key tokens'),
  ],
  why: 'A bearer token works for whoever holds it; a token bound to a DPoP key or client certificate is useless to a thief without that key.',
  remediation: { baselineKey: 'clients[].tokenBinding', value: 'dpop', note: "or 'mtls'" },
  params: { baseline: { scope: 'public-with-refresh' }, strict: { scope: 'all' } },
  paramDocs: { scope: "Which clients must bind tokens: 'public-with-refresh' (low) or 'all' (medium)." },
  messages: {
    bearer: 'Tokens issued to this {{access}} client are plain bearer tokens (neither DPoP nor mTLS binding).',
  },
  *check(realm, { scope }) {
    for (const client of oidcClients(realm)) {
      if (hasSenderConstrainedTokens(client)) continue;
      const all = scope === 'all';
      if (!all && !(client.publicClient && issuesRefreshTokens(client))) continue;
      yield {
        path: clientAttributePath(client, 'dpop.bound.access.tokens'),
        messageId: 'bearer',
        data: { access: client.publicClient ? 'public' : 'confidential' },
        severity: all ? 'medium' : 'low',
      };
    }
  },
});
