import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients, usesBrowserFlow } from '../../entities.ts';
import { RFC6749, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'redirect-uris-missing',
  title: 'A browser-flow client lists its redirect URIs',
  severity: 'low',
  sources: [
    RFC6749('§3.1.2.2 (public clients and implicit-flow clients MUST register their redirection endpoint)'),
    RFC9700('§2.1 (exact redirect URI matching against registered URIs)'),
  ],
  why: "Keycloak 26.7.3 refuses every authorization request of a client without redirect URIs ('Invalid parameter: redirect_uri', shown on the server), so its standard or implicit flow is switched on for nothing: turn the flow off, or list the URIs it really uses.",
  remediation: {
    baselineKey: 'clients[].redirectUris',
    value: ['https://app.example.com/callback'],
    note: 'or turn the browser flows off (clients[].flows.standard: false)',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { none: 'The client runs a browser flow but lists no redirect URI: every login through it fails.' },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (usesBrowserFlow(client) && client.redirectUris.every((uri) => uri.trim() === ''))
        yield { path: clientPath(client, 'redirectUris'), messageId: 'none' };
    }
  },
});
