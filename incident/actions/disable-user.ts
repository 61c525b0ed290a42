/**
 * disable-user: disable the account and log it out everywhere. Disabling alone removes no
 * session, and re-enabling would bring surviving offline sessions back; so both are done.
 */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecord } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { LOCAL_JWT_LIMIT } from '../limits.ts';
import { resolveUser } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect } from '../tokens.ts';
import { logOutEverywhere } from './logout-user.ts';

export interface DisableUserOptions {
  user: string;
}

export function disableUser(ctx: IncidentContext, options: DisableUserOptions): Promise<ActionResult> {
  return runAction(ctx, 'disable-user', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    const suspectBefore = await observeSuspect(run);
    const target = run.target({ type: 'user', name: options.user });
    const user = await resolveUser(run, options.user);
    Object.assign(target, { id: user.id, name: user.username });
    const notFound = `user '${user.username}'`;
    // The full representation goes back: a partial PUT can drop attributes under the user profile.
    await run.send(run.spec(ENDPOINTS.updateUser, { id: user.id }, { notFound }), { ...user, enabled: false });
    await logOutEverywhere(run, user);
    if (run.dryRun) return;
    const readBack = run.spec(ENDPOINTS.user, { id: user.id }, { notFound });
    const after = expectRecord(readBack, await run.get(readBack), 'a user');
    run.check('user disabled', after.enabled === false, `enabled: ${String(after.enabled)}`);
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: true });
  });
}
