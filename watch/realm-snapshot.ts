/**
 * What the watcher knows of a realm's configuration, to compare an admin change with: the realm
 * representation and the clients' as of `time`, read at the first start (view-realm) and then
 * kept current from the admin events themselves; the state file carries it from run to run, so
 * a cron `--once` compares each change with the state the previous run left. A realm PUT changes
 * only the fields it carries, so an event's representation is merged over what is known.
 *
 * An event older than the snapshot (the first run's --since window) happened before what the
 * snapshot shows: it is compared with Keycloak's defaults instead, and says so.
 */
import type { JsonRecord } from '../keycloak/answers.ts';
import { own, withEntry } from './config-changes/change.ts';
import type { RealmParts } from './realm-parts.ts';

export interface SnapshotState {
  time: number;
  realm: JsonRecord;
  clients: Record<string, JsonRecord>;
  /** Flows, identity providers, key providers, …: undefined when the account may not read them. */
  parts?: RealmParts;
  /**
   * When the parts were read, if later than `time`: a state file written before the watcher kept
   * them has the realm as of its last run but the parts as of this one's start.
   */
  partsTime?: number;
}

/** Settings that are not realm hardening and may hold credentials (masked by Keycloak, but not ours to keep). */
const NOT_KEPT = ['smtpServer', 'identityProviders', 'users', 'components', 'clients'];

export function snapshotOf(realm: JsonRecord, time: number): SnapshotState {
  return {
    time,
    realm: Object.fromEntries(Object.entries(realm).filter(([key]) => !NOT_KEPT.includes(key))),
    clients: {},
  };
}

export interface Compared {
  before: JsonRecord | undefined;
  after: JsonRecord;
  /** False when the earlier state is not known: the caller compares with Keycloak's defaults. */
  known: boolean;
}

export class RealmSnapshot {
  constructor(
    readonly name: string,
    readonly state: SnapshotState | undefined,
  ) {}

  realm(): JsonRecord {
    return this.state?.realm ?? { realm: this.name };
  }

  updateRealm(change: JsonRecord, time: number): Compared {
    if (!this.state || time < this.state.time)
      return { before: { realm: this.name }, after: { realm: this.name, ...change }, known: false };
    const before = this.state.realm;
    // The realm's name is its identity here; a rename in the event does not rename the watched realm.
    this.state.realm = { ...before, ...change, realm: before.realm };
    this.state.time = time;
    return { before, after: this.state.realm, known: true };
  }

  /**
   * Whether a change to the parts at `time` happened after what the kept parts show (one before
   * is already in them): after the snapshot, and after the parts were read when that was later.
   */
  isAfterSnapshot(time: number): boolean {
    return this.state !== undefined && time >= this.state.time && time >= (this.state.partsTime ?? this.state.time);
  }

  /** The parts as last known; undefined when never read. */
  parts(): RealmParts | undefined {
    return this.state?.parts;
  }

  /** Keeps the parts an event left, unless the event is older than what the snapshot already shows. */
  updateParts(parts: RealmParts, time: number): void {
    if (!this.state || !this.isAfterSnapshot(time)) return;
    this.state.parts = parts;
    this.state.time = time;
  }

  /** `id` comes from an event's path: looked up as an own key and set as one ("__proto__" stays data). */
  updateClient(id: string, change: JsonRecord, time: number): Compared {
    const before = this.state ? own(this.state.clients, id) : undefined;
    const after = { ...(before ?? {}), ...change, id };
    if (this.state && time >= this.state.time) {
      this.state.clients = withEntry(this.state.clients, id, after);
      this.state.time = time;
    }
    return { before, after, known: before !== undefined };
  }
}
