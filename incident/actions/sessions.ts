/** sessions: list a user's online and offline sessions (to investigate; changes nothing). */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { resolveUser } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { listUserSessions } from '../user-sessions.ts';

export interface SessionsOptions {
  /** Username or user id. */
  user: string;
}

export function listSessions(ctx: IncidentContext, options: SessionsOptions): Promise<ActionResult> {
  return runAction(ctx, 'sessions', async (run) => {
    const target = run.target({ type: 'user', name: options.user });
    const user = await resolveUser(run, options.user);
    Object.assign(target, { id: user.id, name: user.username });
    const sessions = await listUserSessions(run, user.id);
    run.data = sessions;
    run.check('sessions listed', 'pass', `${sessions.online.length} online, ${sessions.offline.length} offline`);
  });
}
