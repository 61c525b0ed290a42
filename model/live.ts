/**
 * Reads a live realm through the admin REST API into the model. Read-only: GET requests only,
 * so a service account with realm-management's view-realm and view-clients roles is enough.
 * The answers are assembled into a RealmRepresentation and go through the same schema and
 * adapter as a realm export, so the live realm and its export give the same model. The events
 * settings come with the realm representation (GET /events/config would need view-events).
 */
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { NetworkError } from '@keycloak/keycloak-admin-client';
import { InputError, InputErrors } from './errors.ts';
import type { LoadedRealm } from './realm-settings.ts';
import { KEY_PROVIDER_COMPONENT_TYPE, RealmRepresentationSchema } from './export/schema.ts';
import { representationToRealm, type KeyMetadata } from './export/to-settings.ts';
import { DocPositions } from './source/doc-positions.ts';
import type { ParsedText } from './source/parse-text.ts';
import { schemaValidator, type SchemaValidator } from './source/validate-schema.ts';

const validator: SchemaValidator<typeof RealmRepresentationSchema> = schemaValidator(RealmRepresentationSchema);

/** Clients are listed in pages of this size (GET /clients?first&max). */
const CLIENT_PAGE_SIZE = 200;

export async function readLiveRealm(admin: KeycloakAdminClient, realm: string): Promise<LoadedRealm> {
  const origin = `${admin.baseUrl.replace(/\/+$/, '')}/admin/realms/${encodeURIComponent(realm)}`;
  const call = <T>(what: string, role: string, request: () => Promise<T>): Promise<T> => explained(what, role, origin, request);

  const representation = await call('read the realm', 'view-realm', () => admin.realms.findOne({ realm }));
  if (!representation) {
    throw new InputError(`realm '${realm}' does not exist on ${admin.baseUrl}`, { keyPath: 'realm' }, 'check the realm name (it is case-sensitive)');
  }
  const [clients, components, keys, clientScopes, defaultScopes, policies, profiles] = await Promise.all([
    call('list clients', 'view-clients', () => listAllClients(admin, realm)),
    call('list key providers', 'view-realm', () => admin.components.find({ realm, type: KEY_PROVIDER_COMPONENT_TYPE, parent: representation.id })),
    call('list keys', 'view-realm', () => admin.realms.getKeys({ realm })),
    call('list client scopes', 'view-clients', () => admin.clientScopes.find({ realm })),
    call('list default client scopes', 'view-realm', () => admin.clientScopes.listDefaultClientScopes({ realm } as void & { realm: string })),
    call('read client policies', 'view-realm', () => admin.clientPolicies.listPolicies({ realm })),
    call('read client profiles', 'view-realm', () => admin.clientPolicies.listProfiles({ realm })),
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

/** Runs one admin request and turns HTTP failures into an InputError that says what to do. */
async function explained<T>(what: string, role: string, origin: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof NetworkError) {
      const status = error.response.status;
      if (status === 401) throw new InputError(`could not ${what}: 401 Unauthorized`, { file: origin }, 'check KEYCLOAK_USER / KEYCLOAK_PASSWORD or KEYCLOAK_CLIENT_ID / KEYCLOAK_CLIENT_SECRET');
      if (status === 403) throw new InputError(`could not ${what}: 403 Forbidden`, { file: origin }, `grant the account realm-management's '${role}' role for this realm`);
      if (status === 404) throw new InputError(`could not ${what}: 404 Not Found`, { file: origin }, 'check the realm name and the server URL');
      throw new InputError(`could not ${what}: HTTP ${status}`, { file: origin }, 'check that the server is a Keycloak 26 and reachable');
    }
    if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
      throw new InputError(`could not ${what}: the server did not answer`, { file: origin }, 'check KEYCLOAK_URL and that Keycloak is running');
    }
    throw error;
  }
}
