import { logoutRealm as logoutRealmAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';

export const logoutRealm: SingleAction = {
  name: 'logout-realm',
  description: 'log out everyone in the realm (also sets the realm not-before)',
  targets: 'one',
  confirm: (options) => `Log out EVERY session of realm '${options.realm}'?`,
  act: (s) => logoutRealmAction(s.ctx),
};
