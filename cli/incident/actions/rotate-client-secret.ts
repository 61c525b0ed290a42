import { InputError } from '../../../model/errors.ts';
import { rotateClientSecret as rotateClientSecretAction } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import type { CommonOptions } from '../setup.ts';

interface RotateClientSecretOptions extends CommonOptions {
  client: string;
  secretFile?: string;
  force?: boolean;
  showSecret?: boolean;
}

export const rotateClientSecret: SingleAction<RotateClientSecretOptions> = {
  name: 'rotate-client-secret',
  description: 'generate a new client secret (the old one stops working); it is not printed unless asked',
  targets: 'one',
  options: (command) =>
    command
      .requiredOption('--client <clientId>', 'the clientId')
      .option('--secret-file <file>', 'write the new secret to this new file (mode 0600)')
      .option('--force', 'with --secret-file: replace the file if it exists (with a new 0600 file)')
      .option('--show-secret', 'print the new secret on stdout (it never goes to the journal)'),
  preflight: (options) => {
    if (options.force && !options.secretFile)
      throw new InputError(
        '--force applies to --secret-file',
        { keyPath: '--force' },
        'give --secret-file FILE, or leave --force out',
      );
  },
  act: (s, options) =>
    rotateClientSecretAction(s.ctx, {
      client: options.client,
      ...(options.secretFile ? { secretFile: options.secretFile, force: options.force === true } : {}),
      showSecret: options.showSecret === true,
    }),
};
