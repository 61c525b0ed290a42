/**
 * logout-user: end every session of a user, offline tokens included. POST users/{id}/logout
 * ends the online sessions and sets the user's not-before; offline sessions survive it, so the
 * offline grant of each client is revoked too (DELETE users/{id}/consents/{clientId}).
 */
import type { ActionRun } from '../action-run.ts';
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { change } from '../http/request-spec.ts';
import { LOCAL_JWT_LIMIT } from '../limits.ts';
import { resolveUser, type ResolvedUser } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect } from '../tokens.ts';
import { listUserSessions, offlineGrantsOf } from '../user-sessions.ts';

export interface LogoutUserOptions {
  /** Username or user id. */
  user: string;
}

/** The logout steps on a resolved user, shared with disable-user and contain-user. */
export async function logOutEverywhere(run: ActionRun, user: ResolvedUser): Promise<void> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const grants = await offlineGrantsOf(run, user.id);
  // Logging out twice has the effect of once: safe to retry.
  const logout = change('POST', run.adminPath('users', user.id, 'logout'), 'manage-users', { notFound: `user '${user.username}'`, idempotentPost: true });
  await run.change(logout, () => admin.users.logout({ realm, id: user.id }));
  for (const grant of grants) {
    const revoke = change('DELETE', run.adminPath('users', user.id, 'consents', grant.clientId), 'manage-users', {
      notFound: `offline grant of client '${grant.clientId}' for user '${user.username}'`,
    });
    await run.change(revoke, () => admin.users.revokeConsent({ realm, id: user.id, clientId: grant.clientId }));
  }
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
