/**
 * Reads a live realm through the admin REST API into the model. Read-only: GET requests only,
 * so a service account with realm-management's view-realm and view-clients roles is enough.
 * The answers are assembled into a RealmRepresentation and go through the same adapter as a
 * realm export, so the live realm and its export give the same model.
 */
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { NetworkError } from '@keycloak/keycloak-admin-client';
import { InputError } from './errors.ts';
import type { LoadedRealm } from './realm-settings.ts';
import { KEY_PROVIDER_COMPONENT_TYPE, type RealmRepresentation } from './export/schema.ts';
import { representationToRealm, type KeyMetadata } from './export/to-settings.ts';

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

  // Only the fields the adapter reads; the admin client's own types are wider than ours.
  const assembled = {
    ...representation,
    clients,
    components: { [KEY_PROVIDER_COMPONENT_TYPE]: components.map((component) => ({ ...component, name: component.name ?? '', providerId: component.providerId ?? '' })) },
    clientScopes: clientScopes.map((scope) => ({ ...scope, name: scope.name ?? '' })),
    defaultDefaultClientScopes: defaultScopes.map((scope) => scope.name ?? ''),
    clientPolicies: policies,
    clientProfiles: profiles,
  } as unknown as RealmRepresentation;
  const keyMetadata: KeyMetadata[] = (keys.keys ?? []).map((key) => ({
    kid: key.kid,
    providerId: key.providerId,
    algorithm: key.algorithm,
    status: key.status,
    type: key.type,
    publicKey: key.publicKey,
  }));
  return representationToRealm(assembled, { kind: 'live', origin, keys: keyMetadata });
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
