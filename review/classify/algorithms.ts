/** Orders of strength for algorithms, curves and client authentication, weakest first. */

/** JWS algorithms: none, then shared secrets, then RSASSA-PKCS1-v1_5, then PSS / ECDSA / EdDSA (RFC 8725, ASVS App. C, FAPI 2.0). */
export const SIGNATURE_ALGORITHM_ORDER: readonly (readonly string[])[] = [
  ['none'],
  ['HS256', 'HS384', 'HS512'],
  ['RS256', 'RS384', 'RS512'],
  ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'Ed448'],
];

/** Key algorithms: signature algorithms plus key encryption (RSA1_5 is disallowed by RFC 8725 §3.2). */
export const KEY_ALGORITHM_ORDER: readonly (readonly string[])[] = [
  ['none', 'RSA1_5'],
  ['HS256', 'HS384', 'HS512'],
  ['RS256', 'RS384', 'RS512'],
  ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'Ed448', 'RSA-OAEP', 'RSA-OAEP-256'],
];

export const ELLIPTIC_CURVE_ORDER: readonly (readonly string[])[] = [
  ['P-256', 'secp256r1'],
  ['P-384', 'secp384r1'],
  ['P-521', 'secp521r1'],
];

/** Shared secret, then a JWT signed with the secret, then asymmetric (private_key_jwt, mTLS): RFC 9700 §2.5. */
export const CLIENT_AUTHENTICATOR_ORDER: readonly (readonly string[])[] = [
  ['client-secret'],
  ['client-secret-jwt'],
  ['client-jwt', 'client-x509'],
];

/** PKCE: none or plain (both rejected by ASVS 10.4.6), then S256. */
export const PKCE_METHOD_ORDER: readonly (readonly string[])[] = [['', 'plain'], ['S256']];

/** X-Frame-Options: nothing, then SAMEORIGIN, then DENY. */
export const FRAME_OPTIONS_ORDER: readonly (readonly string[])[] = [[''], ['SAMEORIGIN'], ['DENY']];

/** The smallest RSA modulus still allowed (NIST SP 800-131A r2). */
export const MINIMUM_RSA_BITS = 2048;

/** HMAC secret bytes each algorithm needs (RFC 7518 §3.2). */
export const HMAC_MINIMUM_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };
