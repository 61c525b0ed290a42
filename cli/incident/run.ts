/**
 * Runs one row of the incident table the same way for every action: pre-flight (options, secrets,
 * the journal; nothing sent yet), the question a realm-wide action asks, the action, the journal
 * line, the printed result and the exit code. `runIncidentAction` is the whole command as a
 * function, as `check` is: it returns the exit code instead of setting it.
 */
import type { ExitCode } from '../exit-codes.ts';
import type { IncidentAction, UserTargetOptions } from './action.ts';
import { runPerUser } from './run-per-user.ts';
import { runSingle } from './run-single.ts';
import type { CommonOptions } from './setup.ts';

export async function runIncidentAction(
  action: IncidentAction,
  options: CommonOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ExitCode> {
  if (action.targets === 'users') {
    // register() declared the user-target options on every per-user row.
    const userOptions = options as UserTargetOptions;
    action.preflight?.(userOptions);
    return runPerUser(userOptions, env, action.name, (ctx, user) => action.act(ctx, user, userOptions));
  }
  action.preflight?.(options);
  return runSingle(options, env, (s) => action.act(s, options), action);
}
