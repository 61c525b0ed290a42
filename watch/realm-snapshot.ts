/**
 * What the watcher knows of a realm's configuration, to compare an admin change with: the realm
 * representation and each client's, read once at the start (when the account may: view-realm,
 * view-clients) and then kept current from the admin events themselves. A realm PUT changes only
 * the fields it carries, so an event's representation is merged over what is known.
 */
import type { JsonRecord } from '../keycloak/answers.ts';

export class RealmSnapshot {
  /** False when the start-up read was refused: changes are then compared with Keycloak's defaults. */
  readonly complete: boolean;
  #realm: JsonRecord;
  readonly #clients = new Map<string, JsonRecord>();

  constructor(realm: string, initial?: { realm: JsonRecord; clients: JsonRecord[] }) {
    this.complete = initial !== undefined;
    this.#realm = initial?.realm ?? { realm };
    for (const client of initial?.clients ?? []) if (typeof client.id === 'string') this.#clients.set(client.id, client);
  }

  realm(): JsonRecord {
    return this.#realm;
  }

  client(id: string): JsonRecord | undefined {
    return this.#clients.get(id);
  }

  updateRealm(change: JsonRecord): { before: JsonRecord; after: JsonRecord } {
    const before = this.#realm;
    // The realm's name is its identity here; a rename in the event does not rename the watched realm.
    this.#realm = { ...before, ...change, realm: before.realm };
    return { before, after: this.#realm };
  }

  updateClient(id: string, change: JsonRecord): { before: JsonRecord | undefined; after: JsonRecord } {
    const before = this.#clients.get(id);
    const after = { ...(before ?? {}), ...change, id };
    this.#clients.set(id, after);
    return { before, after };
  }
}
