/**
 * Who holds which role, in a realm export's shape: `roles`, `groups` (nested `subGroups`, each with
 * its direct `realmRoles`/`clientRoles`), `users` (the service-account users only, with
 * `serviceAccountClientId`, roles and group paths) and the client scopes' `scopeMappings` /
 * `clientScopeMappings`.
 *
 * Request count: groups in pages (children only of groups that have some), one read per service
 * account (its user, role mappings and groups), one per client scope, one per composite role,
 * one per client role a group names. Not one per client by default: the clients' own scope
 * mappings (GET /clients/{id}/scope-mappings) exist only per client, and reading them costs more
 * than all the rest of the read (figures in the README, "Limits of the catalogue"). So they are
 * read only when asked (`audit --scope-mappings`), and then only for clients with full scope off:
 * with full scope on a client's tokens carry every role whatever its mappings say
 * (full-scope-allowed judges that client; sensitive-role-client skips its mappings).
 */
import { isRecord, text, texts, type JsonObject, type RealmReads } from './reads.ts';
import {
  clientRoleNames,
  clientRolesByName,
  mappingNodes,
  namesByOwner,
  RoleGraph,
  roleNodes,
  type ClientIndex,
} from './roles.ts';

export interface AccessParts {
  roles: { realm: JsonObject[]; client: Record<string, JsonObject[]> };
  groups: JsonObject[];
  users: JsonObject[];
  scopeMappings: JsonObject[];
  clientScopeMappings: Record<string, JsonObject[]>;
}

export interface AccessReadOptions {
  /** Also read the clients' own scope mappings: one request per client with full scope off. */
  clientScopeMappings?: boolean;
}

export function clientIndex(clients: readonly JsonObject[]): ClientIndex {
  const clientIdOf = new Map<string, string>();
  const uuidOf = new Map<string, string>();
  for (const client of clients) {
    const id = text(client.id);
    const clientId = text(client.clientId);
    if (id && clientId) {
      clientIdOf.set(id, clientId);
      uuidOf.set(clientId, id);
    }
  }
  return { clientIdOf, uuidOf };
}

export async function readAccess(
  reads: RealmReads,
  clients: readonly JsonObject[],
  clientScopes: readonly JsonObject[],
  options: AccessReadOptions = {},
): Promise<AccessParts> {
  const index = clientIndex(clients);
  const graph = new RoleGraph(reads, index);
  const owners = [...scopeOwners(clientScopes), ...(options.clientScopeMappings ? narrowScopeClients(clients) : [])];
  const [realmRoles, groups, users, scopes] = await Promise.all([
    reads.pages('list realm roles', '/roles', 'view-realm', {}, { briefRepresentation: 'false' }),
    readGroupTree(reads),
    readServiceAccounts(reads, clients, index),
    readScopeMappings(reads, owners, index),
  ]);
  graph.add(roleNodes(realmRoles, index));
  const groupClientRoles = flattenGroups(groups).flatMap((group) => clientRoleNames(group.clientRoles));
  graph.add(await clientRolesByName(reads, index, uniqueRefs(groupClientRoles)));
  graph.add([...users.held, ...scopes.held]);
  await graph.expand();
  return {
    roles: graph.representation(),
    groups,
    users: users.users,
    scopeMappings: scopes.scopeMappings,
    clientScopeMappings: scopes.clientScopeMappings,
  };
}

function uniqueRefs(refs: ReadonlyArray<{ client: string; name: string }>): Array<{ client: string; name: string }> {
  const seen = new Map(refs.map((ref) => [`${ref.client}\u0000${ref.name}`, ref]));
  return [...seen.values()];
}

function flattenGroups(groups: readonly JsonObject[]): JsonObject[] {
  return groups.flatMap((group) => [
    group,
    ...flattenGroups(Array.isArray(group.subGroups) ? group.subGroups.filter(isRecord) : []),
  ]);
}

/** The group tree, every level: a group's children are read (in pages) only when it says it has some. */
async function readGroupTree(reads: RealmReads): Promise<JsonObject[]> {
  const top = await reads.pages('list groups', '/groups', 'view-users', {}, { briefRepresentation: 'false' });
  return withChildren(reads, top);
}

async function withChildren(reads: RealmReads, groups: readonly JsonObject[]): Promise<JsonObject[]> {
  return Promise.all(
    groups.map(async (group) => {
      const id = text(group.id);
      const count = typeof group.subGroupCount === 'number' ? group.subGroupCount : 0;
      const children =
        id && count > 0
          ? await reads.pages(
              `list the sub-groups of group '${text(group.path) ?? id}'`,
              '/groups/{id}/children',
              'view-users',
              { id },
              { briefRepresentation: 'false' },
            )
          : [];
      return exportedGroup(group, await withChildren(reads, children));
    }),
  );
}

function exportedGroup(group: JsonObject, subGroups: JsonObject[]): JsonObject {
  return {
    name: group.name,
    path: group.path,
    realmRoles: texts(group.realmRoles),
    clientRoles: isRecord(group.clientRoles) ? group.clientRoles : {},
    subGroups,
  };
}

/** The users behind the clients' service accounts: one user, role-mapping and group read each. */
async function readServiceAccounts(reads: RealmReads, clients: readonly JsonObject[], index: ClientIndex) {
  const owners = clients.filter((client) => client.serviceAccountsEnabled === true && text(client.id));
  const accounts = await reads.each(owners, async (client) => {
    const clientId = text(client.clientId) ?? '';
    const user = await reads.get(
      reads.read(
        `read the service account of client '${clientId}'`,
        '/clients/{id}/service-account-user',
        'view-clients',
        { id: text(client.id) ?? '' },
      ),
    );
    const userId = isRecord(user) ? text(user.id) : undefined;
    if (!isRecord(user) || !userId) return undefined; // 404: the client lost its account meanwhile
    const [mappings, groups] = await Promise.all([
      reads.object(
        reads.read(`read the roles of service account '${clientId}'`, '/users/{id}/role-mappings', 'view-users', {
          id: userId,
        }),
      ),
      reads.pages(`list the groups of service account '${clientId}'`, '/users/{id}/groups', 'view-users', {
        id: userId,
      }),
    ]);
    const held = mappingNodes(mappings, index);
    const exported: JsonObject = {
      username: user.username,
      serviceAccountClientId: clientId,
      ...namesByOwner(held),
      groups: groups.map((group) => text(group.path)).filter((path) => path !== undefined),
    };
    return { exported, held };
  });
  const present = accounts.filter((account) => account !== undefined);
  return { users: present.map((account) => account.exported), held: present.flatMap((account) => account.held) };
}

/** Whose scope mappings are read: a client scope (by name) or a client (by clientId). */
interface ScopeOwner {
  key: 'clientScope' | 'client';
  name: string;
  id: string;
}

function scopeOwners(clientScopes: readonly JsonObject[]): ScopeOwner[] {
  return clientScopes.flatMap((scope) => {
    const [id, name] = [text(scope.id), text(scope.name)];
    return id && name ? [{ key: 'clientScope' as const, name, id }] : [];
  });
}

/** The clients whose own scope mappings decide what their tokens carry: those with full scope off. */
function narrowScopeClients(clients: readonly JsonObject[]): ScopeOwner[] {
  return clients.flatMap((client) => {
    const [id, name] = [text(client.id), text(client.clientId)];
    return id && name && client.fullScopeAllowed === false ? [{ key: 'client' as const, name, id }] : [];
  });
}

const SCOPE_MAPPING_READS: Readonly<Record<ScopeOwner['key'], { what: string; path: string }>> = {
  clientScope: { what: 'client scope', path: '/client-scopes/{id}/scope-mappings' },
  client: { what: 'client', path: '/clients/{id}/scope-mappings' },
};

/**
 * The roles each client scope (and, when asked, each client) may put into tokens: one read each,
 * in the export's shape — realm roles under `scopeMappings`, client roles under
 * `clientScopeMappings[<role's client>]`, each entry naming its owner as `clientScope` or `client`.
 */
async function readScopeMappings(reads: RealmReads, owners: readonly ScopeOwner[], index: ClientIndex) {
  const answers = await reads.each(owners, async (owner) => {
    const { what, path } = SCOPE_MAPPING_READS[owner.key];
    const mappings = await reads.object(
      reads.read(`read the scope mappings of ${what} '${owner.name}'`, path, 'view-clients', { id: owner.id }),
    );
    return { owner, held: mappingNodes(mappings, index) };
  });
  const scopeMappings: JsonObject[] = [];
  const clientScopeMappings: Record<string, JsonObject[]> = {};
  for (const { owner, held } of answers) {
    const { realmRoles, clientRoles } = namesByOwner(held);
    if (realmRoles.length > 0) scopeMappings.push({ [owner.key]: owner.name, roles: realmRoles });
    for (const [client, roles] of Object.entries(clientRoles))
      (clientScopeMappings[client] ??= []).push({ [owner.key]: owner.name, roles });
  }
  return { scopeMappings, clientScopeMappings, held: answers.flatMap((answer) => answer.held) };
}
