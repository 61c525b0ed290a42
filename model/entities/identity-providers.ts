/**
 * Identity providers (brokering): OIDC, SAML and the social types, in Keycloak's own vocabulary
 * (IdentityProviderRepresentation, IdentityProviderMapperRepresentation). Keycloak keeps most of
 * an IdP's settings as strings in `config` (validateSignature, pkceEnabled, wantAssertionsSigned,
 * syncMode...); the model keeps that map as Keycloak has it and lifts only what every type shares.
 */

/** A mapper that copies a claim or attribute of the external identity onto the user. */
export interface IdentityProviderMapperSettings {
  name: string;
  /** identityProviderMapper, e.g. 'oidc-user-attribute-idp-mapper', 'hardcoded-role-idp-mapper'. */
  type: string;
  /** Keycloak's mapper config, string values as Keycloak stores them; `syncMode` lives here. */
  config: Record<string, string>;
}

export interface IdentityProviderSettings {
  /** Unique within the realm: the entity rules name. */
  alias: string;
  /** 'oidc' | 'keycloak-oidc' | 'saml' | 'google' | 'github' | 'microsoft' | ... */
  providerId: string;
  enabled: boolean;
  /** Emails from this IdP are taken as verified. */
  trustEmail: boolean;
  /** Only links to existing accounts; never logs a new user in. */
  linkOnly: boolean;
  /** The first-login flow's alias; Keycloak's default is 'first broker login'. */
  firstBrokerLoginFlowAlias?: string;
  postBrokerLoginFlowAlias?: string;
  /** Keycloak's IdP config, string values as Keycloak stores them ('true', 'S256', 'FORCE'...). */
  config: Record<string, string>;
  mappers: IdentityProviderMapperSettings[];
}

/**
 * Config keys that hold a secret (an OIDC or social IdP's `clientSecret`; a full `kc.sh export`
 * writes it in clear, the admin API masks it): never part of the model, so no rule, finding or
 * diff can show one.
 */
export function isSecretConfigKey(key: string): boolean {
  return /secret|password|privatekey/i.test(key);
}
