import { listSessions } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

export const sessions: SingleAction<CommonOptions & { user: string }> = {
  name: 'sessions',
  description: "list a user's online and offline sessions",
  targets: 'one',
  options: (command) => command.requiredOption('--user <user>', 'username or user id'),
  act: (s, options) => listSessions(s.ctx, { user: options.user }),
};
