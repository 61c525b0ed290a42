/**
 * The token-version claim: a user attribute copied into access tokens so a backend can reject
 * tokens older than the user's current version (incident "bump a user's token version").
 * In Keycloak it is an `oidc-usermodel-attribute-mapper`, either in a client scope named
 * TOKEN_VERSION_CLIENT_SCOPE (a realm default scope = every client, otherwise the clients that
 * list it) or directly on a client. Components create it that way; adapters read it back.
 */
export const TOKEN_VERSION_DEFAULT_ATTRIBUTE = 'token_version';
export const TOKEN_VERSION_DEFAULT_CLAIM = 'token_version';
export const TOKEN_VERSION_CLIENT_SCOPE = 'token-version';
export const TOKEN_VERSION_MAPPER_TYPE = 'oidc-usermodel-attribute-mapper';
