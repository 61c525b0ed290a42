import { defineRule } from '../../define-rule.ts';
import { clientPath } from '../../entities.ts';
import { ASVS } from '../../sources.ts';

/** Empty by default: the rule yields nothing until the config names what to watch. */
const NONE: readonly string[] = [];

export default defineRule('access', {
  id: 'sensitive-scope',
  title: 'Sensitive client scopes are given only where they are meant',
  severity: 'medium',
  sources: [ASVS('V10.4.11 (least privilege in tokens)')],
  why: 'A client scope decides which claims and roles a token carries; a scope your organisation marks sensitive (payments, admin APIs, personal data) given to a client as default or optional scope lets that client’s tokens reach what the scope guards. The list is yours to configure: empty by default, the rule then finds nothing.',
  remediation: {
    action:
      'Remove the sensitive scope from the client’s default and optional scopes, or suppress the finding for the clients meant to have it.',
  },
  params: { baseline: { sensitiveScopes: NONE }, strict: { sensitiveScopes: NONE } },
  paramDocs: {
    sensitiveScopes:
      'Names of client scopes no client should use without review (empty by default: the rule finds nothing).',
  },
  messages: { uses: 'Client {{client}} has the sensitive scope {{scope}} as {{kind}} scope.' },
  // The client's scope lists: a Pulumi stack declares them apart from the client (ClientDefaultScopes...).
  reads: ['clients', 'clientScopes'],
  *check(realm, { sensitiveScopes }) {
    if (sensitiveScopes.length === 0) return;
    for (const client of realm.clients) {
      if (!client.enabled) continue;
      const uses = [
        ...client.defaultClientScopes.map((scope) => ({ scope, kind: 'default', field: 'defaultClientScopes' })),
        ...client.optionalClientScopes.map((scope) => ({ scope, kind: 'optional', field: 'optionalClientScopes' })),
      ];
      for (const { scope, kind, field } of uses) {
        if (sensitiveScopes.includes(scope))
          yield {
            path: clientPath(client, field, scope),
            messageId: 'uses',
            data: { client: client.clientId, scope, kind },
          };
      }
    }
  },
});
