import { defineRule } from '../../define-rule.ts';
import type { ClientSettings, FieldPath } from '../../../model/realm-settings.ts';
import { clientAttributePath, clientPath, oidcClients, usesBrowserFlow } from '../../entities.ts';
import { RFC6749 } from '../../sources.ts';

const POST_LOGOUT = 'post.logout.redirect.uris';
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Keycloak's own placeholders (${authBaseUrl}, ${authAdminUrl}): they resolve to Keycloak's address on purpose. */
const PLACEHOLDER = /^\$\{/;

interface Entry {
  uri: string;
  path: FieldPath;
}

/** The redirect and post-logout URIs a client lists, without the entries other rules judge ('*', '+'). */
function entries(client: ClientSettings): Entry[] {
  const redirects = client.redirectUris.map((uri, index) => ({
    uri,
    path: clientPath(client, 'redirectUris', String(index)),
  }));
  const postLogout = (client.attributes[POST_LOGOUT] ?? '')
    .split('##')
    .map((uri) => ({ uri, path: clientAttributePath(client, POST_LOGOUT) }));
  return [...redirects, ...postLogout].filter(({ uri }) => !['', '*', '+'].includes(uri.trim()));
}

export default defineRule('clients', {
  id: 'redirect-uri-unresolvable',
  title: 'Redirect URIs resolve to the application',
  severity: 'low',
  sources: [RFC6749('§3.1.2 (the redirection endpoint URI MUST be an absolute URI)')],
  why: "Keycloak 26.7.3 resolves a relative redirect or post-logout URI ('/cb') against the client's rootUrl, and without one against its own address, so it accepts https://<keycloak>/cb and refuses the application's https://app.example.com/cb; an entry without a scheme ('app.example.com/cb') matches only that literal text (all shown on the server). Either way logins through the entry do not reach the application.",
  remediation: {
    baselineKey: 'clients[].redirectUris',
    value: ['https://app.example.com/callback'],
    note: 'absolute URIs (or set the client’s rootUrl when relative ones are meant)',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    noRoot: "'{{uri}}' is relative and the client has no rootUrl: it resolves to Keycloak's own address.",
    noScheme: "'{{uri}}' has no scheme: Keycloak matches it only as that literal text.",
  },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (!usesBrowserFlow(client)) continue;
      for (const { uri, path } of entries(client)) {
        if (HAS_SCHEME.test(uri) || PLACEHOLDER.test(uri)) continue;
        if (!uri.startsWith('/')) yield { path, messageId: 'noScheme', data: { uri } };
        else if (client.rootUrl === undefined || client.rootUrl.trim() === '')
          yield { path, messageId: 'noRoot', data: { uri } };
      }
    }
  },
});
