import { rotateKeys as rotateKeysAction } from '../../../incident/index.ts';
import { wholeNumber } from '../../commands/shared.ts';
import type { SingleAction } from '../action.ts';
import { keyChoice, keyChoiceOptions, type KeyChoiceOptions } from './key-choice.ts';

interface RotateKeysOptions extends KeyChoiceOptions {
  emergency?: boolean;
  name?: string;
  priority?: number;
}

export const rotateKeys: SingleAction<RotateKeysOptions> = {
  name: 'rotate-keys',
  description:
    'rotate a signing key: routine (old key passive) or --emergency (compromised key removed, not-before pushed)',
  targets: 'one',
  options: (command) =>
    keyChoiceOptions(
      command.option('--emergency', 'the key is compromised: remove it at once and push not-before'),
      'the key to replace',
    )
      .option('--name <name>', 'name of the new key provider')
      .option(
        '--priority <n>',
        'priority of the new key (default: highest of its algorithm + 100)',
        wholeNumber('--priority', 1),
      ),
  confirm: (options) =>
    options.emergency
      ? `Delete the compromised key of realm '${options.realm}' now (every token it signed fails) and push not-before?`
      : `Rotate the ${options.kid ?? options.provider ?? options.algorithm} signing key of realm '${options.realm}'?`,
  act: (s, options) =>
    rotateKeysAction(s.ctx, {
      mode: options.emergency ? 'emergency' : 'routine',
      ...keyChoice(options),
      ...(options.name ? { name: options.name } : {}),
      ...(options.priority ? { priority: options.priority } : {}),
    }),
};
