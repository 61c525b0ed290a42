import type { ClientSettings, FieldPath } from '../../../model/realm-settings.ts';
import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, clientPath, oidcClients, usesBrowserFlow } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

/** 'open' when the wildcard can reach another host, 'path' for a trailing '/*', else undefined. */
export function wildcardKind(uri: string): 'open' | 'path' | undefined {
  if (!uri.includes('*')) return undefined;
  if (uri === '*' || uri.indexOf('*') !== uri.length - 1) return 'open'; // '*' alone, or in host or middle
  // Trailing '*': safe to a host only when a '/' ends the authority before it.
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)(\/.*)?\*$/i.exec(uri);
  if (match === null) return 'path'; // relative to rootUrl, or a custom scheme: no host to escape to
  return match[2] === undefined ? 'open' : 'path';
}

function* redirectUris(client: ClientSettings): Generator<{ uri: string; path: FieldPath }> {
  for (const [index, uri] of client.redirectUris.entries()) yield { uri, path: clientPath(client, 'redirectUris', String(index)) };
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
  sources: [RFC9700('§2.1 (exact string matching of redirect URIs)'), ASVS('V10.4.1 (redirect URIs on an allow-list, exact match)')],
  why: 'A wildcard that reaches another host (`*`, `https://*.example.com`, `https://app.example.com*`) lets an attacker have codes and tokens sent to a host they control; a path wildcard still exposes every page of the site, including open redirectors.',
  remediation: { baselineKey: 'clients[].redirectUris', value: ['https://app.example.com/callback'] },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    open: "Redirect URI '{{uri}}' matches other hosts.",
    path: "Redirect URI '{{uri}}' matches every path below it.",
  },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (!usesBrowserFlow(client)) continue;
      for (const { uri, path } of redirectUris(client)) {
        const kind = wildcardKind(uri);
        if (kind === 'open') yield { path, messageId: 'open', data: { uri } };
        else if (kind === 'path') yield { path, messageId: 'path', data: { uri }, severity: 'medium' };
      }
    }
  },
});
