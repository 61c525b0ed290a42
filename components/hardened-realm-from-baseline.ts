/**
 * HardenedRealmFromBaseline: everything one baseline declares — the realm and its events
 * (HardenedRealm), its keys (RealmKeys), its OIDC clients (HardenedClient) and the
 * token-version claim (TokenVersionClaim) — built from one loaded, validated baseline.
 *
 * Keycloak gives every new realm four keys of its own (rsa-generated, rsa-enc-generated,
 * hmac-generated-hs512, aes-generated, priority 100). A baseline key identical to one of them
 * is left to Keycloak instead of being created twice. Keys of a type the provider cannot manage
 * (rsa-enc-generated) are left to Keycloak when the profile filled them in; a baseline that
 * declares one explicitly, with other values than Keycloak's, is refused.
 *
 * Client policies: one RealmClientPolicyProfilePolicy each, for every client of the realm
 * (Keycloak's any-client condition), created after the clients. Keycloak runs a policy's
 * profile on every client created or changed while the policy exists: it refuses clients the
 * profile forbids (a FAPI 2 profile refuses a public client with a custom-scheme redirect) and
 * rewrites others (consent, signature algorithms, DPoP binding), which would fight the values
 * the baseline declares. Realm-defined client profiles are refused: the provider's profile
 * resource is not used, so only Keycloak's built-in profiles can be named.
 */
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
import { InputError } from '../model/errors.ts';
import { isKeycloakBuiltInKey } from '../model/keycloak-keys.ts';
import { pathKey, positionOf, type ClientSettings, type FieldPath, type LoadedRealm } from '../model/realm-settings.ts';
import { clientPolicyArgsFromSettings, isManagedKeyProvider } from '../model/provider-dialect.ts';
import { HardenedRealm, hardenedRealmSettings, type HardenedRealmArgs } from './hardened-realm.ts';
import { checkedClientSettings, HardenedClient } from './hardened-client.ts';
import { keystoreParameters, planKeys, RealmKeys, type KeyDeclaration } from './realm-keys.ts';
import { checkedClientPolicies, type ClientPolicyPlan } from './client-policies.ts';
import { TokenVersionClaim, tokenVersionPlan } from './token-version-claim.ts';
import { resourceNameFor } from './resource-name.ts';

export interface HardenedRealmFromBaselineArgs {
  /** A baseline as the model's loadBaseline returns it (validated, filled from its profile). */
  baseline: LoadedRealm;
  /** Secrets for confidential clients that authenticate with a secret, by clientId (Pulumi secrets). Omitted: Keycloak generates them. */
  clientSecrets?: Record<string, pulumi.Input<string>>;
}

export class HardenedRealmFromBaseline extends pulumi.ComponentResource {
  public readonly realm: HardenedRealm;
  public readonly keys: RealmKeys;
  /** The clients, by clientId. */
  public readonly clients: Record<string, HardenedClient>;
  public readonly tokenVersion: TokenVersionClaim | undefined;
  /** The client policies, by policy name. */
  public readonly clientPolicies: Record<string, keycloak.RealmClientPolicyProfilePolicy>;
  /** Baseline keys not created because Keycloak already holds them (or the provider cannot manage their type). */
  public readonly keysLeftToKeycloak: string[];
  public readonly realmId: pulumi.Output<string>;

  constructor(name: string, args: HardenedRealmFromBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    super('realmguard:index:HardenedRealmFromBaseline', name, {}, opts);
    const { baseline } = args;
    // Everything is validated before the first child exists: a bad baseline creates nothing.
    const plan = planBaseline(baseline);

    this.realm = located(baseline, [], () => new HardenedRealm(`${name}-realm`, plan.realm, { parent: this }));
    this.realmId = this.realm.realmId;
    this.keys = located(
      baseline,
      ['keyProviders'],
      () =>
        new RealmKeys(
          `${name}-keys`,
          {
            realmId: this.realmId,
            keys: plan.keys,
            compromised: baseline.settings.compromisedKeys,
            basePriority: KEY_BASE_PRIORITY,
          },
          { parent: this, dependsOn: [this.realm] },
        ),
    );
    this.keysLeftToKeycloak = plan.keysLeftToKeycloak;
    // Never rejects (Pulumi prints an undeliverable message to stderr) and keeps the program alive until sent.
    for (const note of plan.notes) void pulumi.log.warn(note, this);

    this.clients = {};
    for (const [resourceKey, client] of plan.clients) {
      const secret = args.clientSecrets?.[client.clientId];
      this.clients[client.clientId] = located(
        baseline,
        ['clients', client.clientId],
        () =>
          new HardenedClient(
            `${name}-client-${resourceKey}`,
            { realmId: this.realmId, settings: client, ...(secret === undefined ? {} : { clientSecret: secret }) },
            { parent: this, dependsOn: [this.realm] },
          ),
      );
    }

    const claim = baseline.settings.tokenVersionClaim;
    this.tokenVersion = claim
      ? located(baseline, ['tokenVersionClaim'], () => {
          const targets = claim.clients.includes('*') ? Object.keys(this.clients) : claim.clients;
          const clients: Record<string, pulumi.Input<string>> = {};
          for (const clientId of targets) {
            const client = this.clients[clientId];
            if (!client) {
              throw new InputError(
                `tokenVersionClaim names client '${clientId}', which the baseline does not declare`,
                { keyPath: 'tokenVersionClaim.clients' },
                "list clients the baseline declares, or '*'",
              );
            }
            clients[resourceNameFor(clientId)] = client.id;
          }
          return new TokenVersionClaim(
            `${name}-token-version`,
            { realmId: this.realmId, attribute: claim.attribute, claim: claim.claim, clients },
            { parent: this, dependsOn: Object.values(this.clients) },
          );
        })
      : undefined;

    // After the clients (see the file comment), and one after another: the provider writes a
    // policy by reading the realm's whole policy list and putting it back, so two written at
    // once can lose one another.
    this.clientPolicies = {};
    let previous: pulumi.Resource[] = [
      this.realm,
      ...Object.values(this.clients),
      ...(this.tokenVersion ? [this.tokenVersion] : []),
    ];
    for (const [resourceKey, policy] of plan.clientPolicies) {
      const resource = new keycloak.RealmClientPolicyProfilePolicy(
        `${name}-client-policy-${resourceKey}`,
        { realmId: this.realmId, ...clientPolicyArgsFromSettings(policy) },
        { parent: this, dependsOn: previous },
      );
      this.clientPolicies[policy.name] = resource;
      previous = [resource];
    }

    this.registerOutputs({
      realmId: this.realmId,
      clientIds: Object.fromEntries(Object.entries(this.clients).map(([clientId, client]) => [clientId, client.id])),
      keysLeftToKeycloak: this.keysLeftToKeycloak,
    });
  }
}

export interface BaselinePlan {
  realm: HardenedRealmArgs;
  keys: KeyDeclaration[];
  keysLeftToKeycloak: string[];
  /** Things worth a warning in `pulumi preview`. */
  notes: string[];
  /** [child resource key, client] — keys are unique and safe in resource names. */
  clients: [string, ClientSettings][];
  clientPolicies: ClientPolicyPlan;
}

/** Derived key priorities start here: above the priority 100 of Keycloak's own keys. */
const KEY_BASE_PRIORITY = 200;

/** Everything the component will build, computed without Pulumi. Throws InputError with the baseline's file position. */
export function planBaseline(baseline: LoadedRealm): BaselinePlan {
  const { settings } = baseline;
  const {
    realm,
    keyProviders,
    compromisedKeys: _c,
    clients,
    clientPolicies,
    clientProfiles,
    tokenVersionClaim: _t,
    ...realmLevel
  } = settings;
  const realmArgs: HardenedRealmArgs = {
    realm,
    ...(baseline.profile ? { profile: baseline.profile } : {}),
    ...realmLevel,
  };

  const keysDeclared = declares(baseline, ['keyProviders']);
  const keys: KeyDeclaration[] = [];
  const keysLeftToKeycloak: string[] = [];
  const notes: string[] = [];
  for (const key of keyProviders) {
    if (isKeycloakBuiltInKey(key)) {
      keysLeftToKeycloak.push(key.name);
      continue;
    }
    if (!isManagedKeyProvider(key.providerId)) {
      if (keysDeclared) {
        throw locate(
          baseline,
          ['keyProviders', key.name, 'providerId'],
          new InputError(
            `key provider '${key.name}' has type '${key.providerId}', which the Pulumi Keycloak provider (6.13) cannot manage`,
            {},
            `drop it (Keycloak gives every realm a default rsa-enc-generated key) or use one of rsa-generated, ecdsa-generated, hmac-generated, aes-generated`,
          ),
        );
      }
      keysLeftToKeycloak.push(key.name);
      notes.push(
        `realm '${realm}': the profile's key '${key.name}' (${key.providerId}) is not applied: the Pulumi Keycloak provider cannot manage that type; Keycloak's own default key of that type stays in use`,
      );
      continue;
    }
    const priorityDeclared = declares(baseline, ['keyProviders', key.name, 'priority']);
    keys.push({
      name: key.name,
      providerId: key.providerId,
      state: !key.enabled ? 'retired' : key.active ? 'active' : 'passive',
      // A priority the file states is kept; otherwise it is derived from the key's place in the list.
      ...(priorityDeclared || !keysDeclared ? { priority: key.priority } : {}),
      // Sizes the provider refuses are reported by RealmKeys' validation; the profiles use allowed ones.
      ...keystoreParameters(key),
      // A key the baseline names by its Keycloak id exists already (an incident created it): adopt it.
      ...(key.id !== undefined && declares(baseline, ['keyProviders', key.name, 'id'])
        ? { importId: `${realm}/${key.id}` }
        : {}),
    });
  }
  if (clientProfiles.length > 0) {
    throw locate(
      baseline,
      ['clientProfiles'],
      new InputError(
        `realm-defined client profiles (${clientProfiles.join(', ')}) cannot be applied: the components create client policies, not client profiles`,
        { keyPath: 'clientProfiles' },
        "drop them and use Keycloak's built-in profiles in clientPolicies (e.g. fapi-2-dpop-security-profile), or create the profiles outside realmguard",
      ),
    );
  }
  for (const policy of clientPolicies)
    located(baseline, ['clientPolicies', policy.name], () => checkedClientPolicies([policy]));
  const policyPlan = located(baseline, ['clientPolicies'], () => checkedClientPolicies(clientPolicies));

  const usedNames = new Map<string, string>();
  const clientPlan: [string, ClientSettings][] = [];
  for (const client of clients) {
    const resourceKey = resourceNameFor(client.clientId);
    const other = usedNames.get(resourceKey);
    if (other !== undefined) {
      throw locate(
        baseline,
        ['clients', client.clientId],
        new InputError(
          `clients '${other}' and '${client.clientId}' ${other === client.clientId ? 'are the same client declared twice' : 'differ only in characters resource names cannot hold'}`,
          {},
          'give each client a distinct clientId',
        ),
      );
    }
    usedNames.set(resourceKey, client.clientId);
    clientPlan.push([resourceKey, client]);
  }
  located(baseline, [], () => hardenedRealmSettings(realmArgs));
  located(baseline, ['keyProviders'], () => planKeys(keys, settings.compromisedKeys, KEY_BASE_PRIORITY));
  for (const [, client] of clientPlan)
    located(baseline, ['clients', client.clientId], () => checkedClientSettings(client));
  const claim = settings.tokenVersionClaim;
  if (claim) {
    for (const clientId of claim.clients) {
      if (clientId !== '*' && !clients.some((candidate) => candidate.clientId === clientId)) {
        throw locate(
          baseline,
          ['tokenVersionClaim', 'clients'],
          new InputError(
            `tokenVersionClaim names client '${clientId}', which the baseline does not declare`,
            { keyPath: 'tokenVersionClaim.clients' },
            "list clients the baseline declares, or '*'",
          ),
        );
      }
    }
    const targets = claim.clients.includes('*') ? clientPlan.map(([key]) => key) : claim.clients.map(resourceNameFor);
    located(baseline, ['tokenVersionClaim'], () =>
      tokenVersionPlan({
        attribute: claim.attribute,
        claim: claim.claim,
        clients: Object.fromEntries(targets.map((key) => [key, key])),
      }),
    );
  }
  return { realm: realmArgs, keys, keysLeftToKeycloak, notes, clients: clientPlan, clientPolicies: policyPlan };
}

/** Whether the baseline file itself states this field (as opposed to its profile filling it). */
function declares(baseline: LoadedRealm, path: FieldPath): boolean {
  const prefix = pathKey(path);
  for (const key of baseline.source.positions.keys()) {
    if (key === prefix || key.startsWith(prefix + '\u0000')) return true;
  }
  return false;
}

/** Runs `build`; an InputError it throws gets the baseline's file and the nearest position. */
function located<T>(baseline: LoadedRealm, path: FieldPath, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof InputError)
      throw locate(baseline, [...path, ...keyPathTail(error.location.keyPath, path)], error);
    throw error;
  }
}

/** The model path an InputError's dotted keyPath points to, below the entity the caller named. */
function keyPathTail(keyPath: string | undefined, base: FieldPath): string[] {
  if (!keyPath) return [];
  const parts = keyPath.split('.');
  // Component errors say 'clients.<id>.<field>', 'keys.<name>.<field>' or 'clientPolicies.<name>.<field>': keep the field.
  if (
    base.length > 0 &&
    (parts[0] === 'clients' || parts[0] === 'keys' || parts[0] === 'clientPolicies') &&
    parts.length >= 3
  ) {
    // The component's 'state' is the model's active/enabled pair.
    const field = parts.slice(2).map((part) => (part === 'state' ? 'active' : part));
    return base[0] === 'keyProviders' ? [parts[1] ?? '', ...field] : field;
  }
  return base.length === 0 ? parts : [];
}

function locate(baseline: LoadedRealm, path: FieldPath, error: InputError): InputError {
  if (error.location.file !== undefined) return error;
  const position = positionOf(baseline.source, path);
  return new InputError(
    error.message,
    {
      file: baseline.source.origin,
      ...(position ? { line: position.line, column: position.column } : {}),
      keyPath: error.location.keyPath ?? path.join('.'),
    },
    error.hint,
  );
}
