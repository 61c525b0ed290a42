/**
 * TLS failures told as what they are. undici's fetch reports every failed connection as
 * TypeError('fetch failed'); the certificate problem is the code on its cause (OpenSSL's
 * verification codes, or Node's ERR_TLS_CERT_ALTNAME_INVALID). A certificate does not fix itself
 * between attempts, so these are never retried.
 */

/** Verification codes meaning "nobody this process trusts vouches for the certificate". */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
]);
const EXPIRED = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);
const WRONG_HOST = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
const OTHER = new Set([
  'CERT_REVOKED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'CERT_SIGNATURE_FAILURE',
]);

export const TRUST_HINT =
  'if the server uses your own CA, give Node its certificate: NODE_EXTRA_CA_CERTS=/path/to/ca.pem realmguard … (never turn verification off)';

/** The TLS code somewhere in the cause chain, or undefined. */
export function tlsCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (
      typeof code === 'string' &&
      (UNTRUSTED.has(code) ||
        EXPIRED.has(code) ||
        WRONG_HOST.has(code) ||
        OTHER.has(code) ||
        code.startsWith('ERR_SSL_') ||
        code.startsWith('ERR_TLS_'))
    ) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** One line naming the certificate problem and what to do. */
export function tlsMessage(code: string, origin: string): string {
  const host = new URL(origin).host;
  if (UNTRUSTED.has(code)) {
    return `TLS: the certificate of ${origin} is not trusted (${code}: self-signed, or signed by a CA this machine does not know) — ${TRUST_HINT}`;
  }
  if (EXPIRED.has(code)) {
    return `TLS: the certificate of ${origin} is outside its validity period (${code}) — renew it on the server (or check this machine's clock)`;
  }
  if (WRONG_HOST.has(code)) {
    return `TLS: the certificate of ${origin} is not issued for ${host} (${code}) — use a host name the certificate names in KEYCLOAK_URL, or reissue it with ${host} as a subject alternative name`;
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return `TLS: ${origin} does not speak TLS on that port (${code}) — is it an http:// endpoint?`;
  }
  return `TLS: the connection to ${origin} failed its certificate check (${code}) — ${TRUST_HINT}`;
}
