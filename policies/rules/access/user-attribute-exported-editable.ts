import { defineRule } from '../../define-rule.ts';
import { clientPath } from '../../entities.ts';
import type { ProtocolMapperSettings } from '../../../model/realm-settings.ts';
import { ASVS } from '../../sources.ts';

/** Mappers that copy a user attribute, named in `user.attribute`, into tokens or assertions. */
const ATTRIBUTE_MAPPERS = new Set(['oidc-usermodel-attribute-mapper', 'saml-user-attribute-mapper']);

/**
 * Attributes Keycloak's built-in profile and phone scopes map to OpenID Connect's standard claims
 * (OpenID Connect Core §5.1): profile data the end user asserts by design, which relying parties
 * must not treat as verified. `phoneNumberVerified` is left out on purpose: a user who can set
 * it claims a verified number.
 */
const STANDARD_PROFILE_ATTRIBUTES = new Set([
  'nickname',
  'middleName',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'profile',
  'updatedAt',
  'phoneNumber',
]);

export default defineRule('access', {
  id: 'user-attribute-exported-editable',
  title: 'Tokens carry no user attribute the user may set',
  severity: 'high',
  sources: [
    ASVS('V8.2.3 (field-level access by explicit permission)'),
    ASVS('V8.1.2 (field-level write restrictions documented)'),
  ],
  why: 'With the user profile’s unmanaged-attribute policy ENABLED, Keycloak lets every user create and change attributes the profile does not declare, through the account console and API; an application that trusts such an attribute in its tokens (a customer number, a tenant) lets users claim any value.',
  remediation: {
    action:
      'Declare the attribute in the user profile with only admins allowed to edit it, or set the unmanaged-attribute policy to ADMIN_EDIT or ADMIN_VIEW (or off).',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    client:
      'Client {{client}} puts the unmanaged attribute {{attribute}} into its tokens (mapper {{mapper}}), and users may edit unmanaged attributes.',
    scope:
      'Client scope {{scope}}, used by {{clients}}, puts the unmanaged attribute {{attribute}} into tokens (mapper {{mapper}}), and users may edit unmanaged attributes.',
  },
  reads: ['userProfile', 'clients', 'clientScopes'],
  *check(realm) {
    // Declared attributes carry their own edit permissions, which the model does not read: only unmanaged ones are judged.
    if (realm.userProfile?.unmanagedAttributePolicy !== 'ENABLED') return;
    const declared = new Set(realm.userProfile.attributes);
    const exported = (mappers: readonly ProtocolMapperSettings[] | undefined) =>
      (mappers ?? []).flatMap((mapper) => {
        const attribute = mapper.config['user.attribute'];
        return ATTRIBUTE_MAPPERS.has(mapper.type) &&
          attribute &&
          !declared.has(attribute) &&
          !STANDARD_PROFILE_ATTRIBUTES.has(attribute)
          ? [{ mapper: mapper.name, attribute }]
          : [];
      });
    const enabled = realm.clients.filter((client) => client.enabled);
    for (const client of enabled) {
      for (const { mapper, attribute } of exported(client.protocolMappers))
        yield {
          path: clientPath(client, 'protocolMappers', mapper),
          messageId: 'client',
          data: { client: client.clientId, attribute, mapper },
        };
    }
    for (const scope of realm.clientScopes ?? []) {
      const users = enabled
        .filter((client) => [...client.defaultClientScopes, ...client.optionalClientScopes].includes(scope.name))
        .map((client) => client.clientId);
      if (users.length === 0) continue;
      for (const { mapper, attribute } of exported(scope.protocolMappers))
        yield {
          path: ['clientScopes', scope.name, 'protocolMappers', mapper],
          messageId: 'scope',
          data: { scope: scope.name, clients: users.join(', '), attribute, mapper },
        };
    }
  },
});
