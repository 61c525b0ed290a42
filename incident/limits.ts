/**
 * What the actions cannot do, said in the output of every action that revokes something. The
 * reason is Keycloak's design, not a gap in this tool: a JWT carries its own validity.
 */
export const LOCAL_JWT_LIMIT =
  'Access tokens already issued stay valid until they expire for any backend that validates JWTs locally against the realm keys; ' +
  'Keycloak itself (refresh, introspection, userinfo) and adapters that received the push reject them now. ' +
  'Short access-token lifespans and a backend-side token-version check close that window.';

export const PUSH_LIMIT =
  'The not-before push reaches only clients with an admin URL; OIDC back-channel logout is not sent by logout-all or push-revocation.';

export const KEY_ROTATION_LIMIT =
  'Backends that cache the JWKS keep trusting a removed key until they refetch it; tokens signed by a passive key keep verifying until it is removed.';

export const TOKEN_VERSION_LIMIT =
  "Keycloak does not check the token version: only backends that compare the token_version claim with the user's current value reject older tokens, and only tokens issued after the bump carry the new value.";

export const SECRET_LIMIT =
  "Tokens the client already holds stay valid: rotating the secret only stops new grants and refreshes with the old secret; pair it with not-before or a logout for the client's sessions.";
