/**
 * logout-realm: log out everyone (POST logout-all). Keycloak removes the user sessions, offline
 * ones included, sets the realm's not-before to now and sends a logout to every client with an
 * admin URL. A not-before push follows, whose answer names the clients that could not be reached.
 */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecords } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
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
    const realm = run.realm;
    const startedAt = nowSeconds();
    // Keycloak answers a GlobalRequestResult (the admin client typed it as void).
    const answer = await run.send(run.spec(ENDPOINTS.logoutAll, {}, { notFound: `realm '${realm}'` }));
    // Keycloak 26.7 lists a client whose logout push failed among successRequests (the server log
    // says KC-SERVICES0057); push-revocation reports failures truthfully, and pushing the
    // not-before logout-all just set is harmless — so its answer names the unreachable clients.
    const pushed = await run.send(run.spec(ENDPOINTS.pushRevocation));
    if (run.dryRun) return;
    recordPush(run, 'logout push', answer?.body);
    recordPush(run, 'not-before push', pushed?.body);
    await checkRealmNotBefore(run, startedAt);
    const statsSpec = run.spec(ENDPOINTS.clientSessionStats);
    const stats = expectRecords(statsSpec, await run.get(statsSpec), 'a list of session counts');
    const left = stats.filter((stat) => Number(stat.active) > 0 || Number(stat.offline) > 0);
    run.check(
      'sessions left in the realm',
      left.length === 0,
      left.length === 0
        ? '0 online, 0 offline'
        : left
            .map((stat) => `${String(stat.clientId)}: ${String(stat.active)} online, ${String(stat.offline)} offline`)
            .join('; '),
    );
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: true });
  });
}
