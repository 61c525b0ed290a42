import { notBefore as notBeforeAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

export const notBefore: SingleAction<CommonOptions & { client?: string }> = {
  name: 'not-before',
  description: 'set not-before to now for the realm (or one client) and push it',
  targets: 'one',
  options: (command) => command.option('--client <clientId>', 'only this client'),
  // One client's not-before is not realm-wide: only the realm's asks first.
  confirm: (options) =>
    options.client ? undefined : `Invalidate every token issued so far in realm '${options.realm}'?`,
  act: (s, options) => notBeforeAction(s.ctx, options.client ? { client: options.client } : {}),
};
