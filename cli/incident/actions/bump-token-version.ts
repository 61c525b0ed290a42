import { TOKEN_VERSION_DEFAULT_ATTRIBUTE } from '../../../model/token-version.ts';
import { bumpTokenVersion as bumpTokenVersionAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

export const bumpTokenVersion: SingleAction<CommonOptions & { user: string; attribute: string }> = {
  name: 'bump-token-version',
  description: "raise the user's token-version attribute by one",
  targets: 'one',
  options: (command) =>
    command
      .requiredOption('--user <user>', 'username or user id')
      .option(
        '--attribute <name>',
        'the user attribute the token-version claim reads',
        TOKEN_VERSION_DEFAULT_ATTRIBUTE,
      ),
  act: (s, options) => bumpTokenVersionAction(s.ctx, { user: options.user, attribute: options.attribute }),
};
