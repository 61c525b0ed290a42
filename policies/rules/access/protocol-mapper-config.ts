import { defineRule } from '../../define-rule.ts';
import { clientPath } from '../../entities.ts';
import { parseMapperPatterns, type MapperPattern } from '../../mapper-patterns.ts';
import type { ProtocolMapperSettings } from '../../../model/realm-settings.ts';
import { ASVS } from '../../sources.ts';

const matches = (mapper: ProtocolMapperSettings, pattern: MapperPattern) =>
  mapper.type === pattern.type && Object.entries(pattern.config).every(([key, value]) => mapper.config[key] === value);

/** Empty by default: the rule yields nothing until the config names what to watch. */
const NONE: readonly string[] = [];

export default defineRule('access', {
  id: 'protocol-mapper-config',
  title: 'Protocol mappers of a watched kind are known',
  severity: 'medium',
  sources: [ASVS('V10.4.11 (least privilege in tokens)'), ASVS('V8.2.3 (field-level access)')],
  why: 'A protocol mapper puts user data or fixed values into every token or assertion its client issues; a mapper type or config your organisation watches (a hard-coded role, an attribute holding personal data) should appear only where it was reviewed. The list is yours to configure: empty by default, the rule then finds nothing.',
  remediation: {
    action: 'Remove the mapper from the client or client scope, or suppress the finding where it was reviewed.',
  },
  params: { baseline: { mappers: NONE }, strict: { mappers: NONE } },
  paramDocs: {
    mappers:
      "Mapper types to watch, each optionally with config to match as a query string: 'oidc-hardcoded-role-mapper' or 'oidc-usermodel-attribute-mapper?user.attribute=ssn' (every key given must equal; empty by default: the rule finds nothing).",
  },
  messages: {
    client: 'Client {{client}} has protocol mapper {{mapper}} ({{pattern}}).',
    scope: 'Client scope {{scope}} has protocol mapper {{mapper}} ({{pattern}}).',
  },
  reads: ['clients', 'clientScopes'],
  *check(realm, { mappers }) {
    const patterns = parseMapperPatterns(mappers);
    if (patterns.length === 0) return;
    const matching = (list: readonly ProtocolMapperSettings[] | undefined) =>
      (list ?? []).flatMap((mapper) => {
        const pattern = patterns.find((candidate) => matches(mapper, candidate));
        return pattern ? [{ mapper, pattern: pattern.source }] : [];
      });
    for (const client of realm.clients) {
      if (!client.enabled) continue;
      for (const { mapper, pattern } of matching(client.protocolMappers))
        yield {
          path: clientPath(client, 'protocolMappers', mapper.name),
          messageId: 'client',
          data: { client: client.clientId, mapper: mapper.name, pattern },
        };
    }
    // Reported on the scope itself, once, whichever clients use it (as kcwarden's scope monitor).
    for (const scope of realm.clientScopes ?? []) {
      for (const { mapper, pattern } of matching(scope.protocolMappers))
        yield {
          path: ['clientScopes', scope.name, 'protocolMappers', mapper.name],
          messageId: 'scope',
          data: { scope: scope.name, mapper: mapper.name, pattern },
        };
    }
  },
});
