/**
 * Key providers follow a lifecycle (active → passive → retired), and moving along it is neutral:
 * that is how rotation works. What weakens is key strength going down, or a key declared
 * compromised coming back; declaring a key compromised strengthens (notes/rule-catalogue.md, Keys).
 */
import { RSA_KEY_PROVIDER_TYPES } from '../../model/keycloak-keys.ts';
import type { KeyProviderSettings, RealmSettings } from '../../model/realm-settings.ts';
import { ELLIPTIC_CURVE_ORDER, HMAC_MINIMUM_BYTES, KEY_ALGORITHM_ORDER, MINIMUM_RSA_BITS } from './algorithms.ts';
import { keyProviderRows, type KeyProviderCustomDiffField } from '../../model/fields/key-provider.ts';
import { differFor } from './row-differ.ts';
import {
  ignored,
  neutralVerdict,
  rankOf,
  ranked,
  scalar,
  strengthens,
  weakens,
  type ClassifyContext,
  type DiffTable,
} from './differ.ts';
import { entities } from './entities.ts';

function isCompromised(realm: RealmSettings, key: { name: string; kids?: readonly string[] }): boolean {
  return (
    realm.compromisedKeys.includes(key.name) || (key.kids ?? []).some((kid) => realm.compromisedKeys.includes(kid))
  );
}

/** A key switched on or made active again weakens only when it is declared compromised. */
function lifecycle(on: string, off: string) {
  return scalar<boolean>((_before, after, context: ClassifyContext) => {
    const compromised = context.entityId !== undefined && isCompromised(context.after, { name: context.entityId });
    if (after && compromised) return weakens('a key declared compromised is back in use');
    return neutralVerdict(after ? on : off);
  });
}

/** Key fields whose table row names a simple diff class (model/fields/key-provider.ts). */
const TABLE_DIFFERS = Object.fromEntries(
  keyProviderRows().flatMap(([field, row]) => {
    const differ = differFor(row);
    return differ ? [[field, differ]] : [];
  }),
) as Omit<DiffTable<KeyProviderSettings>, KeyProviderCustomDiffField>;

/** Key fields whose table row says `custom`: the type checker wants one differ for each. */
const CUSTOM_DIFFERS: Pick<DiffTable<KeyProviderSettings>, KeyProviderCustomDiffField> = {
  name: ignored,
  id: ignored,
  kids: ignored,
  enabled: lifecycle('key enabled: back in the JWKS', 'key disabled: out of the JWKS, tokens it signed stop verifying'),
  active: lifecycle(
    'key made active: it signs new tokens',
    'active → passive: stops signing, still verifies its tokens',
  ),
  algorithm: ranked(KEY_ALGORITHM_ORDER, 'weaker key algorithm (RFC 8725 §3)'),
  ellipticCurve: ranked(ELLIPTIC_CURVE_ORDER, 'weaker elliptic curve'),
};

const DIFFERS: Record<string, unknown> = { ...TABLE_DIFFERS, ...CUSTOM_DIFFERS };

/** In the key provider table's order (the order changes are listed in). */
export const KEY_TABLE = Object.fromEntries(
  keyProviderRows().map(([field]) => [field, DIFFERS[field]]),
) as DiffTable<KeyProviderSettings>;

/** Why a new key is weak, or undefined. */
export function keyWeakness(key: KeyProviderSettings, realm: RealmSettings): string | undefined {
  if (isCompromised(realm, key)) return 'a key declared compromised is added';
  if (!key.enabled) return undefined;
  const isRsa = RSA_KEY_PROVIDER_TYPES.includes(key.providerId);
  if (isRsa && key.keySize !== undefined && key.keySize < MINIMUM_RSA_BITS) return `RSA key of ${key.keySize} bits`;
  if (key.algorithm === 'RSA1_5') return 'RSA1_5 key encryption';
  if (key.ellipticCurve !== undefined && rankOf(ELLIPTIC_CURVE_ORDER, key.ellipticCurve) === undefined)
    return `curve ${key.ellipticCurve} (not P-256, P-384 or P-521)`;
  const hmacBytes = key.algorithm ? HMAC_MINIMUM_BYTES[key.algorithm] : undefined;
  if (hmacBytes !== undefined && key.secretSize !== undefined && key.secretSize < hmacBytes) {
    return `${key.secretSize}-byte secret for ${key.algorithm}`;
  }
  return undefined;
}

export const KEY_PROVIDERS = entities<KeyProviderSettings>({
  key: (key) => key.name,
  fields: KEY_TABLE,
  added: (key, context) => {
    const weakness = keyWeakness(key, context.after);
    return weakness
      ? weakens(`new key: ${weakness}`)
      : neutralVerdict(key.active ? 'new active key (rotation)' : 'new key');
  },
  removed: (key, context) =>
    isCompromised(context.after, key)
      ? strengthens('compromised key removed')
      : neutralVerdict('key retired (removed)'),
  summary: (key) =>
    `${key.providerId} ${[key.algorithm, key.keySize ? `${key.keySize} bits` : undefined, key.ellipticCurve].filter(Boolean).join(' ')}, ${
      !key.enabled ? 'disabled' : key.active ? 'active' : 'passive'
    }, priority ${key.priority}`.replace(' ,', ','),
});
