/**
 * One request for events of one stream: GET /admin/realms/{realm}/events (or /admin-events) from
 * a time floor, oldest first, through the request core (retries, deadline, size cap, one error
 * line naming view-events on a 403).
 */
import { expectRecords } from '../keycloak/answers.ts';
import type { IncidentHttp } from '../keycloak/core.ts';
import { ENDPOINTS, requestSpec } from '../keycloak/endpoints.ts';
import { toWatchEvent, type EventStream, type WatchEvent } from './event.ts';

export type PageFetcher = (floor: number, max: number) => Promise<WatchEvent[]>;

export function eventPages(http: IncidentHttp, realm: string, stream: EventStream): PageFetcher {
  const endpoint = stream === 'user' ? ENDPOINTS.events : ENDPOINTS.adminEvents;
  return async (floor, max) => {
    // dateFrom takes epoch milliseconds and is inclusive (time >= dateFrom); direction=asc: oldest first.
    const spec = requestSpec(
      endpoint,
      { realm },
      { query: { dateFrom: floor, direction: 'asc', first: 0, max }, notFound: `realm '${realm}'` },
    );
    const answer = expectRecords(spec, await http.admin(spec, realm), 'a list of events');
    return answer.flatMap((raw) => toWatchEvent(stream, realm, raw) ?? []);
  };
}
