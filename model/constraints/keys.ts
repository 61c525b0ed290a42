/**
 * Key provider constraints: each key provider factory's validateConfiguration, through
 * org.keycloak.provider.ConfigurationValidationHelper (POST/PUT /admin/realms/{realm}/components;
 * 400 "'Key size' should be 1024, 2048, 3072 or 4096"):
 * - every key provider (AbstractRsaKeyProviderFactory, AbstractEcKeyProviderFactory,
 *   AbstractEddsaKeyProviderFactory, SecretKeyProviderUtils): priority is a Java long (checkLong),
 *   enabled and active are 'true' or 'false' (checkBoolean);
 * - rsa-generated, rsa-enc-generated (AbstractGeneratedRsaKeyProviderFactory): keySize is one of
 *   CryptoProvider#getSupportedRsaKeySizes — 1024, 2048, 3072, 4096 (checkList);
 * - hmac-generated, aes-generated (AbstractGeneratedSecretKeyProviderFactory): secretSize is one of
 *   Attributes.SECRET_SIZE_PROPERTY's 16, 24, 32, 64, 128, 256, 512 — for AES too;
 * - ecdsa-generated, ecdh-generated (AbstractGeneratedEcKeyProviderFactory): the curve is P-256,
 *   P-384 or P-521; eddsa-generated (GeneratedEddsaKeyProviderFactory): Ed25519 or Ed448.
 * Algorithms are not checked by Keycloak (an rsa-generated key with algorithm ES256 is accepted),
 * so they are not checked here either.
 */
import type { ConstraintViolation, KeyField } from './violation.ts';

/** A key provider's configuration as Keycloak receives it: text (exports) or numbers (baselines). */
export interface KeyConfigView {
  name: string;
  providerId: string;
  priority?: string | number;
  enabled?: string | boolean;
  active?: string | boolean;
  keySize?: string | number;
  secretSize?: string | number;
  ellipticCurve?: string;
}

const RSA_KEY_SIZES = ['1024', '2048', '3072', '4096'];
const SECRET_SIZES = ['16', '24', '32', '64', '128', '256', '512'];
const EC_CURVES = ['P-256', 'P-384', 'P-521'];
const EDDSA_CURVES = ['Ed25519', 'Ed448'];

/** Which list-valued settings each provider type checks, with Keycloak's label for the message. */
const LISTS: Record<string, { field: KeyField; label: string; allowed: string[] }[]> = {
  'rsa-generated': [{ field: 'keySize', label: 'Key size', allowed: RSA_KEY_SIZES }],
  'rsa-enc-generated': [{ field: 'keySize', label: 'Key size', allowed: RSA_KEY_SIZES }],
  'hmac-generated': [{ field: 'secretSize', label: 'Secret size', allowed: SECRET_SIZES }],
  'aes-generated': [{ field: 'secretSize', label: 'Secret size', allowed: SECRET_SIZES }],
  'ecdsa-generated': [{ field: 'ellipticCurve', label: 'Elliptic Curve', allowed: EC_CURVES }],
  'ecdh-generated': [{ field: 'ellipticCurve', label: 'Elliptic Curve', allowed: EC_CURVES }],
  'eddsa-generated': [{ field: 'ellipticCurve', label: 'Elliptic Curve', allowed: EDDSA_CURVES }],
};

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Long.parseLong: an optional sign and decimal digits, within 64 bits. */
function isJavaLong(text: string): boolean {
  if (!/^[+-]?\d+$/.test(text)) return false;
  const value = BigInt(text);
  return value >= LONG_MIN && value <= LONG_MAX;
}

export function keyViolations(key: KeyConfigView): ConstraintViolation[] {
  const violations: ConstraintViolation[] = [];
  const refuse = (field: KeyField, message: string, hint: string): void => {
    violations.push({
      subject: { kind: 'key', name: key.name, field },
      message: `key provider '${key.name}' (${key.providerId}): ${message}`,
      hint,
    });
  };
  if (key.priority !== undefined && !isJavaLong(String(key.priority))) {
    refuse(
      'priority',
      `priority '${key.priority}' is not a whole number ("'Priority' should be a number")`,
      'write a whole number, e.g. 100',
    );
  }
  for (const field of ['enabled', 'active'] as const) {
    const value = key[field];
    if (value !== undefined && value !== true && value !== false && value !== 'true' && value !== 'false') {
      refuse(field, `${field} '${value}' is not 'true' or 'false'`, `write ${field}: 'true' or 'false' (lower case)`);
    }
  }
  for (const { field, label, allowed } of LISTS[key.providerId] ?? []) {
    const value = key[field];
    if (value === undefined || allowed.includes(String(value))) continue;
    refuse(
      field,
      `${field} ${value} is not one Keycloak accepts ("'${label}' should be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}")`,
      `use one of ${allowed.join(', ')}`,
    );
  }
  return violations;
}
