/**
 * The token-version claim: a user attribute copied into access tokens so a backend can reject
 * tokens older than the user's current version (incident "bump a user's token version").
 * In Keycloak it is an `oidc-usermodel-attribute-mapper`, either directly on each client that
 * carries the claim (what a baseline creates) or in a client scope (what TokenVersionClaim
 * creates with `clientScope`: a realm default scope = every client, otherwise the clients that
 * list it). Components create it that way; adapters read it back with these same names.
 */
export const TOKEN_VERSION_DEFAULT_ATTRIBUTE = 'token_version';
export const TOKEN_VERSION_DEFAULT_CLAIM = 'token_version';
export const TOKEN_VERSION_MAPPER_TYPE = 'oidc-usermodel-attribute-mapper';

/**
 * The client scope TokenVersionClaim creates with `clientScope: true` is named after the claim
 * it adds, so a reader of the realm can tell which scope is the token-version one.
 */
export function tokenVersionClientScope(claim: string): string {
  return claim;
}

/** The scope's name with the default claim: `token_version`. */
export const TOKEN_VERSION_CLIENT_SCOPE = tokenVersionClientScope(TOKEN_VERSION_DEFAULT_CLAIM);
