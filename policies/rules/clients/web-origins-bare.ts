import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { FETCH_CORS, RFC6454 } from '../../sources.ts';

/** Keycloak's special entries: '+' (the redirect URIs' origins) and '*' (web-origins-wildcard judges it). */
const SPECIAL = new Set(['+', '*', '']);
/** scheme://host[:port] and nothing after it: what a browser's Origin header carries. */
const BARE_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i;

export default defineRule('clients', {
  id: 'web-origins-bare',
  title: 'CORS origins are bare origins',
  severity: 'low',
  sources: [RFC6454('§7 (the Origin header: scheme, host and port only)'), FETCH_CORS('CORS protocol: Origin')],
  why: "A browser's Origin header is scheme://host[:port], never a path; Keycloak 26.7.3 does not match a webOrigins entry with a path or a trailing slash ('https://app.example.com/path', 'https://app.example.com/', shown on the server), so CORS requests from that site fail and the entry only misleads reviewers.",
  remediation: { baselineKey: 'clients[].webOrigins', value: ['https://app.example.com'] },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    notBare: "webOrigins entry '{{origin}}' is not a bare origin (scheme://host[:port]): it matches no request.",
  },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      for (const [index, origin] of client.webOrigins.entries()) {
        if (!SPECIAL.has(origin.trim()) && !BARE_ORIGIN.test(origin))
          yield { path: clientPath(client, 'webOrigins', String(index)), messageId: 'notBare', data: { origin } };
      }
    }
  },
});
