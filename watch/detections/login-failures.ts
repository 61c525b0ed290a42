/**
 * Brute force: Keycloak's own lockout (USER_DISABLED_BY_TEMPORARY_LOCKOUT / _PERMANENT_LOCKOUT,
 * recorded with details.num_failures), and bursts of LOGIN_ERROR for one user or from one IP
 * address within the configured window. A burst reports once when it reaches the threshold, and
 * again only after the window has emptied.
 */
import { ASVS } from '../../policies/sources.ts';
import type { WatchConfig } from '../config.ts';
import { fromEvent, type Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import { trimWindow, type Detector } from './detector.ts';

const SOURCE = `${ASVS('V6.3.1 (credential stuffing and brute force)').document} V6.3.1`;
/** Most distinct users or addresses tracked at once: a spray over millions of names cannot grow memory without bound. */
const TRACKED = 50_000;

function bursts(
  kind: 'login-failures-user' | 'login-failures-ip',
  keyOf: (event: WatchEvent) => string | undefined,
  limit: { count: number; windowSeconds: number },
): Detector {
  const windows = new Map<string, { times: number[]; ids: string[]; reported: boolean }>();
  const windowMs = limit.windowSeconds * 1000;
  return {
    kind,
    onEvent(event) {
      if (event.stream !== 'user' || event.type !== 'LOGIN_ERROR') return [];
      const key = keyOf(event);
      if (key === undefined) return [];
      let entry = windows.get(key);
      if (!entry) {
        if (windows.size >= TRACKED) {
          const oldest = windows.keys().next();
          if (!oldest.done) windows.delete(oldest.value);
        }
        entry = { times: [], ids: [], reported: false };
        windows.set(key, entry);
      }
      const before = entry.times.length;
      trimWindow(entry.times, event.time, windowMs);
      entry.ids.splice(0, before - entry.times.length);
      if (entry.times.length === 0) entry.reported = false;
      entry.times.push(event.time);
      entry.ids.push(event.id);
      if (entry.reported || entry.times.length < limit.count) return [];
      entry.reported = true;
      const who = kind === 'login-failures-user' ? `user ${event.details.username ?? key}` : `address ${key}`;
      return [
        {
          id: `${kind}:${event.id}`,
          kind,
          severity: 'medium',
          source: SOURCE,
          ...fromEvent(event),
          eventIds: [...entry.ids],
          summary: `${entry.times.length} failed logins for ${who} within ${limit.windowSeconds} s`,
        },
      ];
    },
  };
}

function lockout(): Detector {
  return {
    kind: 'brute-force-lockout',
    onEvent(event): Detection[] {
      if (event.stream !== 'user' || !event.type.startsWith('USER_DISABLED_BY_')) return [];
      const permanent = event.type === 'USER_DISABLED_BY_PERMANENT_LOCKOUT';
      return [
        {
          id: `brute-force-lockout:${event.id}`,
          kind: 'brute-force-lockout',
          severity: permanent ? 'high' : 'medium',
          source: SOURCE,
          ...fromEvent(event),
          eventIds: [event.id],
          summary: `Keycloak locked the user out ${permanent ? 'permanently' : 'temporarily'} after ${event.details.num_failures ?? 'repeated'} login failures`,
        },
      ];
    },
  };
}

export function loginFailures(config: WatchConfig): Detector[] {
  return [
    lockout(),
    bursts('login-failures-user', (event) => event.userId ?? event.details.username, config.userFailures),
    bursts('login-failures-ip', (event) => event.ipAddress, config.ipFailures),
  ];
}
