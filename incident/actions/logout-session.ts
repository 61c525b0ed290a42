/**
 * logout-session: end one session of a user, online or offline. The session id is looked up
 * among the user's sessions first, so a wrong id is a clear "unknown session", and the user's
 * listing afterwards is the evidence. Keycloak gives an offline session its own id; a session
 * found in both lists is ended in both.
 */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { IncidentError } from '../../keycloak/errors.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { LOCAL_JWT_LIMIT } from '../limits.ts';
import { resolveUser } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect } from '../tokens.ts';
import { listUserSessions } from '../user-sessions.ts';

export interface LogoutSessionOptions {
  /** Username or user id of the session's owner. */
  user: string;
  /** Session id (the `sid` claim of the session's tokens, or from `sessions`). */
  session: string;
}

export function logoutSession(ctx: IncidentContext, options: LogoutSessionOptions): Promise<ActionResult> {
  return runAction(ctx, 'logout-session', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    const suspectBefore = await observeSuspect(run);
    const userTarget = run.target({ type: 'user', name: options.user });
    run.target({ type: 'session', id: options.session });
    const user = await resolveUser(run, options.user);
    Object.assign(userTarget, { id: user.id, name: user.username });
    const before = await listUserSessions(run, user.id);
    const kinds: boolean[] = [];
    if (before.online.some((session) => session.id === options.session)) kinds.push(false);
    if (before.offline.some((session) => session.id === options.session)) kinds.push(true);
    if (kinds.length === 0) {
      throw new IncidentError(
        'not-found',
        `unknown session '${options.session}' for user '${user.username}' in realm '${run.realm}': run 'realmguard incident sessions' to list them`,
      );
    }
    for (const isOffline of kinds) {
      await run.send(
        run.spec(
          ENDPOINTS.deleteSession,
          { session: options.session },
          { query: { isOffline }, notFound: `session '${options.session}'` },
        ),
      );
    }
    if (run.dryRun) return;
    const after = await listUserSessions(run, user.id);
    const left = [...after.online, ...after.offline].filter((session) => session.id === options.session).length;
    run.check(
      `session ${options.session} gone from the user's sessions`,
      left === 0,
      `${left} left (ended: ${kinds.map((offline) => (offline ? 'offline' : 'online')).join(' + ')})`,
    );
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: true });
  });
}
