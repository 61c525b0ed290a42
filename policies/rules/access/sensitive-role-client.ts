import { AccessGraph, describeHolding, type SensitiveHolding } from '../../access-graph.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey, scopeMappingKey, type ScopeMappingSettings } from '../../../model/entities/access.ts';
import { SENSITIVE_ROLE_PARAM_DOCS, SENSITIVE_ROLE_PARAMS, sensitiveRoleMatcher } from '../../sensitive-roles.ts';
import { ASVS } from '../../sources.ts';

/** A client's two scope lists, in the order findings list them. */
const SCOPE_LISTS = [
  { field: 'defaultClientScopes', kind: 'default' },
  { field: 'optionalClientScopes', kind: 'optional' },
] as const;

export default defineRule('access', {
  id: 'sensitive-role-client',
  title: 'Application tokens cannot carry admin roles',
  severity: 'medium',
  sources: [
    ASVS('V10.4.11 (least privilege in tokens)'),
    ASVS('V8.2.1 (function-level access by explicit permission)'),
  ],
  why: 'A scope mapping lets a client’s tokens carry a role its user holds; with an admin role among them, an administrator’s token for an ordinary application is also good against the admin API, so a token leaked from that application administers the realm. (A client with full scope allowed carries every role whatever its own mappings say: see full-scope-allowed.)',
  remediation: {
    action:
      'Remove the admin role from the scope mappings of the client and of the client scopes it uses, unless the client is an admin tool.',
  },
  params: SENSITIVE_ROLE_PARAMS,
  paramDocs: SENSITIVE_ROLE_PARAM_DOCS,
  messages: {
    client: 'Tokens of {{client}} may carry {{role}}: it is in the client’s scope mappings.',
    scope:
      'Tokens of {{client}} may carry {{role}}: it is in the scope mappings of client scope {{scope}}, one of the client’s {{kind}} scopes.',
  },
  reads: ['access', 'clients'],
  *check(realm, params) {
    if (!realm.access) return;
    const graph = new AccessGraph(realm.access);
    const isSensitive = sensitiveRoleMatcher(realm, params);
    // Once per scope mapping: thousands of clients share a handful of client scopes (5,000 clients
    // asked it 40,000 times, the most CPU of any rule).
    const known = new Map<ScopeMappingSettings, SensitiveHolding[]>();
    const sensitiveIn = (mapping: ScopeMappingSettings | undefined): SensitiveHolding[] => {
      if (!mapping) return [];
      let holdings = known.get(mapping);
      if (!holdings) known.set(mapping, (holdings = graph.sensitiveAmong(mapping.roles, isSensitive)));
      return holdings;
    };
    const byKey = new Map(realm.access.scopeMappings.map((mapping) => [scopeMappingKey(mapping), mapping]));
    // By scope name: each client lists about ten scopes, the same few names.
    const byScope = new Map<string, SensitiveHolding[]>();
    const inScope = (scope: string): SensitiveHolding[] => {
      let holdings = byScope.get(scope);
      if (!holdings)
        byScope.set(scope, (holdings = sensitiveIn(byKey.get(scopeMappingKey({ clientScope: scope, roles: [] })))));
      return holdings;
    };
    for (const client of realm.clients) {
      if (!client.enabled) continue;
      // With full scope allowed Keycloak puts every role of the user in the token and the client's
      // own mappings change nothing: full-scope-allowed judges that client. (So audit reads own
      // mappings only of clients with full scope off: model/live/access.ts.)
      const own = client.fullScopeAllowed
        ? undefined
        : byKey.get(scopeMappingKey({ client: client.clientId, roles: [] }));
      for (const holding of sensitiveIn(own)) {
        yield {
          path: [
            'access',
            'scopeMappings',
            scopeMappingKey({ client: client.clientId, roles: [] }),
            'roles',
            roleKey(holding.held),
          ],
          messageId: 'client',
          data: { client: client.clientId, role: describeHolding(holding) },
        };
      }
      for (const { field, kind } of SCOPE_LISTS) {
        for (const scope of client[field]) {
          for (const holding of inScope(scope)) {
            yield {
              path: ['clients', client.clientId, field, scope],
              messageId: 'scope',
              data: { client: client.clientId, role: describeHolding(holding), scope, kind },
            };
          }
        }
      }
    }
  },
});
