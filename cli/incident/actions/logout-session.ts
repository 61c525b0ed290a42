import { logoutSession as logoutSessionAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

export const logoutSession: SingleAction<CommonOptions & { user: string; session: string }> = {
  name: 'logout-session',
  description: 'end one session (online or offline) of a user',
  targets: 'one',
  options: (command) =>
    command
      .requiredOption('--user <user>', 'username or user id owning the session')
      .requiredOption('--session <sid>', 'session id (the sid claim, or from `incident sessions`)'),
  act: (s, options) => logoutSessionAction(s.ctx, { user: options.user, session: options.session }),
};
