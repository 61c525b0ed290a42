/**
 * Baseline document (already schema-valid) → RealmSettings. What the file leaves out comes from
 * its profile; explicit values win. Each model field remembers the line and column of the
 * baseline key that set it. Problems the schema cannot see (duplicate client ids, options that
 * do not fit a key type, unknown clients in tokenVersionClaim) are collected as InputErrors.
 */
import { InputError, throwIfAny, type InputErrorLocation } from '../errors.ts';
import { durationInput } from '../durations.ts';
import {
  clientPolicyProfileValues,
  clientProfileValues,
  DEFAULT_PROFILE,
  keyProfileValues,
  realmProfileValues,
  type ClientProfileValues,
  type KeyProfileValues,
  type Profile,
} from '../profiles.ts';
import { KEYCLOAK_DEFAULT_CLIENT_SCOPES, KEYCLOAK_OPTIONAL_CLIENT_SCOPES } from '../keycloak-catalog.ts';
import { KEYCLOAK_CLIENT_DEFAULTS } from '../keycloak-defaults.ts';
import { ecdsaAlgorithmFor, GENERATED_RSA_KEY_PROVIDER_TYPES } from '../keycloak-keys.ts';
import { appliesTo, KEY_PROVIDER_FIELDS, keycloakKeyDefault, keyProviderRows } from '../fields/key-provider.ts';
import { clientPolicyRows, type ClientPolicyFieldName } from '../fields/client-policy.ts';
import {
  pathKey,
  type ClientPolicySettings,
  type ClientSettings,
  type FieldPath,
  type KeyProviderSettings,
  type LoadedRealm,
  type RealmSettings,
  type SourcePosition,
} from '../realm-settings.ts';
import { formatDocPath, type DocPath } from '../source/doc-positions.ts';
import type { ParsedText } from '../source/parse-text.ts';
import { suggest } from '../source/suggest.ts';
import type { BaselineClient, BaselineClientPolicy, BaselineDocument, BaselineKeyProvider } from './schema.ts';
import { TOKEN_VERSION_DEFAULT_ATTRIBUTE, TOKEN_VERSION_DEFAULT_CLAIM } from '../token-version.ts';
import { CLIENT_FIELD_MAPPINGS, MANAGED_CLIENT_ATTRIBUTES, REALM_FIELD_MAPPINGS } from './fields.ts';
import { attributeFromOption, tokenBindingAttributes, type OptionFill } from '../client-options.ts';
import { clientAttributeRows } from '../fields/client-attributes.ts';
import type { ClientFieldName } from '../fields/client.ts';
import { rowsOf } from '../fields/field-row.ts';
import { REALM_FIELDS } from '../fields/realm.ts';
import { findDuplicates } from './find-duplicates.ts';
import { accessFrom } from './entities/access.ts';
import { clientScopesFrom } from './entities/client-scopes.ts';
import { addClientEntityOptions } from './entities/clients.ts';
import { identityProvidersFrom } from './entities/identity-providers.ts';
import { userProfileFrom } from './entities/user-profile.ts';

class Converter {
  readonly errors: InputError[] = [];
  readonly positions = new Map<string, SourcePosition>();

  constructor(readonly parsed: ParsedText) {}

  /** Records the baseline position of `docPath` (or `fallback`) for the model field `modelPath`. */
  mark(modelPath: FieldPath, docPath: DocPath, fallback?: DocPath): void {
    const position = this.parsed.positions.get(docPath) ?? (fallback ? this.parsed.positions.get(fallback) : undefined);
    if (position)
      this.positions.set(pathKey(modelPath), { file: this.parsed.file, line: position.line, column: position.column });
  }

  fail(docPath: DocPath, message: string, hint?: string): void {
    this.errors.push(new InputError(message, this.location(docPath), hint));
  }

  /** Collects a bad duration with the others (the file is reported whole) and goes on with 0. */
  seconds(value: string | number, docPath: DocPath): number {
    try {
      return durationInput(value, 'bad duration', this.location(docPath));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.errors.push(error);
      return 0;
    }
  }

  private location(docPath: DocPath): InputErrorLocation {
    const position = this.parsed.positions.nearest(docPath);
    return { file: this.parsed.file, ...(position ?? {}), keyPath: formatDocPath(docPath) };
  }
}

function valueAt(document: unknown, path: readonly string[]): unknown {
  let current: unknown = document;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function baselineToRealm(document: BaselineDocument, parsed: ParsedText): LoadedRealm {
  const profile: Profile = document.profile ?? DEFAULT_PROFILE;
  const convert = new Converter(parsed);
  convert.mark(['realm'], ['realm']);

  const realmValues = realmProfileValues(profile);
  for (const mapping of REALM_FIELD_MAPPINGS) {
    const value = valueAt(document, mapping.docPath);
    if (value === undefined) continue;
    const target = realmValues as unknown as Record<string, unknown>;
    target[mapping.field] =
      mapping.kind === 'duration' ? convert.seconds(value as string | number, mapping.docPath) : value;
    convert.mark([mapping.field], mapping.docPath);
  }

  const security = document.security;
  if (security?.passwordPolicy) {
    realmValues.passwordPolicy = security.passwordPolicy.join(' and ');
    convert.mark(['passwordPolicy'], ['security', 'passwordPolicy']);
  }
  if (security?.browserSecurityHeaders) {
    // An optional key may hold undefined (exactOptionalPropertyTypes is off), which Object.entries hides.
    for (const [header, value] of Object.entries<string | undefined>(security.browserSecurityHeaders)) {
      if (value === undefined) continue;
      realmValues.browserSecurityHeaders[header] = value;
      convert.mark(['browserSecurityHeaders', header], ['security', 'browserSecurityHeaders', header]);
    }
    convert.mark(['browserSecurityHeaders'], ['security', 'browserSecurityHeaders']);
  }

  const events = document.events;
  if (events?.types) {
    realmValues.enabledEventTypes = [...events.types].sort(); // a set in Keycloak
    convert.mark(['enabledEventTypes'], ['events', 'types']);
  }
  if (events?.listeners || events?.jbossLogging !== undefined) {
    const listeners = [...(events.listeners ?? ['jboss-logging'])];
    const keepJbossLogging = events.jbossLogging ?? true;
    const withoutJboss = listeners.filter((listener) => listener !== 'jboss-logging');
    realmValues.eventsListeners = keepJbossLogging ? ['jboss-logging', ...withoutJboss] : withoutJboss;
    convert.mark(['eventsListeners'], events.listeners ? ['events', 'listeners'] : ['events', 'jbossLogging']);
  }

  const keyProviders = convertKeys(document, profile, realmValues.defaultSignatureAlgorithm, convert);
  const compromisedKeys = [...(document.keys?.compromised ?? [])];
  convert.mark(['compromisedKeys'], ['keys', 'compromised']);
  compromisedKeys.forEach((entry, index) => convert.mark(['compromisedKeys', entry], ['keys', 'compromised', index]));

  const clients = convertClients(document.clients ?? [], clientProfileValues(profile), convert);

  const clientPolicies = document.clientPolicies
    ? document.clientPolicies.map((policy, index) => convertClientPolicy(policy, ['clientPolicies', index], convert))
    : clientPolicyProfileValues(profile);
  findDuplicates(
    (document.clientPolicies ?? []).map((policy) => policy.name),
    (index) => ['clientPolicies', index, 'name'],
    'client policy',
    convert,
  );
  convert.mark(['clientPolicies'], ['clientPolicies']);

  const settings: RealmSettings = {
    realm: document.realm,
    ...realmValues,
    keyProviders,
    compromisedKeys,
    clients,
    clientPolicies,
    clientProfiles: [],
  };
  const tokenVersionClaim = convertTokenVersionClaim(document, clients, convert);
  if (tokenVersionClaim) settings.tokenVersionClaim = tokenVersionClaim;

  // Issue 14's entities (model/baseline/entities/*): each part stays undefined when the baseline does not declare it.
  addClientEntityOptions(document.clients ?? [], clients, convert);
  settings.identityProviders = identityProvidersFrom(document, convert);
  settings.clientScopes = clientScopesFrom(document, convert);
  settings.access = accessFrom(document, clients, convert);
  settings.userProfile = userProfileFrom(document, convert);

  throwIfAny(convert.errors, { asList: true });
  markFilledFields(settings, convert);
  return { settings, source: { kind: 'baseline', origin: parsed.file, positions: convert.positions }, profile };
}

/** Where each realm-level field lives in the baseline format, for fields the file left out. */
const SECTION_OF: Record<string, DocPath> = {
  ...Object.fromEntries(
    rowsOf(REALM_FIELDS).flatMap(([field, row]) => (row.baseline ? [[field, row.baseline.path.slice(0, -1)]] : [])),
  ),
  keyProviders: ['keys'],
  clientPolicies: [],
};

/**
 * A value the profile filled has no line of its own; a finding about it should still point
 * somewhere useful: the innermost section the file has (e.g. `security:`), else `realm:`.
 */
function markFilledFields(settings: RealmSettings, convert: Converter): void {
  for (const field of Object.keys(settings)) {
    if (convert.positions.has(pathKey([field]))) continue;
    const section = SECTION_OF[field];
    if (!section) continue;
    for (let length = section.length; length > 0; length--) {
      if (convert.parsed.positions.get(section.slice(0, length))) {
        convert.mark([field], section.slice(0, length));
        break;
      }
    }
    if (!convert.positions.has(pathKey([field]))) convert.mark([field], ['realm']);
  }
  // The profile's default keys, when the file declares none, belong to the realm too.
  for (const key of settings.keyProviders) {
    if (!convert.positions.has(pathKey(['keyProviders', key.name])))
      convert.mark(['keyProviders', key.name], convert.parsed.positions.get(['keys']) ? ['keys'] : ['realm']);
  }
}

// ---------------------------------------------------------------- keys

function convertKeys(
  document: BaselineDocument,
  profile: Profile,
  signatureAlgorithm: string,
  convert: Converter,
): KeyProviderSettings[] {
  const declared = document.keys?.providers;
  const values = keyProfileValues(profile);
  if (!declared) return values.defaultProviders;
  findDuplicates(
    declared.map((key) => key.name),
    (index) => ['keys', 'providers', index, 'name'],
    'key provider',
    convert,
  );
  convert.mark(['keyProviders'], ['keys', 'providers']);
  const providers: KeyProviderSettings[] = [];
  declared.forEach((key, index) => {
    const provider = convertKey(key, ['keys', 'providers', index], values, signatureAlgorithm, convert);
    if (provider) providers.push(provider);
  });
  return providers;
}

/** The key provider table's rows a `keys.providers` item sets. */
const KEY_BASELINE_ROWS = keyProviderRows().flatMap(([field, row]) =>
  row.baseline ? [{ field, row, baseline: row.baseline }] : [],
);

/** Keys whose model fields every declared key has: a finding about them points at the key when the file leaves them out. */
const KEY_ITEM_FALLBACK: ReadonlySet<string> = new Set(['type', 'state']);

function convertKey(
  key: BaselineKeyProvider,
  docPath: DocPath,
  values: KeyProfileValues,
  signatureAlgorithm: string,
  convert: Converter,
): KeyProviderSettings | undefined {
  const type = key.type ?? 'rsa-generated';
  const state = key.state ?? 'active';
  const given = key as Readonly<Record<string, unknown>>;
  for (const { row, baseline } of KEY_BASELINE_ROWS) {
    if (given[baseline.key] === undefined || row.appliesTo === 'every type' || appliesTo(row, type)) continue;
    convert.fail(
      [...docPath, baseline.key],
      `'${baseline.key}' does not apply to a ${type} key`,
      `remove it, or use it on ${inWords(row.appliesTo)} keys`,
    );
  }
  if (key.passiveSince !== undefined && state !== 'passive') {
    convert.fail(
      [...docPath, 'passiveSince'],
      `'passiveSince' is only meaningful for a passive key (this one is ${state})`,
      'remove it, or set state: passive',
    );
  }
  if (state === 'retired') return undefined; // retired keys are gone from the realm

  const entity = ['keyProviders', key.name];
  const provider = { providerId: type, enabled: true, active: state === 'active' } as KeyProviderSettings;
  const target = provider as unknown as Record<string, unknown>;
  // The keys the model takes as they are (or their baseline default); the custom ones follow.
  for (const { field, baseline } of KEY_BASELINE_ROWS) {
    if (baseline.custom) continue;
    const value = given[baseline.key] ?? baseline.default;
    if (value !== undefined) target[field] = value;
  }
  const algorithm = key.algorithm ?? defaultKeyAlgorithm(type, key, values, signatureAlgorithm);
  if (algorithm) provider.algorithm = algorithm;
  const keySize = key.keySize ?? (GENERATED_RSA_KEY_PROVIDER_TYPES.includes(type) ? values.rsaKeySize : undefined);
  if (keySize !== undefined) provider.keySize = keySize;
  const curve =
    key.ellipticCurve ??
    (type === 'eddsa-generated'
      ? keycloakKeyDefault('ellipticCurve', type)
      : appliesTo(KEY_PROVIDER_FIELDS.ellipticCurve, type)
        ? values.ellipticCurve
        : undefined);
  if (curve) provider.ellipticCurve = curve;
  const secretSize =
    key.secretSize ??
    (type === 'hmac-generated' ? values.hmacSecretSize : type === 'aes-generated' ? values.aesSecretSize : undefined);
  if (secretSize !== undefined) provider.secretSize = secretSize;

  convert.mark(entity, docPath);
  for (const { field, baseline } of KEY_BASELINE_ROWS) {
    const at = [...docPath, baseline.key];
    if (KEY_ITEM_FALLBACK.has(baseline.key)) convert.mark([...entity, field], at, docPath);
    else convert.mark([...entity, field], at);
  }
  return provider;
}

/** 'a', 'a or b', 'a, b or c'. */
function inWords(types: readonly string[]): string {
  return types.length <= 1 ? (types[0] ?? '') : `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`;
}

function defaultKeyAlgorithm(
  type: string,
  key: BaselineKeyProvider,
  values: KeyProfileValues,
  signatureAlgorithm: string,
): string | undefined {
  switch (type) {
    case 'rsa-generated':
    case 'rsa':
    case 'java-keystore':
      // An RSA signing key signs with the realm's default algorithm when that is an RSA one.
      return /^(RS|PS)\d{3}$/.test(signatureAlgorithm) ? signatureAlgorithm : keycloakKeyDefault('algorithm', type);
    case 'ecdsa-generated':
      return ecdsaAlgorithmFor(key.ellipticCurve ?? values.ellipticCurve) ?? keycloakKeyDefault('algorithm', type);
    case 'hmac-generated':
      // The profiles' choice, not Keycloak's HS256: the algorithm of Keycloak's own HMAC key.
      return 'HS512';
    default:
      // Keycloak's own (rsa-enc: RSA-OAEP, ecdh-generated: ECDH-ES, eddsa-generated: EdDSA), none for AES.
      return keycloakKeyDefault('algorithm', type);
  }
}

// ---------------------------------------------------------------- clients

function convertClients(declared: BaselineClient[], values: ClientProfileValues, convert: Converter): ClientSettings[] {
  findDuplicates(
    declared.map((client) => client.clientId),
    (index) => ['clients', index, 'clientId'],
    'client',
    convert,
  );
  convert.mark(['clients'], ['clients']);
  return declared.map((client, index) => convertClient(client, ['clients', index], values, convert));
}

const keycloakClientDefault = (field: ClientFieldName): unknown =>
  (KEYCLOAK_CLIENT_DEFAULTS as Partial<Record<ClientFieldName, unknown>>)[field];

function convertClient(
  client: BaselineClient,
  docPath: DocPath,
  values: ClientProfileValues,
  convert: Converter,
): ClientSettings {
  const type = client.type ?? 'confidential';
  const isPublic = type === 'public';
  const bearerOnly = type === 'bearer-only';
  const entity = ['clients', client.clientId];
  const at = (...keys: (string | number)[]): DocPath => [...docPath, ...keys];

  if (client.authenticator !== undefined && type !== 'confidential') {
    convert.fail(
      at('authenticator'),
      `a ${type} client does not authenticate, so 'authenticator' does not apply`,
      'remove it, or make the client confidential',
    );
  }
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(client.attributes ?? {})) {
    const option = MANAGED_CLIENT_ATTRIBUTES[key];
    if (option) {
      convert.fail(
        at('attributes', key),
        `the attribute '${key}' is set through the client option '${option}'`,
        `write ${option}: … instead`,
      );
      continue;
    }
    attributes[key] = value;
    convert.mark([...entity, 'attributes', key], at('attributes', key));
  }

  const fill: OptionFill = { profile: values, publicClient: isPublic };
  for (const [key, row] of clientAttributeRows()) {
    if (!row.baseline) continue;
    const optionPath = at(...row.baseline.path);
    convert.mark([...entity, 'attributes', key], optionPath);
    if (row.baseline.custom !== undefined) continue;
    const value = attributeFromOption(row, valueAt(client, row.baseline.path), fill, (duration) =>
      convert.seconds(duration, optionPath),
    );
    if (value !== undefined) attributes[key] = value;
  }
  // The custom rows: one option sets both binding attributes.
  Object.assign(attributes, tokenBindingAttributes(client.tokenBinding ?? values.tokenBinding));

  // What fills a field option the file leaves out, when not Keycloak's default (the row's).
  const filled: Partial<Record<ClientFieldName, unknown>> = {
    standardFlowEnabled: !bearerOnly,
    fullScopeAllowed: values.fullScopeAllowed,
    defaultClientScopes: KEYCLOAK_DEFAULT_CLIENT_SCOPES,
    optionalClientScopes: KEYCLOAK_OPTIONAL_CLIENT_SCOPES,
  };
  const fields: Partial<Record<ClientFieldName, unknown>> = {};
  for (const { field, docPath: optionPath } of CLIENT_FIELD_MAPPINGS) {
    const declared = valueAt(client, optionPath);
    const value = declared ?? filled[field] ?? keycloakClientDefault(field);
    if (value !== undefined) fields[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
    // A nested option the file leaves out (flows.implicit) points at its section when there is one.
    const section = optionPath.length > 1 ? at(...optionPath.slice(0, -1)) : undefined;
    convert.mark([...entity, field], at(...optionPath), section);
    if (Array.isArray(declared))
      declared.forEach((_, index) => convert.mark([...entity, field, String(index)], at(...optionPath, index)));
  }
  // The custom rows (model/fields/client.ts says why).
  const settings = {
    clientId: client.clientId,
    protocol: 'openid-connect',
    publicClient: isPublic,
    bearerOnly,
    clientAuthenticatorType:
      type === 'confidential' ? (client.authenticator ?? values.confidentialAuthenticator) : 'client-secret',
    attributes,
    ...fields,
  } as ClientSettings;

  convert.mark(entity, docPath);
  convert.mark([...entity, 'clientId'], at('clientId'));
  convert.mark([...entity, 'publicClient'], at('type'));
  convert.mark([...entity, 'bearerOnly'], at('type'));
  convert.mark([...entity, 'clientAuthenticatorType'], at('authenticator'), at('type'));
  return settings;
}

// ---------------------------------------------------------------- client policies

/** A `clientPolicies` item: each key of the client policy table, or its baseline default. */
function convertClientPolicy(policy: BaselineClientPolicy, docPath: DocPath, convert: Converter): ClientPolicySettings {
  const given = policy as Readonly<Record<string, unknown>>;
  const settings: Partial<Record<ClientPolicyFieldName, unknown>> = {};
  convert.mark(['clientPolicies', policy.name], docPath);
  for (const [field, { baseline }] of clientPolicyRows()) {
    const value = given[baseline.key] ?? baseline.default;
    if (value !== undefined) settings[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
    // The policy's own position is its name's.
    if (field !== 'name') convert.mark(['clientPolicies', policy.name, field], [...docPath, baseline.key]);
  }
  return settings as ClientPolicySettings;
}

// ---------------------------------------------------------------- token version claim

function convertTokenVersionClaim(
  document: BaselineDocument,
  clients: ClientSettings[],
  convert: Converter,
): RealmSettings['tokenVersionClaim'] {
  const declared = document.tokenVersionClaim;
  if (!declared) return undefined;
  const targets = [...(declared.clients ?? ['*'])];
  const known = clients.map((client) => client.clientId);
  targets.forEach((clientId, index) => {
    if (clientId === '*' || known.includes(clientId)) return;
    const guess = suggest(clientId, known);
    convert.fail(
      ['tokenVersionClaim', 'clients', index],
      `'${clientId}' is not a client of this baseline`,
      guess ? `did you mean '${guess}'?` : `declare it under clients, or use '*' for every client`,
    );
  });
  if (targets.includes('*') && targets.length > 1) {
    convert.fail(
      ['tokenVersionClaim', 'clients'],
      "'*' already covers every client",
      "write either '*' or a list of clientIds",
    );
  }
  convert.mark(['tokenVersionClaim'], ['tokenVersionClaim']);
  for (const field of ['attribute', 'claim', 'clients'] as const)
    convert.mark(['tokenVersionClaim', field], ['tokenVersionClaim', field]);
  return {
    attribute: declared.attribute ?? TOKEN_VERSION_DEFAULT_ATTRIBUTE,
    claim: declared.claim ?? TOKEN_VERSION_DEFAULT_CLAIM,
    clients: targets,
  };
}
