/**
 * Keycloak's key providers: the config values Keycloak 26 uses when a component leaves them out,
 * and the keys it creates in every new realm. The defaults and type lists are read from the key
 * provider table (model/fields/key-provider.ts); the built-in keys are checked against a real
 * server by test/integration/model/built-in-keys.test.ts.
 */
import { KEY_PROVIDER_FIELDS } from './fields/key-provider.ts';
import type { KeyProviderSettings } from './realm-settings.ts';

/** Key provider config values Keycloak uses when a component's config leaves them out (the table's keycloakDefault column). */
export const KEYCLOAK_KEY_DEFAULTS = Object.freeze({
  priority: KEY_PROVIDER_FIELDS.priority.keycloakDefault['*'],
  rsaKeySize: KEY_PROVIDER_FIELDS.keySize.keycloakDefault['rsa-generated'],
  rsaAlgorithm: KEY_PROVIDER_FIELDS.algorithm.keycloakDefault['rsa-generated'],
  rsaEncAlgorithm: KEY_PROVIDER_FIELDS.algorithm.keycloakDefault['rsa-enc-generated'],
  ecdsaCurve: KEY_PROVIDER_FIELDS.ellipticCurve.keycloakDefault['ecdsa-generated'],
  hmacAlgorithm: KEY_PROVIDER_FIELDS.algorithm.keycloakDefault['hmac-generated'],
  hmacSecretSize: KEY_PROVIDER_FIELDS.secretSize.keycloakDefault['hmac-generated'],
  aesSecretSize: KEY_PROVIDER_FIELDS.secretSize.keycloakDefault['aes-generated'],
});

/**
 * Key provider types whose keys are RSA: the generated ones, imported PEM keys ('rsa', 'rsa-enc')
 * and keystores (this project reads a java-keystore key as RSA, Keycloak's default for it): the
 * types the table's keySize row applies to. One list, so a check of RSA key sizes cannot forget a type.
 */
export const RSA_KEY_PROVIDER_TYPES: readonly string[] = Object.freeze([...KEY_PROVIDER_FIELDS.keySize.appliesTo]);

/** The RSA types whose key Keycloak generates, so its size is the configured one or Keycloak's default. */
export const GENERATED_RSA_KEY_PROVIDER_TYPES: readonly string[] = Object.freeze(
  Object.keys(KEY_PROVIDER_FIELDS.keySize.keycloakDefault),
);

/** The JWS algorithm an ECDSA key signs with is fixed by its curve (RFC 7518 §3.4). */
const ECDSA_CURVE_ALGORITHMS: Readonly<Record<string, string>> = Object.freeze({
  'P-256': 'ES256',
  'P-384': 'ES384',
  'P-521': 'ES512',
});

/** The algorithm an ecdsa-generated key on `curve` signs with; undefined for a curve ECDSA keys cannot use. */
export function ecdsaAlgorithmFor(curve: string): string | undefined {
  // hasOwn: a curve read from input ('constructor', 'toString') must not find Object's members.
  return Object.hasOwn(ECDSA_CURVE_ALGORITHMS, curve) ? ECDSA_CURVE_ALGORITHMS[curve] : undefined;
}

/**
 * The key providers Keycloak 26 creates in every new realm (DefaultKeyProviders; their config
 * names only priority and algorithm, so the sizes are the defaults above — checked against a live
 * server by test/integration/model/keycloak-defaults.test.ts).
 */
export const KEYCLOAK_BUILT_IN_KEYS: readonly Readonly<KeyProviderSettings>[] = Object.freeze([
  {
    name: 'rsa-generated',
    providerId: 'rsa-generated',
    priority: 100,
    enabled: true,
    active: true,
    algorithm: KEYCLOAK_KEY_DEFAULTS.rsaAlgorithm,
    keySize: KEYCLOAK_KEY_DEFAULTS.rsaKeySize,
  },
  {
    name: 'rsa-enc-generated',
    providerId: 'rsa-enc-generated',
    priority: 100,
    enabled: true,
    active: true,
    algorithm: KEYCLOAK_KEY_DEFAULTS.rsaEncAlgorithm,
    keySize: KEYCLOAK_KEY_DEFAULTS.rsaKeySize,
  },
  {
    name: 'hmac-generated-hs512',
    providerId: 'hmac-generated',
    priority: 100,
    enabled: true,
    active: true,
    algorithm: 'HS512',
    secretSize: KEYCLOAK_KEY_DEFAULTS.hmacSecretSize,
  },
  {
    name: 'aes-generated',
    providerId: 'aes-generated',
    priority: 100,
    enabled: true,
    active: true,
    secretSize: KEYCLOAK_KEY_DEFAULTS.aesSecretSize,
  },
]);

/** True when the key is one of Keycloak's own, as Keycloak creates it (same name, type and settings). */
export function isKeycloakBuiltInKey(key: Readonly<KeyProviderSettings>): boolean {
  const builtIn = KEYCLOAK_BUILT_IN_KEYS.find(
    (candidate) => candidate.name === key.name && candidate.providerId === key.providerId,
  );
  if (!builtIn) return false;
  return (
    key.priority === builtIn.priority &&
    key.enabled === builtIn.enabled &&
    key.active === builtIn.active &&
    // AES keys have one algorithm; some sources name it ('AES'), others leave it out.
    (key.providerId === 'aes-generated' || (key.algorithm ?? builtIn.algorithm) === builtIn.algorithm) &&
    (key.keySize ?? builtIn.keySize) === builtIn.keySize &&
    (key.secretSize ?? builtIn.secretSize) === builtIn.secretSize &&
    key.ellipticCurve === undefined
  );
}
