import { disableUser as disableUserAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

export const disableUser: SingleAction<CommonOptions & { user: string }> = {
  name: 'disable-user',
  description: 'disable a user and end all their sessions',
  targets: 'one',
  options: (command) => command.requiredOption('--user <user>', 'username or user id'),
  act: (s, options) => disableUserAction(s.ctx, { user: options.user }),
};
