/**
 * Key providers in the Pulumi provider's dialect: the keystore resources of @pulumi/keycloak 6.13
 * (rsa-generated, ecdsa-generated, hmac-generated and aes-generated only). Both directions are
 * read from the key provider table's provider column (model/fields/key-provider.ts): the argument
 * names, the provider's defaults for an omitted argument, the values its schema accepts.
 */
import { InputError } from '../errors.ts';
import { ecdsaAlgorithmFor } from '../keycloak-keys.ts';
import type { KeyProviderSettings } from '../realm-settings.ts';
import {
  KEY_PROVIDER_FIELDS,
  KEY_PROVIDER_RESOURCE_TYPES,
  keyProviderRows,
  type KeystoreArgument,
  type KeystoreArgumentsOf,
  type KeyProviderFieldName,
  type ManagedKeyProviderId,
} from '../fields/key-provider.ts';
import { ofKind } from './narrow.ts';

export { KEY_PROVIDER_RESOURCE_TYPES, type ManagedKeyProviderId } from '../fields/key-provider.ts';

/** Arguments (without realmId) of the keystore resource for each provider type. */
export type KeyProviderDialect = {
  [T in ManagedKeyProviderId]: { providerId: T; args: KeystoreArgumentsOf<T> };
}[ManagedKeyProviderId];

export function isManagedKeyProvider(providerId: string): providerId is ManagedKeyProviderId {
  return Object.hasOwn(KEY_PROVIDER_RESOURCE_TYPES, providerId);
}

/** The table's keystore arguments of each resource type, in the table's order. */
export const KEYSTORE_ARGUMENTS: Readonly<
  Record<ManagedKeyProviderId, readonly { field: KeyProviderFieldName; spec: KeystoreArgument }[]>
> = Object.fromEntries(
  Object.keys(KEY_PROVIDER_RESOURCE_TYPES).map((type) => [
    type,
    keyProviderRows().flatMap(([field, row]) => {
      const spec = row.provider?.[type as ManagedKeyProviderId] as KeystoreArgument | undefined;
      return spec ? [{ field, spec }] : [];
    }),
  ]),
) as Record<ManagedKeyProviderId, { field: KeyProviderFieldName; spec: KeystoreArgument }[]>;

/**
 * The keystore resource arguments for a key provider: each argument of its type the model's
 * value, else what the provider would send anyway. Any other type (rsa-enc-generated among them)
 * is an InputError naming the limit.
 */
export function keyProviderArgsFromSettings(key: KeyProviderSettings): KeyProviderDialect {
  const providerId = key.providerId;
  if (!isManagedKeyProvider(providerId)) {
    throw new InputError(
      `key provider '${key.name}' has type '${key.providerId}', which the Pulumi Keycloak provider (6.13) has no resource for`,
      { keyPath: `keyProviders.${key.name}.providerId` },
      `use one of ${Object.keys(KEY_PROVIDER_RESOURCE_TYPES).join(', ')}, or leave this key to Keycloak (every new realm gets rsa-enc-generated) and rotate it with 'realmguard incident rotate-keys'`,
    );
  }
  const args = Object.fromEntries(
    KEYSTORE_ARGUMENTS[providerId].map(({ field, spec }) => [spec.argument, key[field] ?? spec.providerDefault]),
  );
  return { providerId, args } as KeyProviderDialect;
}

/**
 * The key provider settings a keystore resource's inputs declare. `type` is the Pulumi type
 * token (or the Keycloak providerId); undefined when it is not a key provider this project
 * maps. Omitted arguments get the provider's defaults, which is what it sends.
 */
export function keyProviderSettingsFromInputs(
  type: string,
  props: Record<string, unknown>,
): Partial<KeyProviderSettings> | undefined {
  const providerId = Object.entries(KEY_PROVIDER_RESOURCE_TYPES).find(
    ([id, token]) => token === type || id === type,
  )?.[0] as ManagedKeyProviderId | undefined;
  if (!providerId) return undefined;
  const out: Partial<Record<KeyProviderFieldName, unknown>> = { providerId };
  for (const { field, spec } of KEYSTORE_ARGUMENTS[providerId]) {
    const value = ofKind(KEY_PROVIDER_FIELDS[field].kind, props[spec.argument]) ?? spec.providerDefault;
    if (value !== undefined) out[field] = value;
  }
  // An ECDSA key's algorithm is its curve's (the resource has no algorithm argument).
  if (providerId === 'ecdsa-generated' && typeof out.ellipticCurve === 'string') {
    const algorithm = ecdsaAlgorithmFor(out.ellipticCurve);
    if (algorithm) out.algorithm = algorithm;
  }
  return out as Partial<KeyProviderSettings>;
}
