/**
 * The issue-14 entities of Keycloak's RealmRepresentation, as a realm export, a partial export or
 * a keycloak-config-cli file writes them: identity providers and their mappers, roles, groups,
 * service-account users, scope mappings, client scopes, authentication flows and the user-profile
 * component. Field names as in org.keycloak.representations.idm (IdentityProviderRepresentation,
 * RoleRepresentation, GroupRepresentation, UserRepresentation, ScopeMappingRepresentation,
 * ClientScopeRepresentation, AuthenticationFlowRepresentation,
 * AuthenticationExecutionExportRepresentation, AuthenticatorConfigRepresentation). Objects stay
 * open like the rest of the export schema (schema.ts references these).
 */
import { Optional as Opt, Type, type Static, type TSchema } from '@sinclair/typebox';

const Bool = () => Opt(Type.Boolean());
const Strings = () => Opt(Type.Array(Type.String()));
/** keycloak-config-cli files sometimes write attribute values as YAML booleans or numbers. */
export const AttributeValue = Type.Unsafe<string | number | boolean>({ type: ['string', 'number', 'boolean'] });
const Attributes = () => Opt(Type.Record(Type.String(), AttributeValue));
/** clientRoles / client composites: role names by clientId. */
const RolesByClient = () => Opt(Type.Record(Type.String(), Type.Array(Type.String())));

export const ProtocolMapperSchema = Type.Object({
  name: Opt(Type.String()),
  protocol: Opt(Type.String()),
  protocolMapper: Opt(Type.String()),
  config: Attributes(),
});

export const IdentityProviderSchema = Type.Object({
  alias: Type.String({ minLength: 1 }),
  providerId: Opt(Type.String()),
  enabled: Bool(),
  trustEmail: Bool(),
  linkOnly: Bool(),
  firstBrokerLoginFlowAlias: Opt(Type.String()),
  postBrokerLoginFlowAlias: Opt(Type.String()),
  config: Attributes(),
});

export const IdentityProviderMapperSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  identityProviderAlias: Type.String({ minLength: 1 }),
  identityProviderMapper: Opt(Type.String()),
  config: Attributes(),
});

export const RoleSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  composite: Bool(),
  composites: Opt(Type.Object({ realm: Strings(), client: RolesByClient() })),
});

/** GroupRepresentation: sub-groups nest to any depth. */
export const GroupSchema = Type.Recursive((Self) =>
  Type.Object({
    name: Type.String({ minLength: 1 }),
    path: Opt(Type.String()),
    realmRoles: Strings(),
    clientRoles: RolesByClient(),
    subGroups: Opt(Type.Array(Self)),
  }),
);

export const UserSchema = Type.Object({
  username: Opt(Type.String()),
  serviceAccountClientId: Opt(Type.String()),
  realmRoles: Strings(),
  clientRoles: RolesByClient(),
  groups: Strings(),
});

/** A client's or a client scope's scope mapping (its roles: realm roles, or the keyed client's roles). */
export const ScopeMappingSchema = Type.Object({
  client: Opt(Type.String()),
  clientScope: Opt(Type.String()),
  roles: Strings(),
});

export const ClientScopeSchema = Type.Object({
  name: Type.String(),
  protocol: Opt(Type.String()),
  attributes: Attributes(),
  protocolMappers: Opt(Type.Array(ProtocolMapperSchema)),
});

export const AuthenticationExecutionSchema = Type.Object({
  authenticator: Opt(Type.String()),
  authenticatorFlow: Bool(),
  flowAlias: Opt(Type.String()),
  requirement: Opt(Type.String()),
  priority: Opt(Type.Integer()),
  authenticatorConfig: Opt(Type.String()),
});

export const AuthenticationFlowSchema = Type.Object({
  alias: Type.String({ minLength: 1 }),
  topLevel: Bool(),
  authenticationExecutions: Opt(Type.Array(AuthenticationExecutionSchema)),
});

export const AuthenticatorConfigSchema = Type.Object({
  alias: Type.String({ minLength: 1 }),
  config: Attributes(),
});

/** The realm's user-profile component; its config holds the UPConfig as one JSON string. */
export const USER_PROFILE_COMPONENT_TYPE = 'org.keycloak.userprofile.UserProfileProvider';
export const USER_PROFILE_CONFIG_KEY = 'kc.user.profile.config';
export const UserProfileComponentSchema = Type.Object({
  providerId: Opt(Type.String()),
  config: Opt(Type.Record(Type.String(), Type.Array(Type.String()))),
});

/** The client fields these entities add to ClientRepresentation. */
export const CLIENT_ENTITY_PROPERTIES = {
  rootUrl: Opt(Type.String()),
  baseUrl: Opt(Type.String()),
  protocolMappers: Opt(Type.Array(ProtocolMapperSchema)),
} satisfies Record<string, TSchema>;

/** The realm fields these entities add to RealmRepresentation (components and clientScopes are in schema.ts). */
export const REALM_ENTITY_PROPERTIES = {
  identityProviders: Opt(Type.Array(IdentityProviderSchema)),
  identityProviderMappers: Opt(Type.Array(IdentityProviderMapperSchema)),
  roles: Opt(
    Type.Object({
      realm: Opt(Type.Array(RoleSchema)),
      client: Opt(Type.Record(Type.String(), Type.Array(RoleSchema))),
    }),
  ),
  groups: Opt(Type.Array(GroupSchema)),
  users: Opt(Type.Array(UserSchema)),
  defaultRole: Opt(Type.Object({ name: Type.String({ minLength: 1 }) })),
  scopeMappings: Opt(Type.Array(ScopeMappingSchema)),
  clientScopeMappings: Opt(Type.Record(Type.String(), Type.Array(ScopeMappingSchema))),
  browserFlow: Opt(Type.String()),
  firstBrokerLoginFlow: Opt(Type.String()),
  authenticationFlows: Opt(Type.Array(AuthenticationFlowSchema)),
  authenticatorConfig: Opt(Type.Array(AuthenticatorConfigSchema)),
} satisfies Record<string, TSchema>;

export type GroupRepresentation = Static<typeof GroupSchema>;
export type RoleRepresentation = Static<typeof RoleSchema>;
export type ScopeMappingRepresentation = Static<typeof ScopeMappingSchema>;
export type ProtocolMapperRepresentation = Static<typeof ProtocolMapperSchema>;
