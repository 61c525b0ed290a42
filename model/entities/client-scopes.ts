/**
 * Client scopes and protocol mappers (ClientScopeRepresentation, ProtocolMapperRepresentation):
 * what ends up in tokens and assertions. Clients name the scopes they use in
 * ClientSettings.defaultClientScopes / optionalClientScopes and carry their own mappers.
 */

export interface ProtocolMapperSettings {
  name: string;
  /** 'openid-connect' | 'saml' */
  protocol: string;
  /** protocolMapper, e.g. 'oidc-usermodel-attribute-mapper', 'oidc-audience-mapper'. */
  type: string;
  /** Keycloak's mapper config, string values as Keycloak stores them ('user.attribute', 'claim.name'...). */
  config: Record<string, string>;
}

export interface ClientScopeSettings {
  name: string;
  protocol: string;
  /** Keycloak's scope attributes ('include.in.token.scope', 'display.on.consent.screen'...). */
  attributes: Record<string, string>;
  protocolMappers: ProtocolMapperSettings[];
}
