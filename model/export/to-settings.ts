/**
 * Keycloak's RealmRepresentation (a realm export, a keycloak-config-cli file, or what the admin
 * API returns) → RealmSettings, filling Keycloak 26's defaults for every field left out. The
 * live reader goes through the same function, so an export and the live realm it came from
 * give the same model.
 */
import { X509Certificate, createPublicKey } from 'node:crypto';
import { InputError, throwIfAny } from '../errors.ts';
import { clientDefaults, realmDefaults } from '../keycloak-defaults.ts';
import { KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES } from '../keycloak-catalog.ts';
import { ecdsaAlgorithmFor } from '../keycloak-keys.ts';
import {
  type ClientPolicySettings,
  type ClientSettings,
  type KeyProviderSettings,
  type LoadedRealm,
  type RealmSettings,
  type RealmSource,
  type SslRequired,
} from '../realm-settings.ts';
import { rowsOf, type FieldKind } from '../fields/field-row.ts';
import { clientPolicyRows, type ClientPolicyFieldName } from '../fields/client-policy.ts';
import {
  appliesTo,
  KEY_PROVIDER_FIELDS,
  keycloakKeyDefault,
  keyProviderRows,
  type AnyKeyProviderFieldRow,
  forKeyType,
  type KeyProviderCustomReadField,
  type KeyProviderFieldName,
  type PerKeyType,
} from '../fields/key-provider.ts';
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
import { addClientEntityFields, CLIENT_URL_FIELDS } from './entities/clients.ts';
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

const CLIENT_POSITION_FIELDS: ReadonlySet<string> = new Set([
  'clientId',
  ...CLIENT_SCALARS.map(({ field }) => field),
  ...CLIENT_URL_FIELDS,
]);
const CLIENT_LISTS: ReadonlySet<string> = new Set(['redirectUris', 'webOrigins']);

/** A client's fields with a position: its scalars and URLs, each attribute, each redirect URI and web origin. */
function clientTail(tail: readonly string[]): readonly DocPath[] {
  const [field = '', item] = tail;
  if (tail.length === 0) return [[]];
  if (tail.length === 1) return CLIENT_POSITION_FIELDS.has(field) ? [tail] : [];
  if (tail.length === 2 && (field === 'attributes' || CLIENT_LISTS.has(field)) && item !== undefined) return [tail];
  return [];
}

/** Where a key component holds each field of the key provider table: its own keys, and config keys. */
const KEY_PROVIDER_COMPONENT_KEYS: ReadonlyMap<string, readonly DocPath[]> = new Map(
  keyProviderRows().flatMap(([field, { representation }]): [string, readonly DocPath[]][] => {
    if (representation === undefined || 'keys' in representation) return [];
    if ('component' in representation) return [[field, [[representation.component]]]];
    return [[field, [...new Set(Object.values(representation.config))].map((key) => ['config', key])]];
  }),
);

function keyProviderTail(tail: readonly string[]): readonly DocPath[] {
  const [field = ''] = tail;
  if (tail.length === 0) return [[]];
  if (tail.length > 1) return [];
  return KEY_PROVIDER_COMPONENT_KEYS.get(field) ?? [];
}

/** A policy's fields with a position: the client policy table's representation keys (the name is the policy's own). */
const CLIENT_POLICY_KEYS: ReadonlyMap<string, string> = new Map(
  clientPolicyRows().flatMap(([field, row]) => (field === 'name' ? [] : [[field, row.representation.key]])),
);

function clientPolicyTail(tail: readonly string[]): readonly DocPath[] {
  if (tail.length === 0) return [[]];
  const [field] = tail;
  const key = tail.length === 1 && field !== undefined ? CLIENT_POLICY_KEYS.get(field) : undefined;
  return key === undefined ? [] : [[key]];
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

  settings.clientPolicies = (rep.clientPolicies?.policies ?? []).map(clientPolicyFrom);
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
  const attributes = client.attributes ?? {};
  for (const key of Object.keys(attributes)) settings.attributes[key] = String(attributes[key]);
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

/** A ClientPolicyRepresentation: each key of the client policy table, or Keycloak's default. */
function clientPolicyFrom(policy: Readonly<Record<string, unknown>>): ClientPolicySettings {
  const settings: Partial<Record<ClientPolicyFieldName, unknown>> = {};
  for (const [field, row] of clientPolicyRows()) {
    const value = policy[row.representation.key] ?? row.keycloakDefault;
    if (value !== undefined) settings[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return settings as ClientPolicySettings;
}

/** A config value as a value of the field's kind; undefined when absent or not of that kind. */
function fromConfig(kind: FieldKind, text: string | undefined): unknown {
  switch (kind) {
    case 'count':
      return integer(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'text':
      return text === '' ? undefined : text;
    default:
      throw new Error(`key provider config: no reader for a ${kind} field`);
  }
}

type KeyFieldReader = (component: ComponentRepresentation, ownKeys: KeyMetadata[]) => unknown;

/** The key fields the table marks as read by hand (its `custom` representations), one reader each. */
const CUSTOM_KEY_READERS: Readonly<Record<KeyProviderCustomReadField, KeyFieldReader>> = {
  algorithm: (component, ownKeys) =>
    configOf(component, KEY_PROVIDER_FIELDS.algorithm.representation.config) ??
    // AES keys have no algorithm to choose (GET /keys says 'AES'); every source leaves it out.
    (component.providerId === 'aes-generated' ? undefined : ownKeys.find((key) => key.algorithm)?.algorithm) ??
    defaultAlgorithm(component),
  keySize: (component, ownKeys) => rsaKeySize(component, ownKeys),
  kids: (_component, ownKeys) => {
    const kids = ownKeys.map((key) => key.kid).filter((kid): kid is string => typeof kid === 'string');
    return kids.length > 0 ? kids : undefined;
  },
};

/** The component's value of a config key that depends on its type (none for a type the map does not name). */
function configOf(component: ComponentRepresentation, keys: PerKeyType<string>): string | undefined {
  const key = forKeyType(keys, component.providerId);
  return key === undefined ? undefined : configValue(component, key);
}

/** One key field of a component: the table says where it is, what applies to the type, and Keycloak's default. */
function keyField(field: KeyProviderFieldName, component: ComponentRepresentation, ownKeys: KeyMetadata[]): unknown {
  const row: AnyKeyProviderFieldRow = KEY_PROVIDER_FIELDS[field];
  const { representation } = row;
  if (representation === undefined || !appliesTo(row, component.providerId)) return undefined;
  if ('component' in representation) return component[representation.component];
  if ('custom' in representation) return CUSTOM_KEY_READERS[field as KeyProviderCustomReadField](component, ownKeys);
  return (
    fromConfig(row.kind, configOf(component, representation.config)) ?? keycloakKeyDefault(field, component.providerId)
  );
}

function keyProviderFrom(component: ComponentRepresentation, keys: KeyMetadata[] | undefined): KeyProviderSettings {
  const ownKeys = component.id && keys ? keys.filter((key) => key.providerId === component.id) : [];
  const provider: Partial<Record<KeyProviderFieldName, unknown>> = {};
  for (const [field] of keyProviderRows()) {
    const value = keyField(field, component, ownKeys);
    if (value !== undefined) provider[field] = value;
  }
  return provider as KeyProviderSettings;
}

function defaultAlgorithm(component: ComponentRepresentation): string | undefined {
  if (component.providerId !== 'ecdsa-generated') return keycloakKeyDefault('algorithm', component.providerId);
  // An ECDSA key signs with its curve's algorithm.
  const curve = keyField('ellipticCurve', component, []) as string | undefined;
  return (curve && ecdsaAlgorithmFor(curve)) ?? keycloakKeyDefault('algorithm', component.providerId);
}

/**
 * RSA modulus size: the real key when it can be seen (the live public key, or the certificate
 * an export carries), else the configured size, else Keycloak's default for generated keys.
 */
function rsaKeySize(component: ComponentRepresentation, ownKeys: KeyMetadata[]): number | undefined {
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
  const configured = integer(configOf(component, KEY_PROVIDER_FIELDS.keySize.representation.config));
  return configured ?? keycloakKeyDefault('keySize', component.providerId);
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
