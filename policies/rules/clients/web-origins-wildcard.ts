import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { FETCH_CORS } from '../../sources.ts';

export default defineRule('clients', {
  id: 'web-origins-wildcard',
  title: 'CORS origins are listed, not wildcarded',
  severity: 'medium',
  sources: [FETCH_CORS('CORS protocol: Access-Control-Allow-Origin')],
  why: "webOrigins '*' makes Keycloak allow every origin in its CORS answers for this client, so script on any web site can read what its endpoints return (tokens from the token endpoint, for one).",
  remediation: { baselineKey: 'clients[].webOrigins', value: ['+'], note: "'+' = the origins of the redirect URIs" },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { wildcard: "webOrigins contains '*': every origin may make CORS requests." },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      const index = client.webOrigins.indexOf('*');
      if (index >= 0) yield { path: clientPath(client, 'webOrigins', String(index)), messageId: 'wildcard' };
    }
  },
});
