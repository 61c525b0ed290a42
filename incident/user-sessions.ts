/**
 * A user's sessions, online and offline. Keycloak lists online sessions per user in one call, but
 * offline sessions only per user AND client; the clients that hold an offline token for the user
 * are the ones its consents list with the grant 'Offline Token'.
 */
import type { ActionRun } from './action-run.ts';
import { read } from './http/request-spec.ts';

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

function summarize(raw: { id?: string; ipAddress?: string; start?: number; lastAccess?: number; clients?: Record<string, string> }): SessionSummary {
  return {
    id: raw.id ?? '?',
    ...(raw.ipAddress ? { ipAddress: raw.ipAddress } : {}),
    ...(raw.start !== undefined ? { start: raw.start } : {}),
    ...(raw.lastAccess !== undefined ? { lastAccess: raw.lastAccess } : {}),
    clients: Object.values(raw.clients ?? {}),
  };
}

/** Keycloak sends additionalGrants with each consent; the admin client's type omits it. */
interface ConsentGrants {
  additionalGrants?: Array<{ client?: string; key?: string }>;
}

export async function offlineGrantsOf(run: ActionRun, userId: string): Promise<OfflineGrant[]> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const consents = await run.read(read(run.adminPath('users', userId, 'consents'), 'view-users', `user '${userId}'`), () =>
    admin.users.listConsents({ realm, id: userId }),
  );
  const grants: OfflineGrant[] = [];
  for (const consent of consents as Array<(typeof consents)[number] & ConsentGrants>) {
    for (const grant of consent.additionalGrants ?? []) {
      // additionalGrants carries the client UUID; the consent itself the clientId.
      if (grant.key === 'Offline Token' && consent.clientId && grant.client) grants.push({ clientId: consent.clientId, clientUuid: grant.client });
    }
  }
  return grants;
}

export async function listUserSessions(run: ActionRun, userId: string): Promise<UserSessions> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const online = await run.read(read(run.adminPath('users', userId, 'sessions'), 'view-users', `user '${userId}'`), () =>
    admin.users.listSessions({ realm, id: userId }),
  );
  const offlineGrants = await offlineGrantsOf(run, userId);
  const offline: UserSessions['offline'] = [];
  for (const grant of offlineGrants) {
    const sessions = await run.read(read(run.adminPath('users', userId, 'offline-sessions', grant.clientUuid), 'view-users', `user '${userId}' or client '${grant.clientId}'`), () =>
      admin.users.listOfflineSessions({ realm, id: userId, clientId: grant.clientUuid }),
    );
    for (const session of sessions) offline.push({ ...summarize(session), grant });
  }
  return { online: online.map(summarize), offline, offlineGrants };
}
