/**
 * How an admin event changes the kept parts of a realm (watch/realm-parts.ts): each file here
 * reads one kind of event, as keycloak-events.test.ts shows Keycloak records it, and answers the
 * parts after it — to be judged against the parts before, or only kept current (a create or a
 * delete that other detections report). Ids in paths come from events: they are only looked up
 * as own keys, never put into a path, a request or a shell.
 */
import type { AdminPart } from '../event.ts';
import type { RealmParts } from '../realm-parts.ts';

export interface PartsChange {
  /** What changed, for the summary: "flow browser", "identity provider corp". */
  subject: string;
  parts: RealmParts;
  /** False: the change only keeps the parts current, it is not judged. */
  judge: boolean;
  /** Set when the earlier state of the changed thing was not known. */
  caveat?: string;
}

export type PartsApplier = (admin: AdminPart, parts: RealmParts) => PartsChange | undefined;

/** The id after `prefix/` in a resource path with nothing below it (`components/{id}`). */
export function idUnder(path: string | undefined, prefix: string): string | undefined {
  if (!path?.startsWith(`${prefix}/`)) return undefined;
  const id = path.slice(prefix.length + 1);
  return id !== '' && !id.includes('/') ? id : undefined;
}

/** A record with one key set or removed (Object.fromEntries defines own keys: an id "__proto__" stays data). */
export function withEntry<T>(
  record: Readonly<Record<string, T>>,
  key: string,
  value: NoInfer<T> | undefined,
): Record<string, T> {
  const rest = Object.entries(record).filter(([name]) => name !== key);
  return Object.fromEntries(value === undefined ? rest : [...rest, [key, value]]);
}

export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

export const UNKNOWN_BEFORE = 'earlier state unknown: it was created after the watcher first read the realm';
