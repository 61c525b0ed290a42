/**
 * The identity provider mapper resources of @pulumi/keycloak 6.13 as the model's mappers. Each
 * resource names its identity provider by `identityProviderAlias`; the mapper type Keycloak
 * stores depends on the resource and, for most, on that identity provider's providerId
 * (provider/resource_keycloak_*_identity_provider_mapper.go). The config is `extraConfig` (where
 * `syncMode` lives) with the typed arguments over it, as the provider sends it
 * (keycloak/extra_config.go: a set typed field wins over the same key in extraConfig).
 */
import { isSecretConfigKey } from '../entities/identity-providers.ts';
import type { IdentityProviderMapperSettings } from '../realm-settings.ts';
import { bool, str, stringEntries } from './narrow.ts';

/** Social providers whose attribute importer the provider maps to Keycloak's `<id>-user-attribute-mapper`. */
const SOCIAL_ATTRIBUTE_MAPPERS = new Set(['apple', 'facebook', 'google', 'github', 'microsoft']);
/** Providers whose username template importer is Keycloak's OIDC one. */
const OIDC_USERNAME_MAPPERS = new Set(['facebook', 'google', 'keycloak-oidc']);

interface MapperDialect {
  /** The Keycloak mapper type, given the inputs and the identity provider's providerId. */
  type(props: Record<string, unknown>, providerId: string): string | undefined;
  /** Typed argument → the config key the provider sends it as. */
  config: Readonly<Record<string, string>>;
}

/** Resource type token → how the provider turns its inputs into a Keycloak mapper. */
const MAPPER_DIALECTS: Readonly<Record<string, MapperDialect>> = {
  'keycloak:index/attributeImporterIdentityProviderMapper:AttributeImporterIdentityProviderMapper': {
    type: (_props, providerId) =>
      SOCIAL_ATTRIBUTE_MAPPERS.has(providerId)
        ? `${providerId}-user-attribute-mapper`
        : `${providerId}-user-attribute-idp-mapper`,
    config: {
      userAttribute: 'user.attribute',
      claimName: 'claim',
      attributeName: 'attribute.name',
      attributeFriendlyName: 'attribute.friendly.name',
    },
  },
  'keycloak:index/attributeToRoleIdentityMapper:AttributeToRoleIdentityMapper': {
    type: (_props, providerId) => `${providerId}-role-idp-mapper`,
    config: {
      role: 'role',
      claimName: 'claim',
      claimValue: 'claim.value',
      attributeName: 'attribute.name',
      attributeFriendlyName: 'attribute.friendly.name',
      attributeValue: 'attribute.value',
    },
  },
  'keycloak:index/userTemplateImporterIdentityProviderMapper:UserTemplateImporterIdentityProviderMapper': {
    type: (_props, providerId) =>
      OIDC_USERNAME_MAPPERS.has(providerId) ? 'oidc-username-idp-mapper' : `${providerId}-username-idp-mapper`,
    config: { template: 'template' },
  },
  'keycloak:index/hardcodedRoleIdentityMapper:HardcodedRoleIdentityMapper': {
    type: () => 'oidc-hardcoded-role-idp-mapper',
    config: { role: 'role' },
  },
  'keycloak:index/hardcodedGroupIdentityProviderMapper:HardcodedGroupIdentityProviderMapper': {
    type: () => 'oidc-hardcoded-group-idp-mapper',
    config: { group: 'group' },
  },
  'keycloak:index/hardcodedAttributeIdentityProviderMapper:HardcodedAttributeIdentityProviderMapper': {
    type: (props) =>
      bool(props.userSession) === true
        ? 'hardcoded-user-session-attribute-idp-mapper'
        : 'hardcoded-attribute-idp-mapper',
    config: { attributeName: 'attribute', attributeValue: 'attribute.value' },
  },
  'keycloak:index/customIdentityProviderMapping:CustomIdentityProviderMapping': {
    type: (props) => str(props.identityProviderMapper),
    config: {},
  },
};

export const IDENTITY_PROVIDER_MAPPER_TYPES: readonly string[] = Object.keys(MAPPER_DIALECTS);

/**
 * The mapper a resource of one of IDENTITY_PROVIDER_MAPPER_TYPES declares, for an identity
 * provider of `providerId` (the one its `identityProviderAlias` names); `name` stands in when the
 * inputs name none. Secret-named config keys are left out, as for identity providers.
 */
export function identityProviderMapperFromInputs(
  resourceType: string,
  props: Record<string, unknown>,
  providerId: string,
  name: string,
): IdentityProviderMapperSettings | undefined {
  const dialect = MAPPER_DIALECTS[resourceType];
  if (!dialect) return undefined;
  const config = stringEntries(props.extraConfig);
  for (const [argument, key] of Object.entries(dialect.config)) {
    const value = str(props[argument]);
    if (value) config[key] = value; // the provider omits an empty typed field (omitempty)
  }
  const shown = Object.fromEntries(Object.entries(config).filter(([key]) => !isSecretConfigKey(key)));
  return { name: str(props.name) ?? name, type: dialect.type(props, providerId) ?? '', config: shown };
}
