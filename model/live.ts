/**
 * Reads a live realm through the admin REST API into the model. Read-only: GET requests only,
 * so a service account with the view-realm, view-clients, view-users and view-identity-providers
 * roles is enough. Collections come in pages, per-entity reads (model/live/*) are bounded by the
 * identity providers, service accounts, composite roles and flows, never by the clients. The answers are
 * assembled into a RealmRepresentation and go through the same schema and adapter as a realm
 * export, so the live realm and its export give the same model. The events settings come with
 * the realm representation (GET /events/config would need view-events).
 *
 * How a request is sent — the path built from the template, retries, 401/403/404 messages — is
 * the caller's: each GET is described as data (template, values, query, role) and handed to the
 * given source, which answers the parsed body, or undefined for a 404. realmguard audit passes
 * the incident request core, whose path builder refuses a realm like '..'. Every answer's shape
 * is checked here before use: a server answering HTML or an object where a list belongs is an
 * InputError naming the read, never a crash.
 */
import { InputError, InputErrors } from './errors.ts';
import type { LoadedRealm } from './realm-settings.ts';
import { KEY_PROVIDER_COMPONENT_TYPE, RealmRepresentationSchema } from './export/schema.ts';
import { representationToRealm, type KeyMetadata } from './export/to-settings.ts';
import { DocPositions } from './source/doc-positions.ts';
import type { ParsedText } from './source/parse-text.ts';
import { schemaValidator, type SchemaValidator } from './source/validate-schema.ts';
import { readAccess, type AccessParts, type AccessReadOptions } from './live/access.ts';
import { readAuthentication, type AuthenticationParts } from './live/authentication.ts';
import { readIdentityProviders, type IdentityProviderParts } from './live/identity-providers.ts';
import { isRecord, RealmReads, type LiveSource } from './live/reads.ts';
import { readUserProfileComponent, USER_PROFILE_COMPONENT_TYPE } from './live/user-profile.ts';
import { readServerVersion } from './live/server-version.ts';

export type { LiveRead, LiveRole, LiveSource } from './live/reads.ts';

const validator: SchemaValidator<typeof RealmRepresentationSchema> = schemaValidator(RealmRepresentationSchema);

/** What the reader reads beyond its default, per-collection reads. */
export type LiveReadOptions = AccessReadOptions;

export async function readLiveRealm(
  source: LiveSource,
  realm: string,
  options: LiveReadOptions = {},
): Promise<LoadedRealm> {
  const reads = new RealmReads(source, realm);
  return liveRealmFromAnswers(await readLiveAnswers(reads, options), reads.origin);
}

/** Every answer the reader needs, as the admin API gave it (entities already in an export's shape). */
export async function readLiveAnswers(reads: RealmReads, options: LiveReadOptions = {}): Promise<LiveAnswers> {
  const realm = reads.realm;
  const realmRead = reads.read('read the realm', '', 'view-realm');
  const representation = await reads.get(realmRead);
  if (representation === undefined) {
    throw new InputError(
      `realm '${realm}' does not exist on ${reads.base} (404)`,
      { keyPath: 'realm' },
      'check the realm name (it is case-sensitive)',
    );
  }
  if (!isRecord(representation)) throw reads.wrongShape(realmRead, 'a JSON object', representation);
  const realmId = typeof representation.id === 'string' ? representation.id : undefined;
  const [clients, components, keys, clientScopes, defaultScopes, policies, profiles] = await Promise.all([
    reads.pages('list clients', '/clients', 'view-clients'),
    reads.list(
      reads.read(
        'list key providers',
        '/components',
        'view-realm',
        {},
        {
          type: KEY_PROVIDER_COMPONENT_TYPE,
          ...(realmId ? { parent: realmId } : {}),
        },
      ),
    ),
    reads.object(reads.read('list keys', '/keys', 'view-realm')),
    reads.objects(reads.read('list client scopes', '/client-scopes', 'view-clients')),
    // Keycloak guards the realm's default client scopes like the client scopes (view-clients).
    reads.list(reads.read('list default client scopes', '/default-default-client-scopes', 'view-clients')),
    reads.object(reads.read('read client policies', '/client-policies/policies', 'view-realm')),
    reads.object(reads.read('read client profiles', '/client-policies/profiles', 'view-realm')),
  ]);
  const keyList = keys.keys ?? [];
  if (!Array.isArray(keyList))
    throw reads.wrongShape(reads.read('list keys', '/keys', 'view-realm'), "an object with a list of 'keys'", keyList);
  const [identityProviders, access, authentication, userProfile, serverVersion] = await Promise.all([
    readIdentityProviders(reads),
    readAccess(reads, clients, clientScopes, options),
    readAuthentication(reads),
    readUserProfileComponent(reads),
    readServerVersion(reads.source),
  ]);

  return {
    realm: representation,
    clients,
    keyComponents: components,
    keys: keyList,
    clientScopes,
    defaultClientScopes: defaultScopes,
    clientPolicies: policies,
    clientProfiles: profiles,
    entities: { ...identityProviders, ...access, ...authentication },
    userProfile,
    ...(serverVersion !== undefined && { serverVersion }),
  };
}

/** What the admin API answered, as it arrived (typed loosely: it is checked before use). */
export interface LiveAnswers {
  realm: unknown;
  clients: unknown[];
  keyComponents: unknown[];
  keys: unknown[];
  clientScopes: unknown[];
  defaultClientScopes: unknown[];
  clientPolicies: unknown;
  clientProfiles: unknown;
  /**
   * The entity collections in a realm export's shape (model/live/*): identity providers and
   * their mappers, roles, groups, service-account users, scope mappings, flows and configs.
   * Absent (an admin event's representation): the model says nothing about them.
   */
  entities?: Partial<IdentityProviderParts & AccessParts & AuthenticationParts>;
  /** The user-profile component (model/live/user-profile.ts), when read. */
  userProfile?: unknown;
  /** The server's Keycloak version, when the account may read it (model/live/server-version.ts). */
  serverVersion?: string;
}

/** The answers as one RealmRepresentation in a realm export's shape (unchecked: liveRealmFromAnswers checks it). */
export function assembleRepresentation(answers: LiveAnswers): Record<string, unknown> {
  const realm = isRecord(answers.realm) ? answers.realm : {};
  return {
    ...realm,
    // An export names the Keycloak that wrote it here; a live realm, the server it runs on.
    ...(answers.serverVersion !== undefined && { keycloakVersion: answers.serverVersion }),
    ...answers.entities,
    clients: answers.clients,
    components: {
      [KEY_PROVIDER_COMPONENT_TYPE]: answers.keyComponents,
      ...(answers.userProfile !== undefined && { [USER_PROFILE_COMPONENT_TYPE]: [answers.userProfile] }),
    },
    clientScopes: answers.clientScopes,
    defaultDefaultClientScopes: answers.defaultClientScopes.map((scope) => (isRecord(scope) ? scope.name : scope)),
    clientPolicies: answers.clientPolicies,
    clientProfiles: answers.clientProfiles,
  };
}

/**
 * Assembles the admin API's answers into one RealmRepresentation, checks it against the same
 * schema as a realm export (a server that answers in an unexpected shape is an InputError, not a
 * crash) and adapts it. Pure: property-tested with arbitrary answers.
 */
export function liveRealmFromAnswers(answers: LiveAnswers, origin: string): LoadedRealm {
  const assembled = assembleRepresentation(answers);
  const parsed: ParsedText = { file: origin, format: 'json', value: assembled, positions: new DocPositions('') };
  try {
    validator.check(parsed, assembled);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    const first = error.errors[0];
    throw new InputError(
      `the server answered in an unexpected shape (${error.errors.length} problem${error.errors.length === 1 ? '' : 's'}; first: ${first?.location.keyPath ?? ''} ${first?.message ?? ''})`,
      { file: origin },
      'check that the server is a Keycloak 26 and the URL points at it',
    );
  }
  const keys: KeyMetadata[] = answers.keys.filter(isRecord).map((key) => ({
    ...(typeof key.kid === 'string' && { kid: key.kid }),
    ...(typeof key.providerId === 'string' && { providerId: key.providerId }),
    ...(typeof key.algorithm === 'string' && { algorithm: key.algorithm }),
    ...(typeof key.status === 'string' && { status: key.status }),
    ...(typeof key.type === 'string' && { type: key.type }),
    ...(typeof key.publicKey === 'string' && { publicKey: key.publicKey }),
  }));
  return representationToRealm(assembled, { kind: 'live', origin, keys });
}
