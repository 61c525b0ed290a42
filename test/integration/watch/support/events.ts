/** Reads a test realm's events as Keycloak sends them, and switches on what the watcher needs. */
import type { RealmFixture } from '../../incident/support/realm-fixture.ts';
import { keycloak } from '../../../support/keycloak.ts';
import { NEEDED_EVENT_TYPES } from '../../../../watch/realm-start.ts';

export interface RawEvent {
  id: string;
  time: number;
  type?: string;
  userId?: string;
  clientId?: string;
  sessionId?: string;
  ipAddress?: string;
  error?: string;
  details?: Record<string, string>;
  operationType?: string;
  resourceType?: string;
  resourcePath?: string;
  representation?: string;
  authDetails?: Record<string, string>;
}

/** The types the detections need, plus REFRESH_TOKEN so a rotation shows beside its replay. */
export const WATCHED_EVENT_TYPES = [...NEEDED_EVENT_TYPES, 'REFRESH_TOKEN', 'LOGOUT'];

export async function enableEvents(fx: RealmFixture): Promise<void> {
  await fx.kc.realms.update(
    { realm: fx.realm },
    {
      eventsEnabled: true,
      enabledEventTypes: WATCHED_EVENT_TYPES,
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: true,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
    },
  );
}

/** A fresh master-realm admin token (the admin client's own expires after a minute). */
export async function adminToken(): Promise<string> {
  const { url, adminUser, adminPassword } = keycloak();
  const response = await fetch(`${url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: adminUser,
      password: adminPassword,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`admin login failed: ${response.status}`);
  return body.access_token;
}

async function read(
  fx: RealmFixture,
  path: 'events' | 'admin-events',
  query: Record<string, string | number>,
): Promise<RawEvent[]> {
  const search = new URLSearchParams(
    Object.entries({ direction: 'asc', max: 10_000, ...query }).map(([key, value]): [string, string] => [
      key,
      String(value),
    ]),
  );
  const response = await fetch(`${fx.url}/admin/realms/${fx.realm}/${path}?${search.toString()}`, {
    headers: { authorization: `Bearer ${await adminToken()}` },
  });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as RawEvent[];
}

export const userEvents = (fx: RealmFixture, query: Record<string, string | number> = {}) => read(fx, 'events', query);
export const adminEvents = (fx: RealmFixture, query: Record<string, string | number> = {}) =>
  read(fx, 'admin-events', query);
