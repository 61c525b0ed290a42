/**
 * A login from an IP address not seen before for a sensitive user (config watch.sensitiveUsers,
 * by username or id). Keycloak 26.7 records no user agent in its events (keycloak-events.test.ts),
 * so the address is the only fingerprint there is. The first login seen for a user teaches its
 * address and reports nothing: the watcher cannot know what came before its window.
 */
import { SEED_GUIDE } from '../../policies/sources.ts';
import { fromEvent, type Detection } from '../detection.ts';
import type { Detector } from './detector.ts';

/** Addresses remembered per user: the newest ones. */
const ADDRESSES_KEPT = 32;

export function newAddress(sensitiveUsers: readonly string[]): Detector {
  const sensitive = new Set(sensitiveUsers);
  const known = new Map<string, string[]>();
  return {
    kind: 'new-address-sensitive-user',
    onEvent(event): Detection[] {
      if (event.stream !== 'user' || event.type !== 'LOGIN' || !event.userId || !event.ipAddress) return [];
      if (!sensitive.has(event.userId) && !(event.details.username && sensitive.has(event.details.username))) return [];
      const addresses = known.get(event.userId);
      if (!addresses) {
        known.set(event.userId, [event.ipAddress]);
        return [];
      }
      if (addresses.includes(event.ipAddress)) return [];
      addresses.push(event.ipAddress);
      if (addresses.length > ADDRESSES_KEPT) addresses.shift();
      return [
        {
          id: `new-address-sensitive-user:${event.id}`,
          kind: 'new-address-sensitive-user',
          severity: 'medium',
          source: `${SEED_GUIDE('Best practices: audit login and token usage patterns').document}: audit login and token usage patterns`,
          ...fromEvent(event),
          eventIds: [event.id],
          summary: `sensitive user logged in from a new address ${event.ipAddress}`,
        },
      ];
    },
  };
}
