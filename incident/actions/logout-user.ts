/**
 * logout-user: end every session of a user, offline tokens included. POST users/{id}/logout
 * ends the online sessions and sets the user's not-before; offline sessions survive it, so the
 * offline grant of each client is revoked too (DELETE users/{id}/consents/{clientId}).
 *
 * The consent endpoint is keyed by the clientId, and a clientId may be anything — also '..',
 * which the URL parser resolves: DELETE users/{id}/consents/.. reached DELETE users/{id} and
 * deleted the user. Such a grant is never addressed through that endpoint: its offline sessions
 * (listed by the client's UUID) are deleted one by one instead, which ends the grant as well.
 */
import type { ActionRun } from '../action-run.ts';
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { segmentProblem } from '../../keycloak/path.ts';
import { LOCAL_JWT_LIMIT } from '../limits.ts';
import { resolveUser, type ResolvedUser } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect } from '../tokens.ts';
import { listUserSessions, offlineGrantsOf, offlineSessionsOf, type OfflineGrant } from '../user-sessions.ts';

export interface LogoutUserOptions {
  /** Username or user id. */
  user: string;
}

/** Ends one client's offline grant: by the consent endpoint when the clientId can be addressed, else session by session. */
async function revokeOfflineGrant(run: ActionRun, user: ResolvedUser, grant: OfflineGrant): Promise<void> {
  const problem = segmentProblem(grant.clientId);
  if (problem === undefined) {
    const revoke = run.spec(
      ENDPOINTS.revokeConsent,
      { id: user.id, clientId: grant.clientId },
      { notFound: `offline grant of client '${grant.clientId}' for user '${user.username}'` },
    );
    await run.send(revoke);
    return;
  }
  const sessions = await offlineSessionsOf(run, user.id, grant);
  run.notes.push(
    `client ${JSON.stringify(grant.clientId)} (${grant.clientUuid}): Keycloak's consent endpoint cannot address this clientId safely (${problem}), ` +
      `so DELETE users/{id}/consents/… was not sent; its ${sessions.length} offline session(s) were ended one by one instead (DELETE sessions/{id}?isOffline=true). ` +
      'A consent of granted scopes, if the client asks for consent, stays: remove it in the admin console (user → Consents), or rename the client.',
  );
  for (const session of sessions) {
    await run.send(
      run.spec(
        ENDPOINTS.deleteSession,
        { session: session.id },
        { query: { isOffline: true }, notFound: `offline session '${session.id}'` },
      ),
    );
  }
}

/** The logout steps on a resolved user, shared with disable-user and contain-user. */
export async function logOutEverywhere(run: ActionRun, user: ResolvedUser): Promise<void> {
  const grants = await offlineGrantsOf(run, user.id);
  // Logging out twice has the effect of once: safe to retry.
  await run.send(run.spec(ENDPOINTS.logoutUser, { id: user.id }, { notFound: `user '${user.username}'` }));
  for (const grant of grants) await revokeOfflineGrant(run, user, grant);
  if (run.dryRun) return;
  const after = await listUserSessions(run, user.id);
  run.check('online sessions left', after.online.length === 0, String(after.online.length));
  run.check(
    'offline sessions left',
    after.offline.length === 0 && after.offlineGrants.length === 0,
    `${after.offline.length} (offline grants revoked: ${grants.map((grant) => grant.clientId).join(', ') || 'none held'})`,
  );
}

export function logoutUser(ctx: IncidentContext, options: LogoutUserOptions): Promise<ActionResult> {
  return runAction(ctx, 'logout-user', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    const suspectBefore = await observeSuspect(run);
    const target = run.target({ type: 'user', name: options.user });
    const user = await resolveUser(run, options.user);
    Object.assign(target, { id: user.id, name: user.username });
    await logOutEverywhere(run, user);
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: true });
  });
}
