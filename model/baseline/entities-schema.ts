/**
 * The baseline keys for issue 14's entities: identity providers, SAML clients, client scopes and
 * protocol mappers, roles, groups, default roles, service accounts and the user profile. Role
 * mappings are written as Keycloak's export writes them (`realmRoles`, `clientRoles` by clientId),
 * so a role is never a string to split. Security-relevant Keycloak config keys are typed options;
 * the rest go verbatim under `config`. docs/baseline-format.md documents each key.
 */
import { Optional as Opt, Type, type Static } from '@sinclair/typebox';
import { Bool, Closed, StringEnum, Text, TextList } from './schema-parts.ts';

const Verbatim = (description: string) =>
  Type.Record(Type.String({ minLength: 1 }), Type.String(), { description: `${description}, verbatim` });

/** Roles mapped to a group, a service account, the default role or a composite, by name. */
const ROLE_MAPPING = {
  realmRoles: Opt(TextList('Realm roles, by name.')),
  clientRoles: Opt(
    Type.Record(Type.String({ minLength: 1 }), TextList('role names'), {
      description: 'Client roles: clientId → role names.',
    }),
  ),
};
export const RoleMappingSchema = Closed(ROLE_MAPPING, 'Roles by name: realmRoles, and clientRoles per clientId.');

const PROTOCOLS = ['openid-connect', 'saml'] as const;

export const ProtocolMapperSchema = Closed({
  name: Text('Mapper name, unique on its client or scope.'),
  type: Text("Keycloak's mapper type (protocolMapper), e.g. oidc-usermodel-attribute-mapper."),
  protocol: Opt(StringEnum(PROTOCOLS, "The mapper's protocol (default: its client's or scope's).")),
  config: Opt(Verbatim("Keycloak's mapper config (user.attribute, claim.name, ...)")),
});

export const ClientScopeSchema = Closed({
  name: Text('Client scope name, unique in the realm.'),
  protocol: Opt(StringEnum(PROTOCOLS, 'openid-connect (default) or saml.')),
  attributes: Opt(Verbatim('Scope attributes (include.in.token.scope, display.on.consent.screen, ...)')),
  protocolMappers: Opt(Type.Array(ProtocolMapperSchema, { description: "The scope's protocol mappers." })),
});

/** Keycloak's IdP and IdP-mapper sync modes (IdentityProviderSyncMode). */
const SYNC_MODES = ['IMPORT', 'LEGACY', 'FORCE'] as const;

export const IdentityProviderMapperSchema = Closed({
  name: Text('Mapper name, unique on its IdP.'),
  type: Text("Keycloak's IdP mapper type (identityProviderMapper), e.g. oidc-user-attribute-idp-mapper."),
  syncMode: Opt(
    StringEnum([...SYNC_MODES, 'INHERIT'] as const, "When the mapper runs (config syncMode); INHERIT: the IdP's."),
  ),
  config: Opt(Verbatim('Other mapper config (claim, user.attribute, ...)')),
});

export const IdentityProviderSchema = Closed({
  alias: Text('IdP alias, unique in the realm.'),
  type: Text("Keycloak's provider id: oidc, keycloak-oidc, saml, google, github, microsoft, ..."),
  enabled: Opt(Bool('Whether users can log in with it (default true).')),
  trustEmail: Opt(Bool('Take emails from this IdP as verified (default false).')),
  linkOnly: Opt(Bool('Only link existing accounts, never log in a new user (default false).')),
  firstLoginFlow: Opt(Text("First-login flow alias (firstBrokerLoginFlowAlias; default: the realm's).")),
  postLoginFlow: Opt(Text('Post-login flow alias (postBrokerLoginFlowAlias).')),
  syncMode: Opt(
    StringEnum(SYNC_MODES, 'When user data is copied from the IdP (config syncMode; Keycloak reads unset as LEGACY).'),
  ),
  validateSignature: Opt(Bool('Verify the signature of what the IdP sends (config validateSignature; OIDC and SAML).')),
  pkce: Opt(
    StringEnum(['S256', 'plain', 'none'] as const, 'PKCE towards an OIDC IdP (config pkceEnabled, pkceMethod).'),
  ),
  wantAssertionsSigned: Opt(Bool('SAML: require signed assertions (config wantAssertionsSigned).')),
  wantAssertionsEncrypted: Opt(Bool('SAML: require encrypted assertions (config wantAssertionsEncrypted).')),
  wantAuthnRequestsSigned: Opt(Bool('SAML: sign AuthnRequests (config wantAuthnRequestsSigned).')),
  postBindingResponse: Opt(Bool('SAML: HTTP-POST binding for responses (config postBindingResponse).')),
  postBindingAuthnRequest: Opt(Bool('SAML: HTTP-POST binding for AuthnRequests (config postBindingAuthnRequest).')),
  config: Opt(Verbatim('Other IdP config (authorizationUrl, issuer, entityId, ...; never a secret)')),
  mappers: Opt(Type.Array(IdentityProviderMapperSchema, { description: "The IdP's mappers." })),
});

/** Keycloak's SAML signature algorithms (saml.signature.algorithm). */
export const SAML_SIGNATURE_ALGORITHMS = [
  'RSA_SHA1',
  'RSA_SHA256',
  'RSA_SHA256_MGF1',
  'RSA_SHA512',
  'RSA_SHA512_MGF1',
  'DSA_SHA1',
] as const;

export const SamlClientOptionsSchema = Closed(
  {
    assertionSignature: Opt(Bool('Sign assertions (saml.assertion.signature).')),
    serverSignature: Opt(Bool('Sign documents (saml.server.signature).')),
    clientSignature: Opt(Bool("Require the client's requests signed (saml.client.signature).")),
    encryptAssertions: Opt(Bool('Encrypt assertions (saml.encrypt).')),
    signatureAlgorithm: Opt(StringEnum(SAML_SIGNATURE_ALGORITHMS, 'saml.signature.algorithm')),
    oneTimeUse: Opt(Bool('Add the OneTimeUse condition (saml.onetimeuse.condition).')),
    forcePostBinding: Opt(Bool('Always answer with HTTP-POST (saml.force.post.binding).')),
  },
  "A SAML client's signing and encryption; unset options keep what Keycloak sets on a new SAML client.",
);

/** Keys these entities add to a baseline client (ClientSchema in schema.ts). */
export const CLIENT_ENTITY_OPTIONS = {
  protocol: Opt(StringEnum(PROTOCOLS, 'openid-connect (default) or saml.')),
  saml: Opt(SamlClientOptionsSchema),
  rootUrl: Opt(Text('Root URL: resolves relative redirect URIs (rootUrl).')),
  baseUrl: Opt(Text("The client's home page (baseUrl).")),
  protocolMappers: Opt(Type.Array(ProtocolMapperSchema, { description: "The client's own protocol mappers." })),
};

export const RoleSchema = Closed({
  name: Text('Role name, unique in its realm or client.'),
  composites: Opt(RoleMappingSchema),
});

export const GroupSchema = Type.Recursive(
  (Self) =>
    Closed({
      name: Text('Group name, unique among its siblings.'),
      ...ROLE_MAPPING,
      subGroups: Opt(Type.Array(Self, { description: 'Child groups.' })),
    }),
  { $id: 'BaselineGroup' },
);

export const ServiceAccountSchema = Closed({
  clientId: Text('The client whose service account this is (it needs flows.serviceAccounts).'),
  ...ROLE_MAPPING,
  groups: Opt(TextList("Paths of the account's groups, e.g. /ops/robots.")),
});

export const UserProfileSchema = Closed({
  unmanagedAttributePolicy: Opt(
    StringEnum(
      ['DISABLED', 'ENABLED', 'ADMIN_EDIT', 'ADMIN_VIEW'] as const,
      'Who may set attributes the profile does not declare (DISABLED: nobody, Keycloak’s default).',
    ),
  ),
  attributes: Opt(TextList("Attributes declared besides Keycloak's username, email, firstName, lastName.")),
});

/** Top-level baseline keys for the entities (BaselineSchema in schema.ts). */
export const BASELINE_ENTITY_PROPERTIES = {
  identityProviders: Opt(Type.Array(IdentityProviderSchema, { description: 'Identity providers (brokering).' })),
  clientScopes: Opt(Type.Array(ClientScopeSchema, { description: "The realm's client scopes." })),
  roles: Opt(
    Closed({
      realm: Opt(Type.Array(RoleSchema, { description: 'Realm roles.' })),
      client: Opt(
        Type.Record(Type.String({ minLength: 1 }), Type.Array(RoleSchema), {
          description: 'Client roles by clientId.',
        }),
      ),
    }),
  ),
  groups: Opt(Type.Array(GroupSchema, { description: 'The group tree with role mappings.' })),
  defaultRoles: Opt(RoleMappingSchema),
  serviceAccounts: Opt(Type.Array(ServiceAccountSchema, { description: "Service accounts' role and group mappings." })),
  userProfile: Opt(UserProfileSchema),
};

/** Of these, the keys a realm export never has (model/detect-kind.ts tells the two apart by them). */
export const BASELINE_ONLY_ENTITY_KEYS = ['serviceAccounts', 'userProfile'] as const;

export type BaselineIdentityProvider = Static<typeof IdentityProviderSchema>;
export type BaselineClientScope = Static<typeof ClientScopeSchema>;
export type BaselineProtocolMapper = Static<typeof ProtocolMapperSchema>;
export type BaselineRoleMapping = Static<typeof RoleMappingSchema>;
export type BaselineRole = Static<typeof RoleSchema>;
export type BaselineGroup = Static<typeof GroupSchema>;
export type BaselineSamlOptions = Static<typeof SamlClientOptionsSchema>;
