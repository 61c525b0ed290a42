/**
 * logout-realm: log out everyone (POST logout-all). Keycloak removes the user sessions, offline
 * ones included, sets the realm's not-before to now and sends a logout to every client with an
 * admin URL. A not-before push follows, whose answer names the clients that could not be reached.
 */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { change, read } from '../http/request-spec.ts';
import { LOCAL_JWT_LIMIT, PUSH_LIMIT } from '../limits.ts';
import { checkRealmNotBefore, nowSeconds, recordPush } from '../not-before-steps.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect } from '../tokens.ts';

export function logoutRealm(ctx: IncidentContext): Promise<ActionResult> {
  return runAction(ctx, 'logout-realm', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    run.limit(PUSH_LIMIT);
    run.target({ type: 'realm', name: run.realm });
    const suspectBefore = await observeSuspect(run);
    const admin = run.ctx.http.admin;
    const realm = run.realm;
    const startedAt = nowSeconds();
    // The admin client types the answer as void; Keycloak sends a GlobalRequestResult.
    const answer: unknown = await run.change(change('POST', run.adminPath('logout-all'), 'manage-users', { idempotentPost: true, notFound: `realm '${realm}'` }), () =>
      admin.realms.logoutAll({ realm }),
    );
    // Keycloak 26.7 lists a client whose logout push failed among successRequests (the server log
    // says KC-SERVICES0057); push-revocation reports failures truthfully, and pushing the
    // not-before logout-all just set is harmless — so its answer names the unreachable clients.
    const pushed = await run.change(change('POST', run.adminPath('push-revocation'), 'manage-realm', { idempotentPost: true }), () => admin.realms.pushRevocation({ realm }));
    if (run.dryRun) return;
    recordPush(run, 'logout push', answer);
    recordPush(run, 'not-before push', pushed);
    await checkRealmNotBefore(run, startedAt);
    const stats = await run.read(read(run.adminPath('client-session-stats'), 'view-realm'), () => admin.realms.getClientSessionStats({ realm }));
    const left = stats.filter((stat) => Number(stat.active) > 0 || Number(stat.offline) > 0);
    run.check(
      'sessions left in the realm',
      left.length === 0,
      left.length === 0 ? '0 online, 0 offline' : left.map((stat) => `${stat.clientId}: ${stat.active} online, ${stat.offline} offline`).join('; '),
    );
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: true });
  });
}
