/** How rotate-keys and contain-realm name the key to replace: by key id, by provider, or the active key of an algorithm. */
import type { Command } from 'commander';
import type { CommonOptions } from '../setup.ts';

export interface KeyChoiceOptions extends CommonOptions {
  kid?: string;
  provider?: string;
  algorithm: string;
}

export function keyChoiceOptions(command: Command, which: 'the key to replace' | 'the compromised key'): Command {
  return command
    .option('--kid <kid>', `${which}, by key id`)
    .option('--provider <name>', `${which}, by key provider name or id`)
    .option('--algorithm <alg>', 'without --kid/--provider: the active key of this algorithm', 'RS256');
}

/** The key choice as the incident actions take it: only what was given. */
export function keyChoice(options: KeyChoiceOptions): { algorithm: string; kid?: string; provider?: string } {
  return {
    algorithm: options.algorithm,
    ...(options.kid ? { kid: options.kid } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
  };
}
