/**
 * The subcommands of realmguard, one row each. A row names the subcommand and loads its file
 * lazily: `realmguard check` imports cli/commands/check.ts and what it needs, never the incident
 * actions, the Keycloak connection, p-retry or cli-progress (issue 13, start-up).
 *
 * Adding a subcommand is one new file and one row: write cli/commands/<name>.ts exporting
 * `register(program)` (declare the options, call a testable function from the action, as check.ts
 * does), then add `{ name: '<name>', load: () => import('./<name>.ts') }` below.
 */
import type { Command } from 'commander';

export interface SubcommandModule {
  /** Declares the subcommand, its options and its action on the program. */
  register(program: Command): void;
}

export interface Subcommand {
  /** The word after `realmguard`. */
  name: string;
  load(): Promise<SubcommandModule>;
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  { name: 'validate', load: () => import('./validate.ts') },
  { name: 'check', load: () => import('./check.ts') },
  { name: 'diff', load: () => import('./diff.ts') },
  { name: 'audit', load: () => import('./audit.ts') },
  { name: 'incident', load: () => import('./incident.ts') },
  { name: 'watch', load: () => import('./watch.ts') },
];

/** The program's version option: commander answers it before any subcommand is looked at. */
const VERSION_FLAGS: readonly string[] = ['--version', '-V'];

/**
 * The rows a command line needs: only the named subcommand when the first argument names one;
 * none for `--version`; every row otherwise (`--help`, `help`, a mistyped name: commander lists
 * them all).
 */
export function subcommandsFor(args: readonly string[]): readonly Subcommand[] {
  const first = args[0];
  if (first !== undefined && VERSION_FLAGS.includes(first)) return [];
  const named = SUBCOMMANDS.find(({ name }) => name === first);
  return named ? [named] : SUBCOMMANDS;
}
