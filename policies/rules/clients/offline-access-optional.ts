import { defineRule } from '../../define-rule.ts';
import { clientPath, issuesRefreshTokens, oidcClients } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'offline-access-optional',
  title: 'Only clients that need offline tokens can ask for them',
  severity: 'low',
  sources: [RFC9700('§2.3 (access token privilege restriction)'), ASVS('V10.4.11 (only the scopes needed)')],
  why: 'Keycloak makes offline_access an optional scope of every client it creates, and a client that asks for scope=offline_access then gets an offline token (both shown on the server): a refresh token that keeps working after the SSO session is gone, bounded only by the offline-session limits. Under baseline that is Keycloak’s default and reported as info; strict wants it only on the clients that need it.',
  remediation: {
    baselineKey: 'clients[].optionalScopes',
    value: [],
    note: 'leave offline_access out unless the client needs offline tokens',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  // The client's scope lists: a Pulumi stack declares them apart from the client (ClientDefaultScopes...).
  reads: ['clients', 'clientScopes'],
  messages: { optional: 'offline_access is an optional client scope: the client can ask for offline tokens.' },
  *check(realm, _params, { profile }) {
    for (const client of oidcClients(realm)) {
      if (!issuesRefreshTokens(client)) continue;
      // The list, not the item's index: Keycloak orders scopes its own way, so an index would give the
      // same finding another fingerprint in a baseline, an export and the live realm.
      if (client.optionalClientScopes.includes('offline_access'))
        yield {
          path: clientPath(client, 'optionalClientScopes'),
          messageId: 'optional',
          severity: profile === 'strict' ? 'low' : 'info',
        };
    }
  },
});
