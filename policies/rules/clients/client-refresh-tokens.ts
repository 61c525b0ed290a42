import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, hasSenderConstrainedTokens, issuesRefreshTokens, oidcClients } from '../../entities.ts';
import { RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'client-refresh-tokens',
  title: 'Public clients get refresh tokens only if rotated or bound',
  severity: 'high',
  sources: [RFC9700('§2.2.2 (refresh tokens for public clients MUST be sender-constrained or rotated)')],
  why: 'A public client cannot keep a secret, so a stolen refresh token is all an attacker needs. RFC 9700 requires rotation (realm-wide revokeRefreshToken in Keycloak) or binding (DPoP/mTLS).',
  remediation: {
    baselineKey: 'clients[].refreshTokens',
    value: false,
    note: 'or tokens.revokeRefreshToken: true, or clients[].tokenBinding: dpop',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    unprotected:
      'The public client receives refresh tokens that are neither rotated (revokeRefreshToken is off) nor sender-constrained.',
  },
  // The realm's rotation switch decides for each public client; a client left out is one finding fewer.
  reads: ['realm', 'clients'],
  *check(realm) {
    if (realm.revokeRefreshToken) return;
    for (const client of oidcClients(realm, { access: 'public' })) {
      if (issuesRefreshTokens(client) && !hasSenderConstrainedTokens(client)) {
        yield { path: clientAttributePath(client, 'use.refresh.tokens'), messageId: 'unprotected' };
      }
    }
  },
});
