/**
 * Keycloak's RealmRepresentation (a realm export, a keycloak-config-cli file, or what the admin
 * API returns) → RealmSettings, filling Keycloak 26's defaults for every field left out. The
 * live reader goes through the same function, so an export and the live realm it came from
 * give the same model.
 */
import { X509Certificate, createPublicKey } from 'node:crypto';
import { InputError, throwIfAny } from '../errors.ts';
import { clientDefaults, KEYCLOAK_KEY_DEFAULTS, realmDefaults } from '../keycloak-defaults.ts';
import { KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES } from '../keycloak-catalog.ts';
import { ecdsaAlgorithmFor, GENERATED_RSA_KEY_PROVIDER_TYPES, RSA_KEY_PROVIDER_TYPES } from '../keycloak-keys.ts';
import {
  type ClientSettings,
  type KeyProviderSettings,
  type LoadedRealm,
  type RealmSettings,
  type RealmSource,
  type SslRequired,
} from '../realm-settings.ts';
import { rowsOf } from '../fields/field-row.ts';
import { CLIENT_SCALARS } from '../fields/client.ts';
import { REALM_FIELDS, type RealmFieldName } from '../fields/realm.ts';
import { formatDocPath, type DocPath } from '../source/doc-positions.ts';
import { ExportPositions } from './positions.ts';
import type { ParsedText } from '../source/parse-text.ts';
import {
  TOKEN_VERSION_CLIENT_SCOPE,
  TOKEN_VERSION_DEFAULT_CLAIM,
  TOKEN_VERSION_MAPPER_TYPE,
} from '../token-version.ts';
import {
  KEY_PROVIDER_COMPONENT_TYPE,
  type ClientRepresentation,
  type ComponentRepresentation,
  type RealmRepresentation,
} from './schema.ts';
import { accessFrom } from './entities/access.ts';
import { authenticationFrom } from './entities/authentication.ts';
import { clientScopesFrom } from './entities/client-scopes.ts';
import { addClientEntityFields } from './entities/clients.ts';
import { identityProvidersFrom } from './entities/identity-providers.ts';
import { entityContext } from './entities/mark.ts';
import { userProfileFrom } from './entities/user-profile.ts';

/** What GET /admin/realms/{r}/keys says about one key. */
export interface KeyMetadata {
  kid?: string;
  /** The component id of the provider that holds the key. */
  providerId?: string;
  algorithm?: string;
  status?: string;
  type?: string;
  publicKey?: string;
}

export interface AdaptOptions {
  kind: RealmSource['kind'];
  origin: string;
  /** The parsed file and where this realm sits in it, for source positions. */
  parsed?: ParsedText;
  base?: DocPath;
  /** Live only: the realm's keys, to fill kids, algorithms and real RSA sizes. */
  keys?: KeyMetadata[];
}

/** Realm fields copied 1:1 when present: the table's rows whose representation key needs no conversion. */
const REALM_SCALARS: readonly { field: RealmFieldName; key: string }[] = rowsOf(REALM_FIELDS).flatMap(([field, row]) =>
  'custom' in row.representation ? [] : [{ field, key: row.representation.key }],
);

/** Where each realm-level field is read from: model field → representation key. */
const REALM_DOC_KEYS: ReadonlyMap<string, string> = new Map([
  ['realm', 'realm'],
  ...REALM_SCALARS.map(({ field, key }): [string, string] => [field, key]),
  ['sslRequired', 'sslRequired'],
  ['enabledEventTypes', 'enabledEventTypes'],
  ['keycloakVersion', 'keycloakVersion'],
]);

const CLIENT_POSITION_FIELDS: ReadonlySet<string> = new Set(['clientId', ...CLIENT_SCALARS.map(({ field }) => field)]);
const CLIENT_LISTS: ReadonlySet<string> = new Set(['redirectUris', 'webOrigins']);

/** A client's fields with a position: its scalars, each attribute, each redirect URI and web origin. */
function clientTail(tail: readonly string[]): readonly DocPath[] {
  const [field = '', item] = tail;
  if (tail.length === 0) return [[]];
  if (tail.length === 1) return CLIENT_POSITION_FIELDS.has(field) ? [tail] : [];
  if (tail.length === 2 && (field === 'attributes' || CLIENT_LISTS.has(field)) && item !== undefined) return [tail];
  return [];
}

/** A key provider's model fields and the config keys they are read from (the last one present wins). */
const KEY_PROVIDER_CONFIG_KEYS: Readonly<Partial<Record<keyof KeyProviderSettings, readonly string[]>>> = {
  priority: ['priority'],
  enabled: ['enabled'],
  active: ['active'],
  algorithm: ['algorithm'],
  keySize: ['keySize'],
  secretSize: ['secretSize'],
  ellipticCurve: ['ecdsaEllipticCurveKey', 'ecdhEllipticCurveKey', 'eddsaEllipticCurveKey'],
};

function keyProviderTail(tail: readonly string[]): readonly DocPath[] {
  const [field = ''] = tail;
  if (tail.length === 0) return [[]];
  if (tail.length > 1) return [];
  if (field === 'name' || field === 'providerId') return [tail];
  const configKeys = Object.hasOwn(KEY_PROVIDER_CONFIG_KEYS, field)
    ? KEY_PROVIDER_CONFIG_KEYS[field as keyof KeyProviderSettings]
    : undefined;
  return (configKeys ?? []).map((key) => ['config', key]);
}

function clientPolicyTail(tail: readonly string[]): readonly DocPath[] {
  if (tail.length === 0) return [[]];
  return tail.length === 1 && (tail[0] === 'enabled' || tail[0] === 'profiles') ? [tail] : [];
}

export function representationToRealm(rep: RealmRepresentation, options: AdaptOptions): LoadedRealm {
  const positions = new ExportPositions(REALM_DOC_KEYS, options.parsed, options.base ?? []);
  const errors: InputError[] = [];
  const defaults = realmDefaults();
  const settings: RealmSettings = {
    realm: rep.realm,
    ...defaults,
    keyProviders: [],
    compromisedKeys: [],
    clients: [],
    clientPolicies: [],
    clientProfiles: [],
  };
  const target = settings as unknown as Record<string, unknown>;
  const source = rep as Record<string, unknown>;
  for (const { field, key } of REALM_SCALARS) {
    const value = source[key];
    if (value === undefined) continue;
    target[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  if (rep.sslRequired !== undefined) {
    settings.sslRequired = rep.sslRequired.toLowerCase() as SslRequired;
  }
  for (const [header, value] of Object.entries(rep.browserSecurityHeaders ?? {})) {
    settings.browserSecurityHeaders[header] = value;
  }
  // An empty list means "Keycloak's default set", which is what the realm really records.
  // Keycloak keeps the types as a set: sorted, so every source lists them alike.
  settings.enabledEventTypes = (
    rep.enabledEventTypes?.length ? [...rep.enabledEventTypes] : [...KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES]
  ).sort();

  settings.keyProviders = (rep.components?.[KEY_PROVIDER_COMPONENT_TYPE] ?? []).map((component) =>
    keyProviderFrom(component, options.keys),
  );

  const seenClients = new Map<string, number>();
  settings.clients = (rep.clients ?? []).map((client, index) => {
    const previous = seenClients.get(client.clientId);
    if (previous !== undefined)
      errors.push(duplicate(options, ['clients', index, 'clientId'], `client '${client.clientId}'`, previous));
    seenClients.set(client.clientId, index);
    return clientFrom(client);
  });

  settings.clientPolicies = (rep.clientPolicies?.policies ?? []).map((policy) => ({
    name: policy.name,
    enabled: policy.enabled ?? true,
    profiles: [...(policy.profiles ?? [])],
  }));
  settings.clientProfiles = (rep.clientProfiles?.profiles ?? []).map((profile) => profile.name);

  if (rep.keycloakVersion !== undefined) {
    settings.keycloakVersion = rep.keycloakVersion;
  }

  const tokenVersionClaim = tokenVersionClaimFrom(rep);
  if (tokenVersionClaim) settings.tokenVersionClaim = tokenVersionClaim;

  // One anchor per entity: its id in file order. Positions below it are found when asked.
  positions.collection(
    'clients',
    ['clients'],
    settings.clients.map((client) => client.clientId),
    clientTail,
  );
  positions.collection(
    'keyProviders',
    ['components', KEY_PROVIDER_COMPONENT_TYPE],
    settings.keyProviders.map((key) => key.name),
    keyProviderTail,
  );
  positions.collection(
    'clientPolicies',
    ['clientPolicies', 'policies'],
    settings.clientPolicies.map((policy) => policy.name),
    clientPolicyTail,
  );

  // Issue 14's entities (model/export/entities/*): each part stays undefined when the file does not carry it.
  const entities = entityContext((modelPath, docPath) => positions.mark(modelPath, docPath), options, errors);
  addClientEntityFields(settings.clients, rep.clients, entities);
  settings.identityProviders = identityProvidersFrom(rep, entities);
  settings.clientScopes = clientScopesFrom(rep, entities);
  settings.access = accessFrom(rep, entities);
  settings.authentication = authenticationFrom(rep, entities);
  settings.userProfile = userProfileFrom(rep, entities);

  throwIfAny(errors, { asList: true });
  return { settings, source: { kind: options.kind, origin: options.origin, positions } };
}

function duplicate(options: AdaptOptions, docPath: DocPath, what: string, firstIndex: number): InputError {
  const full = [...(options.base ?? []), ...docPath];
  const position = options.parsed?.positions.nearest(full);
  return new InputError(
    `${what} appears twice (first as item ${firstIndex})`,
    { file: options.parsed?.file ?? options.origin, ...(position ?? {}), keyPath: formatDocPath(full) },
    'Keycloak would refuse to import it: keep one',
  );
}

function clientFrom(client: ClientRepresentation): ClientSettings {
  const settings: ClientSettings = { clientId: client.clientId, ...clientDefaults() };
  if (client.id !== undefined) settings.id = client.id;
  const target = settings as unknown as Record<string, unknown>;
  const source = client as Record<string, unknown>;
  for (const { field, key } of CLIENT_SCALARS) {
    const value = source[key];
    if (value === undefined) continue;
    target[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  // Client scopes are sets to Keycloak, listed in no stable order (an export and the admin API
  // can differ): sorted, the same realm reads the same from every source.
  settings.defaultClientScopes.sort();
  settings.optionalClientScopes.sort();
  for (const [key, value] of Object.entries(client.attributes ?? {})) settings.attributes[key] = String(value);
  return settings;
}

/** The first value of a component config entry (Keycloak stores every value as a list of strings). */
function configValue(component: ComponentRepresentation, key: string): string | undefined {
  return component.config?.[key]?.[0];
}

function integer(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?\d+$/.test(text.trim())) return undefined;
  return Number(text);
}

function keyProviderFrom(component: ComponentRepresentation, keys: KeyMetadata[] | undefined): KeyProviderSettings {
  const type = component.providerId;
  const ownKeys = component.id && keys ? keys.filter((key) => key.providerId === component.id) : [];
  const provider: KeyProviderSettings = {
    name: component.name,
    providerId: type,
    priority: integer(configValue(component, 'priority')) ?? KEYCLOAK_KEY_DEFAULTS.priority,
    enabled: configValue(component, 'enabled') !== 'false',
    active: configValue(component, 'active') !== 'false',
  };
  if (component.id !== undefined) provider.id = component.id;

  // AES keys have no algorithm to choose (GET /keys says 'AES'); every source leaves it out.
  const liveAlgorithm = type === 'aes-generated' ? undefined : ownKeys.find((key) => key.algorithm)?.algorithm;
  const algorithm =
    configValue(component, 'algorithm') ??
    configValue(component, 'ecdhAlgorithm') ??
    liveAlgorithm ??
    defaultAlgorithm(component);
  if (algorithm) provider.algorithm = algorithm;
  const keySize = rsaKeySize(component, ownKeys);
  if (keySize !== undefined) provider.keySize = keySize;
  const curve = ellipticCurve(component);
  if (curve) provider.ellipticCurve = curve;
  const secretSize =
    type === 'hmac-generated' || type === 'aes-generated'
      ? (integer(configValue(component, 'secretSize')) ??
        (type === 'hmac-generated' ? KEYCLOAK_KEY_DEFAULTS.hmacSecretSize : KEYCLOAK_KEY_DEFAULTS.aesSecretSize))
      : undefined;
  if (secretSize !== undefined) provider.secretSize = secretSize;
  const kids = ownKeys.map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string');
  if (kids.length > 0) provider.kids = kids;

  return provider;
}

function defaultAlgorithm(component: ComponentRepresentation): string | undefined {
  switch (component.providerId) {
    case 'rsa-generated':
    case 'rsa':
    case 'java-keystore':
      return KEYCLOAK_KEY_DEFAULTS.rsaAlgorithm;
    case 'rsa-enc-generated':
    case 'rsa-enc':
      return KEYCLOAK_KEY_DEFAULTS.rsaEncAlgorithm;
    case 'hmac-generated':
      return KEYCLOAK_KEY_DEFAULTS.hmacAlgorithm;
    case 'ecdsa-generated': {
      const curve = ellipticCurve(component) ?? KEYCLOAK_KEY_DEFAULTS.ecdsaCurve;
      return ecdsaAlgorithmFor(curve) ?? 'ES256';
    }
    case 'ecdh-generated':
      return 'ECDH-ES';
    case 'eddsa-generated':
      return 'EdDSA';
    default:
      return undefined;
  }
}

function ellipticCurve(component: ComponentRepresentation): string | undefined {
  switch (component.providerId) {
    case 'ecdsa-generated':
      return configValue(component, 'ecdsaEllipticCurveKey') ?? KEYCLOAK_KEY_DEFAULTS.ecdsaCurve;
    case 'ecdh-generated':
      return configValue(component, 'ecdhEllipticCurveKey') ?? KEYCLOAK_KEY_DEFAULTS.ecdsaCurve;
    case 'eddsa-generated':
      return configValue(component, 'eddsaEllipticCurveKey') ?? 'Ed25519';
    default:
      return undefined;
  }
}

/**
 * RSA modulus size: the real key when it can be seen (the live public key, or the certificate
 * an export carries), else the configured size, else Keycloak's default for generated keys.
 */
function rsaKeySize(component: ComponentRepresentation, ownKeys: KeyMetadata[]): number | undefined {
  const type = component.providerId;
  if (!RSA_KEY_PROVIDER_TYPES.includes(type)) return undefined;
  for (const { publicKey } of ownKeys) {
    const bits = publicKey
      ? modulusBits(() => createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }))
      : undefined;
    if (bits) return bits;
  }
  const certificate = configValue(component, 'certificate');
  if (certificate && !certificate.startsWith('*')) {
    const bits = modulusBits(() => new X509Certificate(Buffer.from(certificate, 'base64')).publicKey);
    if (bits) return bits;
  }
  const configured = integer(configValue(component, 'keySize'));
  if (configured !== undefined) return configured;
  return GENERATED_RSA_KEY_PROVIDER_TYPES.includes(type) ? KEYCLOAK_KEY_DEFAULTS.rsaKeySize : undefined;
}

function modulusBits(getKey: () => { asymmetricKeyDetails?: { modulusLength?: number } }): number | undefined {
  try {
    return getKey().asymmetricKeyDetails?.modulusLength;
  } catch {
    return undefined; // not a readable RSA key: fall back to the configuration
  }
}

function tokenVersionClaimFrom(rep: RealmRepresentation): RealmSettings['tokenVersionClaim'] {
  const isTokenVersionMapper = (
    mapper: { protocolMapper?: string; config?: Record<string, unknown> },
    inScope: boolean,
  ): boolean =>
    mapper.protocolMapper === TOKEN_VERSION_MAPPER_TYPE &&
    (inScope || mapper.config?.['claim.name'] === TOKEN_VERSION_DEFAULT_CLAIM);
  // The scope TokenVersionClaim creates with the default claim. Scopes are known by this name
  // only: a scope named after some other claim may well hold another user attribute.
  const scope = (rep.clientScopes ?? []).find((candidate) => candidate.name === TOKEN_VERSION_CLIENT_SCOPE);
  const scopeMapper = scope?.protocolMappers?.find((mapper) => isTokenVersionMapper(mapper, true));
  if (scopeMapper) {
    const everyClient = (rep.defaultDefaultClientScopes ?? []).includes(TOKEN_VERSION_CLIENT_SCOPE);
    const clients = everyClient
      ? ['*']
      : (rep.clients ?? [])
          .filter((client) => client.defaultClientScopes?.includes(TOKEN_VERSION_CLIENT_SCOPE))
          .map((client) => client.clientId);
    return {
      attribute: String(scopeMapper.config?.['user.attribute'] ?? ''),
      claim: String(scopeMapper.config?.['claim.name'] ?? ''),
      clients,
    };
  }
  const clientMappers = (rep.clients ?? []).flatMap((client) =>
    (client.protocolMappers ?? [])
      .filter((mapper) => isTokenVersionMapper(mapper, false))
      .map((mapper) => ({ client: client.clientId, mapper })),
  );
  const first = clientMappers[0];
  if (!first) return undefined;
  return {
    attribute: String(first.mapper.config?.['user.attribute'] ?? ''),
    claim: String(first.mapper.config?.['claim.name'] ?? ''),
    clients: clientMappers.map((entry) => entry.client),
  };
}
