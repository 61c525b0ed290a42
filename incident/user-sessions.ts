/**
 * A user's sessions, online and offline. Keycloak lists online sessions per user in one call, but
 * offline sessions only per user AND client; the clients that hold an offline token for the user
 * are the ones its consents list with the grant 'Offline Token'.
 */
import type { ActionRun } from './action-run.ts';
import { expectRecords, isRecord, type JsonRecord } from '../keycloak/answers.ts';
import { ENDPOINTS } from '../keycloak/endpoints.ts';

export interface SessionSummary {
  id: string;
  ipAddress?: string;
  /** Epoch milliseconds. */
  start?: number;
  lastAccess?: number;
  /** clientIds the session holds tokens for. */
  clients: string[];
}

export interface OfflineGrant {
  /** The client's clientId (the consent endpoint's key). */
  clientId: string;
  /** The client's UUID (the offline-sessions endpoint's key). */
  clientUuid: string;
}

export interface UserSessions {
  online: SessionSummary[];
  /** Offline sessions, each with the client it was granted to. */
  offline: Array<SessionSummary & { grant: OfflineGrant }>;
  /** Clients holding an offline token for the user. */
  offlineGrants: OfflineGrant[];
}

function summarize(raw: JsonRecord): SessionSummary {
  const number = (key: string) => (typeof raw[key] === 'number' ? raw[key] : undefined);
  const start = number('start');
  const lastAccess = number('lastAccess');
  const clients = isRecord(raw.clients)
    ? Object.values(raw.clients).filter((value): value is string => typeof value === 'string')
    : [];
  return {
    id: typeof raw.id === 'string' ? raw.id : '?',
    ...(typeof raw.ipAddress === 'string' && raw.ipAddress ? { ipAddress: raw.ipAddress } : {}),
    ...(start !== undefined ? { start } : {}),
    ...(lastAccess !== undefined ? { lastAccess } : {}),
    clients,
  };
}

export async function offlineGrantsOf(run: ActionRun, userId: string): Promise<OfflineGrant[]> {
  const spec = run.spec(ENDPOINTS.userConsents, { id: userId }, { notFound: `user '${userId}'` });
  const consents = expectRecords(spec, await run.get(spec), 'a list of consents');
  const grants: OfflineGrant[] = [];
  for (const consent of consents) {
    // Keycloak sends additionalGrants with each consent (the admin client's type omits it).
    const additional = Array.isArray(consent.additionalGrants) ? consent.additionalGrants.filter(isRecord) : [];
    for (const grant of additional) {
      // additionalGrants carries the client UUID; the consent itself the clientId.
      if (grant.key === 'Offline Token' && typeof consent.clientId === 'string' && typeof grant.client === 'string') {
        grants.push({ clientId: consent.clientId, clientUuid: grant.client });
      }
    }
  }
  return grants;
}

/** The user's offline sessions held for one client (by the client's UUID: always a safe path segment). */
export async function offlineSessionsOf(
  run: ActionRun,
  userId: string,
  grant: OfflineGrant,
): Promise<Array<SessionSummary & { grant: OfflineGrant }>> {
  const spec = run.spec(
    ENDPOINTS.userOfflineSessions,
    { id: userId, clientUuid: grant.clientUuid },
    { notFound: `user '${userId}' or client '${grant.clientId}'` },
  );
  const sessions = expectRecords(spec, await run.get(spec), 'a list of sessions');
  return sessions.map((session) => ({ ...summarize(session), grant }));
}

export async function listUserSessions(run: ActionRun, userId: string): Promise<UserSessions> {
  const spec = run.spec(ENDPOINTS.userSessions, { id: userId }, { notFound: `user '${userId}'` });
  const online = expectRecords(spec, await run.get(spec), 'a list of sessions');
  const offlineGrants = await offlineGrantsOf(run, userId);
  const offline: UserSessions['offline'] = [];
  for (const grant of offlineGrants) offline.push(...(await offlineSessionsOf(run, userId, grant)));
  return { online: online.map(summarize), offline, offlineGrants };
}
