import { disableClient as disableClientAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

export const disableClient: SingleAction<CommonOptions & { client: string }> = {
  name: 'disable-client',
  description: 'disable a client and push a not-before for it',
  targets: 'one',
  options: (command) => command.requiredOption('--client <clientId>', 'the clientId'),
  act: (s, options) => disableClientAction(s.ctx, { client: options.client }),
};
