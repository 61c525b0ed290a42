import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'offline-access-default',
  title: 'offline_access is not a default client scope',
  severity: 'medium',
  sources: [RFC9700('§2.3 (access token privilege restriction)'), ASVS('V10.4.11 (only the scopes needed)')],
  why: 'As a default scope, offline_access gives every login a long-lived offline token whether the application needs one or not.',
  remediation: {
    baselineKey: 'clients[].optionalScopes',
    value: ['offline_access'],
    note: 'and leave it out of clients[].defaultScopes',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  // The client's scope lists: a Pulumi stack declares them apart from the client (ClientDefaultScopes...).
  reads: ['clients', 'clientScopes'],
  messages: { isDefault: 'offline_access is a default client scope: every login gets an offline token.' },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      // The list, not the item's index: Keycloak orders scopes its own way (as offline-access-optional).
      if (client.defaultClientScopes.includes('offline_access'))
        yield { path: clientPath(client, 'defaultClientScopes'), messageId: 'isDefault' };
    }
  },
});
