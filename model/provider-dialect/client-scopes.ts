/**
 * The provider's dialect for client scopes and protocol mappers (@pulumi/keycloak 6.13):
 * keycloak.openid.ClientScope's typed arguments are Keycloak scope attributes, and each typed
 * mapper resource (UserAttributeProtocolMapper, AudienceProtocolMapper...) is one Keycloak mapper
 * type whose arguments the provider writes into the mapper's config under Keycloak's keys, with
 * its schema defaults for omitted ones (terraform-provider-keycloak, keycloak/openid_*_protocol_mapper.go,
 * convertToGenericProtocolMapper). Inputs → model only: the pack reads these, no component writes them.
 */
import type { ClientScopeSettings, ProtocolMapperSettings } from '../entities/client-scopes.ts';
import { bool, str, stringEntries, strings } from './narrow.ts';

const OPENID_CONNECT = 'openid-connect';

/** One typed argument of a mapper resource: the config key it is written to, and the value sent when omitted. */
type ConfigArgument = readonly [configKey: string, omitted: boolean | string];

interface MapperDialect {
  /** Keycloak's protocolMapper id. */
  type: string;
  arguments: Readonly<Record<string, ConfigArgument>>;
}

const ADD_TO_TOKENS = {
  addToIdToken: ['id.token.claim', true],
  addToAccessToken: ['access.token.claim', true],
  addToUserinfo: ['userinfo.token.claim', true],
} as const satisfies Record<string, ConfigArgument>;
const INTROSPECTION = { addToTokenIntrospection: ['introspection.token.claim', true] } as const;

/** The typed openid mapper resources the pack reads, by Pulumi type token. */
export const TYPED_MAPPER_DIALECTS: Readonly<Record<string, MapperDialect>> = {
  'keycloak:openid/userAttributeProtocolMapper:UserAttributeProtocolMapper': {
    type: 'oidc-usermodel-attribute-mapper',
    arguments: {
      ...ADD_TO_TOKENS,
      ...INTROSPECTION,
      userAttribute: ['user.attribute', ''],
      claimName: ['claim.name', ''],
      claimValueType: ['jsonType.label', 'String'],
      multivalued: ['multivalued', false],
      aggregateAttributes: ['aggregate.attrs', false],
    },
  },
  'keycloak:openid/hardcodedClaimProtocolMapper:HardcodedClaimProtocolMapper': {
    type: 'oidc-hardcoded-claim-mapper',
    arguments: {
      ...ADD_TO_TOKENS,
      claimName: ['claim.name', ''],
      claimValue: ['claim.value', ''],
      claimValueType: ['jsonType.label', 'String'],
    },
  },
  'keycloak:openid/audienceProtocolMapper:AudienceProtocolMapper': {
    type: 'oidc-audience-mapper',
    arguments: {
      addToIdToken: ['id.token.claim', true],
      addToAccessToken: ['access.token.claim', true],
      ...INTROSPECTION,
      includedClientAudience: ['included.client.audience', ''],
      includedCustomAudience: ['included.custom.audience', ''],
    },
  },
  'keycloak:openid/userRealmRoleProtocolMapper:UserRealmRoleProtocolMapper': {
    type: 'oidc-usermodel-realm-role-mapper',
    arguments: {
      ...ADD_TO_TOKENS,
      ...INTROSPECTION,
      claimName: ['claim.name', ''],
      claimValueType: ['jsonType.label', 'String'],
      multivalued: ['multivalued', false],
      realmRolePrefix: ['usermodel.realmRoleMapping.rolePrefix', ''],
    },
  },
  // Its role is a roleId: the pack resolves it to a name (hardcodedRoleMapperFromInputs).
  'keycloak:openid/hardcodedRoleProtocolMapper:HardcodedRoleProtocolMapper': {
    type: 'oidc-hardcoded-role-mapper',
    arguments: {},
  },
};

export const HARDCODED_ROLE_MAPPER_TYPE = 'keycloak:openid/hardcodedRoleProtocolMapper:HardcodedRoleProtocolMapper';

/** The mapper resources that take Keycloak's mapper id and config as they are. */
export const GENERIC_MAPPER_TYPES: readonly string[] = [
  'keycloak:index/genericProtocolMapper:GenericProtocolMapper',
  'keycloak:index/genericClientProtocolMapper:GenericClientProtocolMapper',
];

/**
 * The mapper a mapper resource's inputs declare; undefined when its type is not one the pack
 * reads or its name is not known. `hardcodedRole` is the role of a HardcodedRoleProtocolMapper as
 * Keycloak stores it ('role', or 'clientId.role'), once the pack has resolved its roleId.
 */
export function protocolMapperFromInputs(
  type: string,
  props: Record<string, unknown>,
  hardcodedRole?: string,
): ProtocolMapperSettings | undefined {
  const name = str(props.name);
  if (name === undefined) return undefined;
  if (GENERIC_MAPPER_TYPES.includes(type)) {
    const mapperType = str(props.protocolMapper);
    if (mapperType === undefined) return undefined;
    return {
      name,
      protocol: str(props.protocol) ?? OPENID_CONNECT,
      type: mapperType,
      config: stringEntries(props.config),
    };
  }
  const dialect = TYPED_MAPPER_DIALECTS[type];
  if (!dialect) return undefined;
  const config: Record<string, string> = {};
  for (const [argument, [key, omitted]] of Object.entries(dialect.arguments)) {
    const given = props[argument];
    config[key] = String(typeof given === typeof omitted ? given : omitted);
  }
  if (type === HARDCODED_ROLE_MAPPER_TYPE) {
    if (hardcodedRole === undefined) return undefined;
    config.role = hardcodedRole;
  }
  return { name, protocol: OPENID_CONNECT, type: dialect.type, config };
}

/** A role as the hard-coded role mapper's config names it: 'role', or 'clientId.role' (the provider's getRolePropFromRole). */
export function hardcodedRoleConfig(role: { client?: string; name: string }): string {
  return role.client === undefined ? role.name : `${role.client}.${role.name}`;
}

/**
 * The client scope a keycloak.openid.ClientScope's inputs declare, with the attributes the
 * provider sends: consent shown exactly when a consent text is given, the token-scope and
 * metadata switches on unless turned off, then `extraConfig`. Its mappers are resources of
 * their own: `protocolMappers` is empty here.
 */
export function clientScopeFromInputs(props: Record<string, unknown>): ClientScopeSettings | undefined {
  const name = str(props.name);
  if (name === undefined) return undefined;
  const consentText = str(props.consentScreenText);
  const attributes: Record<string, string> = {
    ...stringEntries(props.extraConfig),
    'display.on.consent.screen': String(consentText !== undefined && consentText !== ''),
    'include.in.token.scope': String(bool(props.includeInTokenScope) ?? true),
    'include.in.openid.provider.metadata': String(bool(props.includeInOpenidProviderMetadata) ?? true),
  };
  if (consentText) attributes['consent.screen.text'] = consentText;
  const guiOrder = typeof props.guiOrder === 'number' ? props.guiOrder : 0;
  if (guiOrder !== 0) attributes['gui.order'] = String(guiOrder);
  return { name, protocol: OPENID_CONNECT, attributes, protocolMappers: [] };
}

/** Scope names of a scope-binding resource (ClientDefaultScopes.defaultScopes, ...OptionalScopes.optionalScopes). */
export function scopeNamesFromInputs(props: Record<string, unknown>, argument: string): string[] | undefined {
  return strings(props[argument]);
}
