/**
 * Reads a live realm through the admin REST API into the model. Read-only: GET requests only,
 * so a service account with the view-realm and view-clients roles is enough. The answers are
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

/** One GET of the reader: what it is for, its path template and values, the role it needs. */
export interface LiveRead {
  what: string;
  /** Below the server URL, holes in braces: '/admin/realms/{realm}/clients'. */
  template: string;
  params: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, string | number>>;
  /** The realm-management role (or, for a master-realm account, the role of the `<realm>-realm` client). */
  role: 'view-realm' | 'view-clients';
}

/** Where the reader gets its answers: the server's URL (for messages) and one GET at a time. */
export interface LiveSource {
  /** The server URL, e.g. https://sso.example.com (never with credentials). */
  url: string;
  /** The parsed answer of the GET, or undefined when the server answers 404. */
  get(read: LiveRead): Promise<unknown>;
}

const validator: SchemaValidator<typeof RealmRepresentationSchema> = schemaValidator(RealmRepresentationSchema);

/** Clients are listed in pages of this size (GET /clients?first&max). */
const CLIENT_PAGE_SIZE = 200;

const REALM = '/admin/realms/{realm}';

function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing (404)';
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : `a ${typeof value === 'object' ? 'JSON object' : typeof value}`;
}

function wrongShape(origin: string, read: LiveRead, expected: string, got: unknown): InputError {
  return new InputError(
    `the server answered '${read.what}' (GET ${read.template}) with ${kindOf(got)}, not ${expected}`,
    { file: origin },
    'check that the server is a Keycloak 26 and the URL points at its root',
  );
}

export async function readLiveRealm(source: LiveSource, realm: string): Promise<LoadedRealm> {
  const base = source.url.replace(/\/+$/, '');
  const origin = `${base}/admin/realms/${encodeURIComponent(realm)}`;
  const read = (what: string, path: string, role: LiveRead['role'], query?: LiveRead['query']): LiveRead => ({
    what,
    template: `${REALM}${path}`,
    params: { realm },
    role,
    ...(query ? { query } : {}),
  });
  const list = async (step: LiveRead): Promise<unknown[]> => {
    const answer = await source.get(step);
    if (!Array.isArray(answer)) throw wrongShape(origin, step, 'a list', answer);
    return answer as unknown[]; // Array.isArray narrows to any[]; the items are still unchecked
  };
  const object = async (step: LiveRead): Promise<Record<string, unknown>> => {
    const answer = await source.get(step);
    if (!isRecord(answer)) throw wrongShape(origin, step, 'a JSON object', answer);
    return answer;
  };

  const realmRead = read('read the realm', '', 'view-realm');
  const representation = await source.get(realmRead);
  if (representation === undefined) {
    throw new InputError(
      `realm '${realm}' does not exist on ${base} (404)`,
      { keyPath: 'realm' },
      'check the realm name (it is case-sensitive)',
    );
  }
  if (!isRecord(representation)) throw wrongShape(origin, realmRead, 'a JSON object', representation);
  const realmId = typeof representation.id === 'string' ? representation.id : undefined;
  const [clients, components, keys, clientScopes, defaultScopes, policies, profiles] = await Promise.all([
    listAllClients((first) => list(read('list clients', '/clients', 'view-clients', { first, max: CLIENT_PAGE_SIZE }))),
    list(
      read('list key providers', '/components', 'view-realm', {
        type: KEY_PROVIDER_COMPONENT_TYPE,
        ...(realmId ? { parent: realmId } : {}),
      }),
    ),
    object(read('list keys', '/keys', 'view-realm')),
    list(read('list client scopes', '/client-scopes', 'view-clients')),
    // Keycloak guards the realm's default client scopes like the client scopes (view-clients).
    list(read('list default client scopes', '/default-default-client-scopes', 'view-clients')),
    object(read('read client policies', '/client-policies/policies', 'view-realm')),
    object(read('read client profiles', '/client-policies/profiles', 'view-realm')),
  ]);
  const keyList = keys.keys ?? [];
  if (!Array.isArray(keyList))
    throw wrongShape(origin, read('list keys', '/keys', 'view-realm'), "an object with a list of 'keys'", keyList);

  return liveRealmFromAnswers(
    {
      realm: representation,
      clients,
      keyComponents: components,
      keys: keyList,
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

async function listAllClients(page: (first: number) => Promise<unknown[]>): Promise<unknown[]> {
  const all: unknown[] = [];
  for (let first = 0; ; first += CLIENT_PAGE_SIZE) {
    const items = await page(first);
    all.push(...items);
    if (items.length < CLIENT_PAGE_SIZE) return all;
  }
}
