import { isPlainHttpToRemote, uriScheme } from '../../../model/loopback.ts';
import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients, usesBrowserFlow } from '../../entities.ts';
import { RFC9700 } from '../../sources.ts';

/** 'http' for plain HTTP to a non-loopback host, 'custom' for a private-use scheme, else undefined. */
export function schemeProblem(uri: string): 'http' | 'custom' | undefined {
  const scheme = uriScheme(uri);
  if (scheme === undefined || scheme === 'https') return undefined; // relative URIs resolve against rootUrl
  if (scheme === 'http') return isPlainHttpToRemote(uri) ? 'http' : undefined;
  return 'custom';
}

export default defineRule('clients', {
  id: 'redirect-uri-scheme',
  title: 'Redirect URIs use HTTPS (plain HTTP only on loopback)',
  severity: 'high',
  sources: [RFC9700('§2.6 (no plain-http redirect URIs except loopback)')],
  why: 'An authorization code or token sent to a plain-HTTP redirect URI can be read by anyone on the path. Custom schemes (native apps) can be claimed by another app on the device, which PKCE must then cover.',
  remediation: { baselineKey: 'clients[].redirectUris', value: ['https://app.example.com/callback'] },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    http: "Redirect URI '{{uri}}' uses plain HTTP to a non-loopback host.",
    custom: "Redirect URI '{{uri}}' uses a custom scheme: make sure PKCE is required (native apps).",
  },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (!usesBrowserFlow(client)) continue;
      for (const [index, uri] of client.redirectUris.entries()) {
        const problem = schemeProblem(uri);
        if (problem === 'http')
          yield { path: clientPath(client, 'redirectUris', String(index)), messageId: 'http', data: { uri } };
        else if (problem === 'custom')
          yield {
            path: clientPath(client, 'redirectUris', String(index)),
            messageId: 'custom',
            data: { uri },
            severity: 'info',
          };
      }
    }
  },
});
