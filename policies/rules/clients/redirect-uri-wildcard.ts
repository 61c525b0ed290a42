import type { ClientSettings, FieldPath } from '../../../model/realm-settings.ts';
import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, clientPath, oidcClients, usesBrowserFlow } from '../../entities.ts';
import { readPattern } from '../../redirect-patterns.ts';
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
  messages: {
    open: "Redirect URI '{{uri}}' accepts every URL.",
    hostPrefix:
      "Redirect URI '{{uri}}' matches every host whose name starts with it: Keycloak {{version}} prefix-matches it (26.4.13, 26.6.3 and 26.7.0 read it as '{{asPath}}').",
    hostPath: "Redirect URI '{{uri}}' matches every path on its host: Keycloak {{version}} reads it as '{{asPath}}'.",
    hostPathUnknownVersion:
      "Redirect URI '{{uri}}' matches every path on its host on Keycloak 26.4.13, 26.6.3, 26.7.0 and later (read as '{{asPath}}'); older versions match every host whose name starts with it.",
    path: "Redirect URI '{{uri}}' matches every path below it.",
    dead: "Redirect URI '{{uri}}' has a '*' in its host, which Keycloak compares literally: it matches no real redirect (a dead entry).",
  },
  *check(realm) {
    const version = realm.keycloakVersion;
    for (const client of oidcClients(realm)) {
      if (!usesBrowserFlow(client)) continue;
      for (const { uri, path } of redirectUris(client)) {
        const reading = readPattern(uri, version);
        switch (reading.kind) {
          case 'everything':
            yield { path, messageId: 'open', data: { uri } };
            break;
          case 'after-host':
            if (reading.hostBoundary === 'prefix-match')
              yield { path, messageId: 'hostPrefix', data: { uri, version, asPath: reading.asPath } };
            else if (reading.hostBoundary === 'enforced')
              yield { path, messageId: 'hostPath', data: { uri, version, asPath: reading.asPath }, severity: 'medium' };
            else
              yield {
                path,
                messageId: 'hostPathUnknownVersion',
                data: { uri, asPath: reading.asPath },
                severity: 'medium',
              };
            break;
          case 'path':
            yield { path, messageId: 'path', data: { uri }, severity: 'medium' };
            break;
          case 'dead':
            yield { path, messageId: 'dead', data: { uri }, severity: 'low' };
            break;
          case 'exact':
            break;
        }
      }
    }
  },
});
