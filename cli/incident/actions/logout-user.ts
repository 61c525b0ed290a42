import { logoutUser as logoutUserAction } from '../../../incident/index.ts';
import type { PerUserAction } from '../action.ts';

export const logoutUser: PerUserAction = {
  name: 'logout-user',
  description: "end all of a user's sessions, offline tokens included",
  targets: 'users',
  act: (ctx, user) => logoutUserAction(ctx, { user }),
};
