/**
 * What the watcher learns about a realm before reading events: whether it records events at all
 * and which types (GET events/config, view-events suffices), and on the first run its current
 * configuration for the admin-change comparison (GET realm, view-realm: optional — refused,
 * changes are compared with Keycloak's defaults and the report says so), and the flows,
 * identity providers, key providers, clients' scopes and user profile the other admin changes are
 * compared with (optional too: refused, those changes are not judged).
 */
import { expectRecord, isRecord } from '../keycloak/answers.ts';
import type { IncidentHttp } from '../keycloak/core.ts';
import { ENDPOINTS, requestSpec } from '../keycloak/endpoints.ts';
import { IncidentError } from '../keycloak/errors.ts';
import { KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES } from '../model/keycloak-catalog.ts';
import { WATCHED_EVENT_TYPES } from '../policies/rules/realm/watch-events.ts';
import { liveSource } from '../keycloak/live-source.ts';
import { readRealmParts, type RealmParts } from './realm-parts.ts';
import { snapshotOf, type SnapshotState } from './realm-snapshot.ts';

/** The user event types the detections read: the rule watch-events holds the list. */
export const NEEDED_EVENT_TYPES = WATCHED_EVENT_TYPES;

export interface EventsConfig {
  eventsEnabled: boolean;
  adminEventsEnabled: boolean;
  adminEventsDetailsEnabled: boolean;
  /** The types Keycloak stores: the list, or its default set when the list is empty. */
  savedTypes: string[];
}

export async function readEventsConfig(http: IncidentHttp, realm: string): Promise<EventsConfig> {
  const spec = requestSpec(ENDPOINTS.eventsConfig, { realm }, { notFound: `realm '${realm}'` });
  const body = expectRecord(spec, await http.admin(spec, realm), 'the realm events configuration');
  const listed = Array.isArray(body.enabledEventTypes)
    ? body.enabledEventTypes.filter((type): type is string => typeof type === 'string')
    : [];
  return {
    eventsEnabled: body.eventsEnabled === true,
    adminEventsEnabled: body.adminEventsEnabled === true,
    adminEventsDetailsEnabled: body.adminEventsDetailsEnabled === true,
    savedTypes: listed.length > 0 ? listed : [...KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES],
  };
}

export function missingTypes(config: EventsConfig): string[] {
  return NEEDED_EVENT_TYPES.filter((type) => !config.savedTypes.includes(type));
}

/** The realm as it is now, for a first run; undefined when the account may not read it (no view-realm). */
export async function readSnapshot(http: IncidentHttp, realm: string): Promise<SnapshotState | undefined> {
  const spec = requestSpec(ENDPOINTS.realm, { realm });
  const time = Date.now();
  try {
    const body = await http.admin(spec, realm);
    // Without view-realm Keycloak still answers, with a brief representation (name, display name, …;
    // errors.test.ts): no token lifespan in it means there is nothing to compare with.
    return isRecord(body) && typeof body.accessTokenLifespan === 'number' ? snapshotOf(body, time) : undefined;
  } catch (error) {
    if (error instanceof IncidentError && error.kind === 'forbidden') return undefined;
    throw error;
  }
}

/** The parts other admin changes are compared with; undefined when the account may not read them all. */
export async function readParts(http: IncidentHttp, realm: string): Promise<RealmParts | undefined> {
  try {
    return await readRealmParts(liveSource(http, realm), realm);
  } catch (error) {
    if (error instanceof IncidentError && error.kind === 'forbidden') return undefined;
    throw error;
  }
}

/**
 * The parts read late, for a state file written before the watcher kept them: its realm is as of
 * its last run, the parts as of `time` (read now), so a change to them before `time` is already
 * in them and is not judged (RealmSnapshot.isAfterSnapshot).
 */
export function withPartsReadAt(kept: SnapshotState, parts: RealmParts, time: number): SnapshotState {
  return { ...kept, parts, partsTime: Math.max(time, kept.time) };
}
