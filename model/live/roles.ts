/**
 * Realm and client roles with their composites, in a realm export's shape (`roles.realm`,
 * `roles.client`, each composite with `composites: {realm, client}` by name).
 *
 * The admin API lists a client's roles only per client, which would grow with the realm's 5,000
 * clients; so the reader lists every realm role (in pages) and the client roles that someone
 * holds — a group, a service account, a client scope's scope mapping, or a composite reached
 * from those — and follows each composite (GET /roles-by-id/{id}/composites, once per composite
 * role). A client role that nobody holds, directly or through a composite, grants nothing, so
 * leaving it out changes no answer about who holds what.
 */
import { isRecord, text, texts, type JsonObject, type RealmReads } from './reads.ts';

/** A role as the admin API answers it (RoleRepresentation), reduced to what the model needs. */
interface RoleNode {
  id: string;
  name: string;
  composite: boolean;
  /** The clientId of the client owning the role; absent for a realm role. */
  client?: string;
}

export interface ClientIndex {
  clientIdOf: ReadonlyMap<string, string>;
  uuidOf: ReadonlyMap<string, string>;
}

/** Role representations (role mappings, composites) → nodes; client roles named by clientId. */
export function roleNodes(items: readonly unknown[], clients: ClientIndex): RoleNode[] {
  return items.filter(isRecord).flatMap((role) => {
    const id = text(role.id);
    const name = text(role.name);
    if (!id || !name) return [];
    const container = text(role.containerId);
    const client = role.clientRole === true && container ? clients.clientIdOf.get(container) : undefined;
    if (role.clientRole === true && !client) return []; // a client that is not in the list (deleted meanwhile)
    return [{ id, name, composite: role.composite === true, ...(client && { client }) }];
  });
}

/**
 * The role graph, grown from the realm roles and the held client roles: each composite's
 * composites are read once, concurrently under the reader's limit.
 */
export class RoleGraph {
  private readonly nodes = new Map<string, RoleNode>();
  private readonly composites = new Map<string, RoleNode[]>();

  constructor(
    private readonly reads: RealmReads,
    private readonly clients: ClientIndex,
  ) {}

  add(nodes: readonly RoleNode[]): void {
    for (const node of nodes) if (!this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  /** Reads the composites of every composite role not yet expanded, until none is left. */
  async expand(): Promise<void> {
    for (;;) {
      const pending = [...this.nodes.values()].filter((node) => node.composite && !this.composites.has(node.id));
      if (pending.length === 0) return;
      await this.reads.each(pending, async (node) => {
        const children = await this.reads.list(
          this.reads.read(
            `list the composites of role '${node.client ? `${node.client}/` : ''}${node.name}'`,
            '/roles-by-id/{id}/composites',
            node.client ? 'view-clients' : 'view-realm',
            { id: node.id },
          ),
        );
        const nodes = roleNodes(children, this.clients);
        this.composites.set(node.id, nodes);
        this.add(nodes);
      });
    }
  }

  /** `roles` as a realm export writes it. */
  representation(): { realm: JsonObject[]; client: Record<string, JsonObject[]> } {
    const realm: JsonObject[] = [];
    const client: Record<string, JsonObject[]> = {};
    for (const node of this.nodes.values()) {
      const children = this.composites.get(node.id) ?? [];
      const role: JsonObject = {
        id: node.id,
        name: node.name,
        composite: node.composite,
        clientRole: node.client !== undefined,
        ...(node.composite && { composites: compositesByOwner(children) }),
      };
      if (node.client) (client[node.client] ??= []).push(role);
      else realm.push(role);
    }
    return { realm, client };
  }
}

function compositesByOwner(children: readonly RoleNode[]): JsonObject {
  const realm = children.filter((child) => !child.client).map((child) => child.name);
  const client: Record<string, string[]> = {};
  for (const child of children) if (child.client) (client[child.client] ??= []).push(child.name);
  return { ...(realm.length > 0 && { realm }), ...(Object.keys(client).length > 0 && { client }) };
}

/**
 * A role mapping answer ({realmMappings, clientMappings: {clientId: {mappings}}}) → its role
 * nodes, and the names the export would write (realm role names; client role names by clientId).
 */
export function mappingNodes(answer: JsonObject, clients: ClientIndex): RoleNode[] {
  const clientMappings = isRecord(answer.clientMappings) ? Object.values(answer.clientMappings) : [];
  const clientRoles = clientMappings.flatMap((entry) =>
    isRecord(entry) && Array.isArray(entry.mappings) ? (entry.mappings as unknown[]) : [],
  );
  const realmRoles = Array.isArray(answer.realmMappings) ? (answer.realmMappings as unknown[]) : [];
  return roleNodes([...realmRoles, ...clientRoles], clients);
}

/** Role nodes → the export's `realmRoles` and `clientRoles` (names, by clientId). */
export function namesByOwner(nodes: readonly RoleNode[]): {
  realmRoles: string[];
  clientRoles: Record<string, string[]>;
} {
  const clientRoles: Record<string, string[]> = {};
  for (const node of nodes) if (node.client) (clientRoles[node.client] ??= []).push(node.name);
  return { realmRoles: nodes.filter((node) => !node.client).map((node) => node.name), clientRoles };
}

/** The client roles a group names ({clientId: [names]}): one read each, to learn its id and whether it is composite. */
export async function clientRolesByName(
  reads: RealmReads,
  clients: ClientIndex,
  wanted: ReadonlyArray<{ client: string; name: string }>,
): Promise<RoleNode[]> {
  const found = await reads.each(wanted, async ({ client, name }) => {
    const uuid = clients.uuidOf.get(client);
    if (!uuid) return [];
    const role = await reads.get(
      reads.read(`read role '${client}/${name}'`, '/clients/{id}/roles/{role}', 'view-clients', {
        id: uuid,
        role: name,
      }),
    );
    return role === undefined ? [] : roleNodes([role], clients);
  });
  return found.flat();
}

export function clientRoleNames(value: unknown): Array<{ client: string; name: string }> {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([client, names]) => texts(names).map((name) => ({ client, name })));
}
