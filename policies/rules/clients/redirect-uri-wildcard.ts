import type { ClientSettings, FieldPath } from '../../../model/realm-settings.ts';
import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, clientPath, oidcClients, usesBrowserFlow } from '../../entities.ts';
import { WILDCARD_MESSAGES, wildcardViolation } from '../../redirect-wildcard-findings.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

function* redirectUris(client: ClientSettings): Generator<{ uri: string; path: FieldPath }> {
  for (const [index, uri] of client.redirectUris.entries())
    yield { uri, path: clientPath(client, 'redirectUris', String(index)) };
  const logout = client.attributes['post.logout.redirect.uris'];
  if (logout) {
    for (const uri of logout.split('##')) {
      if (uri !== '+') yield { uri, path: clientAttributePath(client, 'post.logout.redirect.uris') };
    }
  }
}

export default defineRule('clients', {
  id: 'redirect-uri-wildcard',
  title: 'Redirect URIs are exact',
  severity: 'critical',
  sources: [
    RFC9700('§2.1 (exact string matching of redirect URIs)'),
    ASVS('V10.4.1 (redirect URIs on an allow-list, exact match)'),
  ],
  why:
    'Keycloak treats a `*` as a wildcard only at the end of a redirect or post-logout URI. `*` alone (or `https://*`) accepts every URL: an attacker has codes and tokens sent to a host they control. ' +
    'A trailing path wildcard (`https://app.example.com/*`, and `https://app.example.com*`, which Keycloak 26.4.13, 26.6.3 and 26.7.0 and later read as that) exposes every page of the site, open redirectors included; ' +
    'older Keycloak versions prefix-matched `https://app.example.com*`, so `https://app.example.com.evil.example/` passed. A `*` elsewhere, as in `https://*.example.com/cb`, is compared literally and matches no real host: a dead entry.',
  remediation: { baselineKey: 'clients[].redirectUris', value: ['https://app.example.com/callback'] },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: WILDCARD_MESSAGES,
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (!usesBrowserFlow(client)) continue;
      for (const { uri, path } of redirectUris(client)) {
        const violation = wildcardViolation(uri, path, realm.keycloakVersion);
        if (violation) yield violation;
      }
    }
  },
});
