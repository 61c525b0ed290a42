import { containRealm as containRealmPlaybook } from '../../../incident/index.ts';
import type { SingleAction } from '../action.ts';
import { keyChoice, keyChoiceOptions, type KeyChoiceOptions } from './key-choice.ts';

export const containRealm: SingleAction<KeyChoiceOptions> = {
  name: 'contain-realm',
  description: 'playbook: emergency key rotation, log out the realm, push not-before',
  targets: 'one',
  options: (command) => keyChoiceOptions(command, 'the compromised key'),
  confirm: (options) =>
    `Contain realm '${options.realm}': delete its ${options.kid ?? options.provider ?? `active ${options.algorithm}`} key, log out everyone and push not-before?`,
  act: (s, options) => containRealmPlaybook(s.ctx, keyChoice(options)),
};
