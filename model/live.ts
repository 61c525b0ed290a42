/**
 * Reads a live realm through the admin REST API into the model. Read-only: GET requests only,
 * so a service account with the view-realm and view-clients roles is enough. The answers are
 * assembled into a RealmRepresentation and go through the same schema and adapter as a realm
 * export, so the live realm and its export give the same model. The events settings come with
 * the realm representation (GET /events/config would need view-events).
 *
 * How a request is sent and how its failure is told (retries, 401/403/404 messages) is the
 * caller's: each GET goes through the given requester, which learns what the GET is for, its
 * path and the role it needs. realmguard audit passes the incident request core.
 */
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { InputError, InputErrors } from './errors.ts';
import type { LoadedRealm } from './realm-settings.ts';
import { KEY_PROVIDER_COMPONENT_TYPE, RealmRepresentationSchema } from './export/schema.ts';
import { representationToRealm, type KeyMetadata } from './export/to-settings.ts';
import { DocPositions } from './source/doc-positions.ts';
import type { ParsedText } from './source/parse-text.ts';
import { schemaValidator, type SchemaValidator } from './source/validate-schema.ts';

/** One GET of the reader: what it is for, its path below the server URL, the role it needs. */
export interface LiveRead {
  what: string;
  path: string;
  /** The realm-management role (or, for a master-realm account, the role of the `<realm>-realm` client). */
  role: 'view-realm' | 'view-clients';
}

/** Sends one GET (run performs it) and decides how a failure is retried and told. */
export type LiveRequester = <T>(read: LiveRead, run: () => Promise<T>) => Promise<T>;

/** Sends each GET once and lets a failure through as the admin client throws it. */
const sendOnce: LiveRequester = (_read, run) => run();

const validator: SchemaValidator<typeof RealmRepresentationSchema> = schemaValidator(RealmRepresentationSchema);

/** Clients are listed in pages of this size (GET /clients?first&max). */
const CLIENT_PAGE_SIZE = 200;

export async function readLiveRealm(admin: KeycloakAdminClient, realm: string, request: LiveRequester = sendOnce): Promise<LoadedRealm> {
  const realmPath = `/admin/realms/${encodeURIComponent(realm)}`;
  const origin = `${admin.baseUrl.replace(/\/+$/, '')}${realmPath}`;
  const call = <T>(what: string, path: string, role: LiveRead['role'], run: () => Promise<T>): Promise<T> => request({ what, path: `${realmPath}${path}`, role }, run);

  // findOne answers undefined for a realm that does not exist (the admin client catches the 404).
  const representation = await call('read the realm', '', 'view-realm', () => admin.realms.findOne({ realm }));
  if (!representation) {
    throw new InputError(`realm '${realm}' does not exist on ${admin.baseUrl}`, { keyPath: 'realm' }, 'check the realm name (it is case-sensitive)');
  }
  const [clients, components, keys, clientScopes, defaultScopes, policies, profiles] = await Promise.all([
    call('list clients', '/clients', 'view-clients', () => listAllClients(admin, realm)),
    call('list key providers', `/components?type=${KEY_PROVIDER_COMPONENT_TYPE}`, 'view-realm', () =>
      admin.components.find({ realm, type: KEY_PROVIDER_COMPONENT_TYPE, parent: representation.id }),
    ),
    call('list keys', '/keys', 'view-realm', () => admin.realms.getKeys({ realm })),
    call('list client scopes', '/client-scopes', 'view-clients', () => admin.clientScopes.find({ realm })),
    // Keycloak guards the realm's default client scopes like the client scopes (view-clients).
    call('list default client scopes', '/default-default-client-scopes', 'view-clients', () =>
      admin.clientScopes.listDefaultClientScopes({ realm } as void & { realm: string }),
    ),
    call('read client policies', '/client-policies/policies', 'view-realm', () => admin.clientPolicies.listPolicies({ realm })),
    call('read client profiles', '/client-policies/profiles', 'view-realm', () => admin.clientPolicies.listProfiles({ realm })),
  ]);

  return liveRealmFromAnswers(
    {
      realm: representation,
      clients,
      keyComponents: components,
      keys: keys.keys ?? [],
      clientScopes,
      defaultClientScopes: defaultScopes,
      clientPolicies: policies,
      clientProfiles: profiles,
    },
    origin,
  );
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
}

/**
 * Assembles the admin API's answers into one RealmRepresentation, checks it against the same
 * schema as a realm export (a server that answers in an unexpected shape is an InputError, not a
 * crash) and adapts it. Pure: property-tested with arbitrary answers.
 */
export function liveRealmFromAnswers(answers: LiveAnswers, origin: string): LoadedRealm {
  const realm = isRecord(answers.realm) ? answers.realm : {};
  const assembled: unknown = {
    ...realm,
    clients: answers.clients,
    components: { [KEY_PROVIDER_COMPONENT_TYPE]: answers.keyComponents },
    clientScopes: answers.clientScopes,
    defaultDefaultClientScopes: answers.defaultClientScopes.map((scope) => (isRecord(scope) ? scope.name : scope)),
    clientPolicies: answers.clientPolicies,
    clientProfiles: answers.clientProfiles,
  };
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

async function listAllClients(admin: KeycloakAdminClient, realm: string) {
  const all = [];
  for (let first = 0; ; first += CLIENT_PAGE_SIZE) {
    const page = await admin.clients.find({ realm, first, max: CLIENT_PAGE_SIZE });
    all.push(...page);
    if (page.length < CLIENT_PAGE_SIZE) return all;
  }
}
