/**
 * One incident action as a row of the table in actions/index.ts: its name and help, the options it
 * adds to the common ones, what it does, and the question a realm-wide one asks first. The runner
 * (run.ts) does the rest the same way for every row: pre-flight, confirmation, journal, output and
 * exit code. Adding an action is one file under actions/ and one line in the table.
 */
import type { Command } from 'commander';
import type { ActionResult, IncidentContext } from '../../incident/index.ts';
import type { CommonOptions, Setup } from './setup.ts';

/** The options of an action aimed at users: one (--user) or a list (--users-file), with bulk controls. */
export interface UserTargetOptions extends CommonOptions {
  user?: string;
  usersFile?: string;
  concurrency: number;
  resume?: string;
}

interface ActionRow<O> {
  /** The word after `realmguard incident`. */
  name: string;
  /** One line for --help. */
  description: string;
  /** Declares the options beyond the common ones (and, for per-user actions, the user-target ones). */
  options?: (command: Command) => Command;
  /** Refuses option combinations commander cannot see, before anything is read or sent. */
  preflight?(options: O): void;
  /** The question a realm-wide action asks before it sends anything (undefined: it does not ask). */
  confirm?(options: O): string | undefined;
}

/** An action on one target, named by its options. */
export interface SingleAction<O extends CommonOptions = CommonOptions> extends ActionRow<O> {
  targets: 'one';
  /** revoke-token: the token read from --token-file/--token-env is the target, not evidence. */
  tokenIsTarget?: boolean;
  act(setup: Setup, options: O): Promise<ActionResult>;
}

/** An action on users: one with --user, or a list with bounded concurrency, progress, a summary and --resume. */
export interface PerUserAction<O extends UserTargetOptions = UserTargetOptions> extends ActionRow<O> {
  name: 'logout-user' | 'contain-user';
  targets: 'users';
  act(ctx: IncidentContext, user: string, options: O): Promise<ActionResult>;
}

export type IncidentAction = SingleAction | PerUserAction;
