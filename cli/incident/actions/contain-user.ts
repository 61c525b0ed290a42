import { TOKEN_VERSION_DEFAULT_ATTRIBUTE } from '../../../model/token-version.ts';
import { containUser as containUserPlaybook } from '../../../incident/index.ts';
import type { PerUserAction, UserTargetOptions } from '../action.ts';

export const containUser: PerUserAction<UserTargetOptions & { disable?: boolean; attribute: string }> = {
  name: 'contain-user',
  description: 'playbook: log out everywhere (offline too), bump the token version, optionally disable',
  targets: 'users',
  options: (command) =>
    command
      .option('--disable', 'also disable the account')
      .option('--attribute <name>', 'the token-version attribute', TOKEN_VERSION_DEFAULT_ATTRIBUTE),
  act: (ctx, user, options) =>
    containUserPlaybook(ctx, { user, disable: options.disable === true, attribute: options.attribute }),
};
