/** What a detection reports: stable fields for people and SIEMs, never a token or a secret. */
import type { Severity } from '../policies/finding.ts';
import type { AdminPart, WatchEvent } from './event.ts';

export interface Detection {
  /** Unique per occurrence: kind and the id of the event that triggered it (what "acted on" is keyed by). */
  id: string;
  kind: string;
  severity: Severity;
  /** The standard or seed the detection comes from. */
  source: string;
  realm: string;
  time: number;
  summary: string;
  user?: string;
  username?: string;
  client?: string;
  session?: string;
  ipAddress?: string;
  eventIds: string[];
  /** Admin changes: the setting changes and the rules they break. */
  changes?: Array<{
    setting: string;
    before: unknown;
    after: unknown;
    effect: string;
    reason: string;
    rules: string[];
  }>;
}

/** The fields every user-event detection copies from its event. */
export function fromEvent(
  event: WatchEvent,
): Pick<Detection, 'realm' | 'time' | 'user' | 'username' | 'client' | 'session' | 'ipAddress'> {
  return {
    realm: event.realm,
    time: event.time,
    ...(event.userId ? { user: event.userId } : {}),
    ...(event.details.username ? { username: event.details.username } : {}),
    ...(event.clientId ? { client: event.clientId } : {}),
    ...(event.sessionId ? { session: event.sessionId } : {}),
    ...(event.ipAddress ? { ipAddress: event.ipAddress } : {}),
  };
}

/** The fields every admin-change detection copies from its event: the admin who acted, from where, and the event. */
export function fromAdminEvent(
  event: WatchEvent,
  admin: AdminPart,
): Pick<Detection, 'realm' | 'time' | 'user' | 'client' | 'ipAddress' | 'eventIds'> {
  return {
    realm: event.realm,
    time: event.time,
    ...(admin.actorUserId ? { user: admin.actorUserId } : {}),
    ...(admin.actorClientId ? { client: admin.actorClientId } : {}),
    ...(event.ipAddress ? { ipAddress: event.ipAddress } : {}),
    eventIds: [event.id],
  };
}
