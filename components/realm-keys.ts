/**
 * RealmKeys: a realm's key providers with a rotation lifecycle. Each declared key is
 * active (signs, and verifies what it signed), passive (only verifies: stays in the JWKS) or
 * retired (removed). The list is ordered oldest first; unless a key states its priority, the
 * priorities are derived from that order so that the newest active key of each algorithm signs.
 *
 * Rotating is appending a new active entry, turning the previous one passive, and running
 * `pulumi up`; retiring it later is changing its state to retired. Passive keys are demoted
 * only after the new key exists (they depend on it), so there is no moment without a signing
 * key and no moment at which a valid token stops verifying. A key listed as compromised can be
 * neither active nor passive.
 */
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
import { InputError } from '../model/errors.ts';
import { ecdsaAlgorithmFor } from '../model/keycloak-keys.ts';
import type { KeyProviderSettings, KeyState } from '../model/realm-settings.ts';
import { KEYSTORE_PARAMETER_FIELDS, type KeystoreParameterField } from '../model/fields/key-provider.ts';
import {
  isManagedKeyProvider,
  keyProviderArgsFromSettings,
  KEYSTORE_ARGUMENTS,
  type ManagedKeyProviderId,
  type KeyProviderDialect,
} from '../model/provider-dialect.ts';

/**
 * One key. Its type's parameters — algorithm (rsa-generated: RS256…PS512; hmac-generated:
 * HS256…HS512), keySize (rsa-generated: 1024, 2048 or 4096 bits), ellipticCurve
 * (ecdsa-generated: P-256, P-384, P-521), secretSize (hmac-generated 16–512, aes-generated 16,
 * 24, 32 bytes) — are the key provider table's keystore parameters (model/fields/key-provider.ts),
 * checked against the values the provider accepts.
 */
export interface KeyDeclaration extends Partial<Pick<KeyProviderSettings, KeystoreParameterField>> {
  /** The key provider's name in Keycloak; also names the child resource, so keep it stable. */
  name: string;
  /** The provider type (the types @pulumi/keycloak can manage). */
  providerId: ManagedKeyProviderId;
  /** active: signs; passive: verifies only (stays in the JWKS); retired: removed from Keycloak. */
  state: KeyState;
  /** Explicit provider priority. Omit it to derive one from the key's place in the list. */
  priority?: number;
  /**
   * The provider's import id (`<realm>/<component id>`) of a key that exists in Keycloak already —
   * one `realmguard incident rotate-keys` created — for Pulumi to take over instead of creating
   * another. Ignored once the key is in the stack's state.
   */
  importId?: string;
}

/** The keystore parameters a key states (a KeyDeclaration or KeyProviderSettings), without the ones it leaves out. */
export function keystoreParameters(
  key: Partial<Pick<KeyProviderSettings, KeystoreParameterField>>,
): Partial<Pick<KeyProviderSettings, KeystoreParameterField>> {
  return Object.fromEntries(
    KEYSTORE_PARAMETER_FIELDS.flatMap((field) => (key[field] === undefined ? [] : [[field, key[field]]])),
  );
}

export interface RealmKeysArgs {
  /** The realm the keys belong to (a HardenedRealm's realmId). */
  realmId: pulumi.Input<string>;
  /** The keys, oldest first. Keep retired entries in the list: it keeps derived priorities stable. */
  keys: KeyDeclaration[];
  /** Key names (or key ids) that are compromised: declaring one of them active or passive is refused. */
  compromised?: string[];
  /**
   * Derived priorities are basePriority + 10 × position. The default, 200, puts every managed key
   * above the keys Keycloak creates in each new realm (priority 100).
   */
  basePriority?: number;
}

export type KeystoreResource =
  | keycloak.RealmKeystoreRsaGenerated
  | keycloak.RealmKeystoreEcdsaGenerated
  | keycloak.RealmKeystoreHmacGenerated
  | keycloak.RealmKeystoreAesGenerated;

export class RealmKeys extends pulumi.ComponentResource {
  /** Keycloak component id of each key that exists (active or passive), by key name. */
  public readonly keyIds: Record<string, pulumi.Output<string>>;
  /** Names of the keys that sign. */
  public readonly activeKeys: string[];
  /** Names of the keys that only verify. */
  public readonly passiveKeys: string[];
  /** Names of the keys removed. */
  public readonly retiredKeys: string[];
  /** The keystore resources, by key name. */
  public readonly keystores: Record<string, KeystoreResource>;

  constructor(name: string, args: RealmKeysArgs, opts?: pulumi.ComponentResourceOptions) {
    super('realmguard:index:RealmKeys', name, {}, opts);
    const plan = planKeys(args.keys, args.compromised ?? [], args.basePriority ?? 200);

    const signers = new Map<string, KeystoreResource>();
    for (const entry of plan.filter((item) => item.state === 'active')) {
      signers.set(
        entry.dialect.args.name,
        keystore(`${name}-key-${entry.dialect.args.name}`, args.realmId, entry, [], this),
      );
    }
    const resources = new Map(signers);
    for (const entry of plan.filter((item) => item.state === 'passive')) {
      // A passive key is demoted only once every active key exists: no gap without a signer.
      resources.set(
        entry.dialect.args.name,
        keystore(`${name}-key-${entry.dialect.args.name}`, args.realmId, entry, [...signers.values()], this),
      );
    }

    this.keystores = Object.fromEntries(resources);
    this.keyIds = Object.fromEntries([...resources].map(([key, resource]) => [key, resource.id]));
    this.activeKeys = plan.filter((item) => item.state === 'active').map((item) => item.dialect.args.name);
    this.passiveKeys = plan.filter((item) => item.state === 'passive').map((item) => item.dialect.args.name);
    this.retiredKeys = args.keys.filter((key) => key.state === 'retired').map((key) => key.name);
    this.registerOutputs({
      keyIds: this.keyIds,
      activeKeys: this.activeKeys,
      passiveKeys: this.passiveKeys,
      retiredKeys: this.retiredKeys,
    });
  }
}

function keystore(
  resourceName: string,
  realmId: pulumi.Input<string>,
  { dialect, importId }: PlannedKey,
  dependsOn: pulumi.Resource[],
  parent: pulumi.Resource,
): KeystoreResource {
  // Never delete before replacing: the old key keeps verifying until its successor exists.
  const opts: pulumi.CustomResourceOptions = {
    parent,
    dependsOn,
    deleteBeforeReplace: false,
    ...(importId ? { import: importId } : {}),
  };
  switch (dialect.providerId) {
    case 'rsa-generated':
      return new keycloak.RealmKeystoreRsaGenerated(resourceName, { realmId, ...dialect.args }, opts);
    case 'ecdsa-generated':
      return new keycloak.RealmKeystoreEcdsaGenerated(resourceName, { realmId, ...dialect.args }, opts);
    case 'hmac-generated':
      return new keycloak.RealmKeystoreHmacGenerated(resourceName, { realmId, ...dialect.args }, opts);
    case 'aes-generated':
      return new keycloak.RealmKeystoreAesGenerated(resourceName, { realmId, ...dialect.args }, opts);
  }
}

/** One key that will exist in Keycloak, with its provider arguments. */
export interface PlannedKey {
  state: Exclude<KeyState, 'retired'>;
  dialect: KeyProviderDialect;
  importId?: string;
}

/**
 * Validates the declared keys and computes what will exist: priorities derived where not given,
 * retired keys dropped. Throws InputError naming the key and what to change.
 */
export function planKeys(keys: KeyDeclaration[], compromised: string[], basePriority: number): PlannedKey[] {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key.name))
      throw keyError(
        key,
        'name',
        `is declared twice`,
        'give every key its own name; retire an old key rather than reusing its name',
      );
    seen.add(key.name);
    if (!['active', 'passive', 'retired'].includes(key.state)) {
      throw keyError(key, 'state', `has state '${key.state}'`, "use 'active', 'passive' or 'retired'");
    }
    if (key.state !== 'retired' && compromised.includes(key.name)) {
      throw keyError(
        key,
        'state',
        `is listed as compromised and cannot be ${key.state}`,
        "set its state to 'retired' (tokens it signed stop verifying at once), add a new active key, and push a realm not-before",
      );
    }
    validateKeyParameters(key);
  }

  const planned = keys.flatMap((key, position): PlannedKey[] => {
    if (key.state === 'retired') return [];
    const dialect = keyProviderArgsFromSettings({
      name: key.name,
      providerId: key.providerId,
      priority: key.priority ?? basePriority + 10 * position,
      enabled: true,
      active: key.state === 'active',
      ...keystoreParameters(key),
    });
    return [{ state: key.state, dialect, ...(key.importId ? { importId: key.importId } : {}) }];
  });
  checkNewestActiveSigns(planned);
  return planned;
}

/** Values the provider's schema would refuse at preview, less clearly (the key provider table's `accepts`). */
function validateKeyParameters(key: KeyDeclaration): void {
  if (!isManagedKeyProvider(key.providerId)) {
    // keyProviderArgsFromSettings names the types that are supported.
    keyProviderArgsFromSettings({
      name: key.name,
      providerId: key.providerId,
      priority: 0,
      enabled: true,
      active: true,
    });
    return;
  }
  for (const { field, spec } of KEYSTORE_ARGUMENTS[key.providerId]) {
    const value = Object.hasOwn(key, field)
      ? (key as unknown as Record<string, string | number | undefined>)[field]
      : undefined;
    const accepted = spec.accepts as readonly unknown[] | undefined;
    if (value !== undefined && accepted && !accepted.includes(value)) {
      throw keyError(
        key,
        field,
        `has ${field} ${String(value)}`,
        `the Keycloak provider accepts ${accepted.join(', ')}`,
      );
    }
  }
  if (key.priority !== undefined && !Number.isSafeInteger(key.priority)) {
    throw keyError(key, 'priority', `has priority ${key.priority}`, 'use a whole number');
  }
}

/** What a key signs with: its algorithm (ECDSA: from the curve); AES keys do not sign. */
function signingAlgorithm(dialect: KeyProviderDialect): string | undefined {
  switch (dialect.providerId) {
    case 'rsa-generated':
    case 'hmac-generated':
      return dialect.args.algorithm;
    case 'ecdsa-generated':
      return ecdsaAlgorithmFor(dialect.args.ellipticCurveKey);
    case 'aes-generated':
      return undefined;
  }
}

/** Keycloak signs with the highest-priority active key of an algorithm: that must be the newest one declared. */
function checkNewestActiveSigns(planned: PlannedKey[]): void {
  const byAlgorithm = new Map<string, PlannedKey[]>();
  for (const entry of planned) {
    const algorithm = entry.state === 'active' ? signingAlgorithm(entry.dialect) : undefined;
    if (algorithm) byAlgorithm.set(algorithm, [...(byAlgorithm.get(algorithm) ?? []), entry]);
  }
  for (const [algorithm, actives] of byAlgorithm) {
    const newest = actives.at(-1);
    if (!newest) continue;
    const rival = actives.slice(0, -1).find((entry) => entry.dialect.args.priority >= newest.dialect.args.priority);
    if (rival) {
      throw new InputError(
        `key '${newest.dialect.args.name}' is the newest active ${algorithm} key but '${rival.dialect.args.name}' has priority ${rival.dialect.args.priority} ≥ its ${newest.dialect.args.priority}, so the older key would keep signing`,
        { keyPath: `keys.${newest.dialect.args.name}.priority` },
        `give '${newest.dialect.args.name}' a higher priority, or make '${rival.dialect.args.name}' passive`,
      );
    }
  }
}

function keyError(key: KeyDeclaration, field: string, problem: string, hint: string): InputError {
  return new InputError(`key '${key.name}' ${problem}`, { keyPath: `keys.${key.name}.${field}` }, hint);
}
