/**
 * The key provider's field table: one row per field of KeyProviderSettings, with what the project
 * knows about it — which Keycloak provider types have it, its baseline key, where a
 * ComponentRepresentation (realm export, admin API) holds it, the keystore resource argument of
 * @pulumi/keycloak 6.13 for each type it manages, the diff class and Keycloak's default per type.
 * The baseline schema's key part, the export adapter's reading of key components, both
 * directions of the provider dialect (model/provider-dialect/key-providers.ts), the keystore
 * argument types, the RSA type lists and the key diff are derived from it;
 * test/unit/model/key-provider-field-table.test.ts checks each of them.
 *
 * To add a key provider field: add it to KeyProviderSettings and its row here; the type checker
 * and the meta-test name what is left (a differ, when the row's diff is `custom`).
 */
import { KEYCLOAK_KEY_PROVIDER_TYPES } from '../keycloak-catalog.ts';
import type { KeyProviderSettings } from '../realm-settings.ts';
import type { DiffClass, FieldKind, KindValue } from './field-row.ts';
import type { EntityBaselineKey } from './entity-row.ts';

export type KeycloakKeyProviderType = (typeof KEYCLOAK_KEY_PROVIDER_TYPES)[number];

/**
 * A value per provider type. '*' holds it for every type, a provider of a type Keycloak does not
 * ship (an SPI) included; a type's own entry wins.
 */
export type PerKeyType<V> = { readonly [T in KeycloakKeyProviderType | '*']?: V };

/** The key provider types @pulumi/keycloak 6.13 has a keystore resource for, with its type token. */
export const KEY_PROVIDER_RESOURCE_TYPES = {
  'rsa-generated': 'keycloak:index/realmKeystoreRsaGenerated:RealmKeystoreRsaGenerated',
  'ecdsa-generated': 'keycloak:index/realmKeystoreEcdsaGenerated:RealmKeystoreEcdsaGenerated',
  'hmac-generated': 'keycloak:index/realmKeystoreHmacGenerated:RealmKeystoreHmacGenerated',
  'aes-generated': 'keycloak:index/realmKeystoreAesGenerated:RealmKeystoreAesGenerated',
} as const;

export type ManagedKeyProviderId = keyof typeof KEY_PROVIDER_RESOURCE_TYPES;

/** The baseline `state` of a key: it sets both `enabled` and `active`. */
export const KEY_STATES = ['active', 'passive', 'retired'] as const;

/** A keystore resource argument and how the model's value converts to it. */
export interface KeystoreArgument<K extends FieldKind = FieldKind> {
  argument: string;
  /** as-is: the model's value, both ways. */
  conversion: 'as-is';
  /** What the provider sends when the program leaves the argument out (its schema `Default`). */
  providerDefault?: KindValue[K];
  /** The values the provider's schema accepts (it would refuse others at preview, less clearly). */
  accepts?: readonly KindValue[K][];
}

/**
 * Where a ComponentRepresentation holds the field: one of the component's own keys, a `config`
 * key per provider type (Keycloak stores every config value as a list of strings; the first
 * counts), or the key GET /admin/realms/{realm}/keys reports (live only). `custom`: the export
 * adapter reads it by hand (model/export/to-settings.ts says why).
 */
export type KeyRepresentation =
  | { component: 'name' | 'providerId' | 'id' }
  | { config: PerKeyType<string>; custom?: true }
  | { keys: string; custom: true };

export interface KeyProviderFieldRow<K extends FieldKind = FieldKind> {
  kind: K;
  /** One line for people (the baseline schema's description). */
  doc: string;
  /** The provider types that have the field. */
  appliesTo: 'every type' | readonly KeycloakKeyProviderType[];
  /** Where a `keys.providers` item sets it; absent: the baseline does not. */
  baseline?: EntityBaselineKey;
  /** Absent: Keycloak does not record it (realmguard's own bookkeeping). */
  representation?: KeyRepresentation;
  /** The keystore resource argument, for each type the provider can manage that has one. */
  provider?: { readonly [T in ManagedKeyProviderId]?: KeystoreArgument<K> };
  diff: DiffClass;
  /**
   * What Keycloak 26 uses when a component's config leaves the field out, per type (absent:
   * none, the key itself says). Shown on the server by
   * test/integration/model/key-provider-defaults.test.ts.
   */
  keycloakDefault?: PerKeyType<KindValue[K]>;
}

export type AnyKeyProviderFieldRow = { [K in FieldKind]: KeyProviderFieldRow<K> }[FieldKind];
export type KeyProviderFieldName = keyof KeyProviderSettings;

const MANAGED = ['rsa-generated', 'ecdsa-generated', 'hmac-generated', 'aes-generated'] as const;
const everyType = <const V>(value: V) => ({ '*': value });
/** The same argument on every keystore resource. */
const onEveryKeystore = <const A extends KeystoreArgument>(argument: A) =>
  Object.fromEntries(MANAGED.map((type) => [type, argument])) as Record<ManagedKeyProviderId, A>;

/** Key types whose keys are RSA: generated, imported PEM keys, and keystores (read as RSA, Keycloak's default for them). */
const RSA_TYPES = ['rsa-generated', 'rsa', 'rsa-enc-generated', 'rsa-enc', 'java-keystore'] as const;

export const KEY_PROVIDER_FIELDS = {
  name: {
    kind: 'text',
    doc: 'Key provider (component) name, unique in the realm.',
    appliesTo: 'every type',
    baseline: { key: 'name', required: true },
    representation: { component: 'name' },
    provider: onEveryKeystore({ argument: 'name', conversion: 'as-is' }),
    diff: { custom: "ignored: the key's identity (review/classify/key-table.ts)" },
  },
  providerId: {
    kind: 'text',
    doc: 'Keycloak key provider id',
    appliesTo: 'every type',
    // Its default is rsa-generated, and its algorithm follows the realm's: converted by hand.
    baseline: { key: 'type', custom: true, oneOf: KEYCLOAK_KEY_PROVIDER_TYPES },
    representation: { component: 'providerId' },
    // No argument: the type chooses the keystore resource (KEY_PROVIDER_RESOURCE_TYPES).
    diff: { neutral: 'key provider type changed' },
  },
  enabled: {
    kind: 'boolean',
    doc: 'Whether the key is in use: a disabled key neither signs nor verifies.',
    appliesTo: 'every type',
    baseline: {
      key: 'state',
      custom: true,
      oneOf: KEY_STATES,
      description: 'active signs; passive only verifies; retired is removed',
    },
    representation: { config: everyType('enabled') },
    provider: onEveryKeystore({ argument: 'enabled', conversion: 'as-is', providerDefault: true }),
    diff: { custom: 'back in use weakens only for a compromised key (review/classify/key-table.ts)' },
    keycloakDefault: everyType(true),
  },
  active: {
    kind: 'boolean',
    doc: 'Whether the key signs (active) or only verifies (passive).',
    appliesTo: 'every type',
    baseline: {
      key: 'state',
      custom: true,
      oneOf: KEY_STATES,
      description: 'active signs; passive only verifies; retired is removed',
    },
    representation: { config: everyType('active') },
    provider: onEveryKeystore({ argument: 'active', conversion: 'as-is', providerDefault: true }),
    diff: { custom: 'signing again weakens only for a compromised key (review/classify/key-table.ts)' },
    keycloakDefault: everyType(true),
  },
  priority: {
    // A whole number; Keycloak takes negative ones too, so the baseline sets no minimum.
    kind: 'count',
    doc: 'Higher priority signs first.',
    appliesTo: 'every type',
    // A declared key without one gets 100, the priority of Keycloak's own keys.
    baseline: { key: 'priority', default: 100 },
    representation: { config: everyType('priority') },
    provider: onEveryKeystore({ argument: 'priority', conversion: 'as-is', providerDefault: 0 }),
    diff: { neutral: 'signing order changed (the highest-priority active key signs)' },
    keycloakDefault: everyType(0),
  },
  algorithm: {
    kind: 'text',
    doc: 'Algorithm, e.g. RS256, PS256, HS512, RSA-OAEP.',
    // AES keys have one algorithm, which no source names: the model leaves it out for them.
    appliesTo: 'every type',
    // Its default follows the realm's signature algorithm and the profile: converted by hand.
    baseline: { key: 'algorithm', custom: true },
    // Read by hand: the live key's algorithm counts when the config says none, and an ECDSA
    // key's follows from its curve.
    representation: { config: { ...everyType('algorithm'), 'ecdh-generated': 'ecdhAlgorithm' }, custom: true },
    // ecdsa-generated has no algorithm argument: the curve decides it (the dialect derives it reading back).
    provider: {
      'rsa-generated': {
        argument: 'algorithm',
        conversion: 'as-is',
        providerDefault: 'RS256',
        accepts: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
      },
      'hmac-generated': {
        argument: 'algorithm',
        conversion: 'as-is',
        providerDefault: 'HS256',
        accepts: ['HS256', 'HS384', 'HS512'],
      },
    },
    diff: { custom: 'ranked by strength (review/classify/algorithms.ts)' },
    keycloakDefault: {
      'rsa-generated': 'RS256',
      rsa: 'RS256',
      'java-keystore': 'RS256',
      'rsa-enc-generated': 'RSA-OAEP',
      'rsa-enc': 'RSA-OAEP',
      // What the server signs with; its admin UI pre-fills HS512.
      'hmac-generated': 'HS256',
      // The default curve's (P-256).
      'ecdsa-generated': 'ES256',
      'ecdh-generated': 'ECDH-ES',
      'eddsa-generated': 'EdDSA',
    },
  },
  keySize: {
    kind: 'count',
    doc: 'RSA modulus size in bits.',
    appliesTo: RSA_TYPES,
    // Generated keys without a size get the profile's: converted by hand.
    baseline: { key: 'keySize', custom: true, minimum: 512 },
    // Read by hand: the real key's size (live public key, an export's certificate) wins over the config.
    representation: { config: Object.fromEntries(RSA_TYPES.map((type) => [type, 'keySize'])), custom: true },
    provider: {
      'rsa-generated': { argument: 'keySize', conversion: 'as-is', providerDefault: 2048, accepts: [1024, 2048, 4096] },
    },
    diff: { safer: 'higher', reason: 'smaller RSA key (NIST SP 800-131A)' },
    // Imported keys and keystores have the size of the key itself.
    keycloakDefault: { 'rsa-generated': 2048, 'rsa-enc-generated': 2048 },
  },
  ellipticCurve: {
    kind: 'text',
    doc: 'Elliptic curve.',
    appliesTo: ['ecdsa-generated', 'ecdh-generated', 'eddsa-generated'],
    // ECDSA and ECDH keys without a curve get the profile's: converted by hand.
    baseline: { key: 'ellipticCurve', custom: true, oneOf: ['P-256', 'P-384', 'P-521', 'Ed25519', 'Ed448'] },
    representation: {
      config: {
        'ecdsa-generated': 'ecdsaEllipticCurveKey',
        'ecdh-generated': 'ecdhEllipticCurveKey',
        'eddsa-generated': 'eddsaEllipticCurveKey',
      },
    },
    provider: {
      'ecdsa-generated': {
        argument: 'ellipticCurveKey',
        conversion: 'as-is',
        providerDefault: 'P-256',
        accepts: ['P-256', 'P-384', 'P-521'],
      },
    },
    diff: { custom: 'ranked by strength (review/classify/algorithms.ts)' },
    keycloakDefault: { 'ecdsa-generated': 'P-256', 'ecdh-generated': 'P-256', 'eddsa-generated': 'Ed25519' },
  },
  secretSize: {
    kind: 'count',
    doc: 'HMAC / AES secret size in bytes.',
    appliesTo: ['hmac-generated', 'aes-generated'],
    // Keys without a size get the profile's: converted by hand.
    baseline: { key: 'secretSize', custom: true, minimum: 1 },
    representation: { config: { 'hmac-generated': 'secretSize', 'aes-generated': 'secretSize' } },
    provider: {
      'hmac-generated': {
        argument: 'secretSize',
        conversion: 'as-is',
        providerDefault: 64,
        accepts: [16, 24, 32, 64, 128, 256, 512],
      },
      'aes-generated': { argument: 'secretSize', conversion: 'as-is', providerDefault: 16, accepts: [16, 24, 32] },
    },
    diff: { safer: 'higher', reason: 'shorter secret (RFC 7518 §3.2)' },
    // serverinfo's declared defaults (the secret is never shown, so its size cannot be read back).
    keycloakDefault: { 'hmac-generated': 128, 'aes-generated': 32 },
  },
  passiveSince: {
    kind: 'text',
    doc: 'Date the key became passive (YYYY-MM-DD).',
    appliesTo: 'every type',
    // Meaningful for passive keys only: the adapter refuses it on others.
    baseline: { key: 'passiveSince', format: 'date' },
    diff: { neutral: 'passive-since date changed' },
  },
  id: {
    kind: 'text',
    doc: 'Keycloak component id of a key that exists already (one `realmguard incident rotate-keys` created): Pulumi takes it over instead of creating another.',
    appliesTo: 'every type',
    baseline: { key: 'id' },
    representation: { component: 'id' },
    // No argument: RealmKeys turns it into Pulumi's import id.
    diff: { custom: 'ignored: an id (review/classify/key-table.ts)' },
  },
  kids: {
    kind: 'text-list',
    doc: 'Key ids published by this provider (GET /keys; absent for file inputs).',
    appliesTo: 'every type',
    representation: { keys: 'kid', custom: true },
    diff: { custom: 'ignored: ids Keycloak derives from the key (review/classify/key-table.ts)' },
  },
} as const satisfies Record<KeyProviderFieldName, AnyKeyProviderFieldRow>;

export type KeyProviderFieldTable = typeof KEY_PROVIDER_FIELDS;

/** Typed entries of the key provider table. */
export function keyProviderRows(): [KeyProviderFieldName, AnyKeyProviderFieldRow][] {
  return Object.entries(KEY_PROVIDER_FIELDS) as [KeyProviderFieldName, AnyKeyProviderFieldRow][];
}

/** The entry of a per-type map for a provider type: its own, else the one for every type. */
export function forKeyType<V>(values: PerKeyType<V>, type: string): V | undefined {
  return Object.hasOwn(values, type) ? values[type as KeycloakKeyProviderType] : values['*'];
}

/** Whether the row's field exists for a provider type. */
export function appliesTo(row: Pick<AnyKeyProviderFieldRow, 'appliesTo'>, type: string): boolean {
  return row.appliesTo === 'every type' || (row.appliesTo as readonly string[]).includes(type);
}

/** What Keycloak uses for the field when a component of this type leaves it out; undefined when nothing. */
export function keycloakKeyDefault<F extends KeyProviderFieldName>(
  field: F,
  type: string,
): KeyProviderSettings[F] | undefined {
  const defaults = (KEY_PROVIDER_FIELDS[field] as AnyKeyProviderFieldRow).keycloakDefault as
    PerKeyType<KeyProviderSettings[F]> | undefined;
  return defaults && forKeyType(defaults, type);
}

/** Key fields whose diff is written by hand (review/classify/key-table.ts wants a differ for each). */
export type KeyProviderCustomDiffField = {
  [F in KeyProviderFieldName]: KeyProviderFieldTable[F]['diff'] extends { custom: string } ? F : never;
}[KeyProviderFieldName];

/** Key fields the export adapter reads by hand (model/export/to-settings.ts wants a reader for each). */
export type KeyProviderCustomReadField = {
  [F in KeyProviderFieldName]: KeyProviderFieldTable[F] extends { representation: { custom: true } } ? F : never;
}[KeyProviderFieldName];

/**
 * Key fields a keystore resource takes beyond the ones every keystore has (name, priority and the
 * two switches a key's state sets): the parameters of its type (algorithm, size, curve).
 */
export type KeystoreParameterField = {
  [F in KeyProviderFieldName]: KeyProviderFieldTable[F] extends { provider: infer Provider }
    ? Provider extends Record<ManagedKeyProviderId, unknown>
      ? never
      : F
    : never;
}[KeyProviderFieldName];

export const KEYSTORE_PARAMETER_FIELDS: readonly KeystoreParameterField[] = keyProviderRows().flatMap(([field, row]) =>
  row.provider && Object.keys(KEY_PROVIDER_RESOURCE_TYPES).some((type) => !Object.hasOwn(row.provider ?? {}, type))
    ? [field as KeystoreParameterField]
    : [],
);

type ArgumentOf<Row, T extends string> = Row extends {
  provider: { readonly [P in T]: { argument: infer A extends string } };
}
  ? A
  : never;

/** The keystore resource's arguments (without realmId) for a provider type, as the table lists them. */
export type KeystoreArgumentsOf<T extends ManagedKeyProviderId> = {
  -readonly [
    F in KeyProviderFieldName as ArgumentOf<KeyProviderFieldTable[F], T>
  ]: KindValue[KeyProviderFieldTable[F]['kind']];
};
