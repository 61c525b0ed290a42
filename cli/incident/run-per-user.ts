/**
 * The actions aimed at users (logout-user, contain-user): one user with --user, or a list with
 * --users-file, run with bounded concurrency, a progress bar, a journal line per user, a summary,
 * --resume, and Ctrl-C that lets the users in flight finish.
 */
import { InputError } from '../../model/errors.ts';
import {
  doneInputs,
  journalEntry,
  parseUserList,
  runBulk,
  type ActionResult,
  type IncidentContext,
} from '../../incident/index.ts';
import { thrownResult } from '../../incident/bulk.ts';
import { renderSummary } from '../format/incident.ts';
import { ExitCode } from '../exit-codes.ts';
import type { PerUserAction, UserTargetOptions } from './action.ts';
import { readTextFile } from './inputs.ts';
import { JournalKeeper } from './journaling.ts';
import { startProgress } from './progress.ts';
import { runSingle } from './run-single.ts';
import { setup } from './setup.ts';

export async function runPerUser(
  options: UserTargetOptions,
  env: NodeJS.ProcessEnv,
  action: PerUserAction['name'],
  act: (ctx: IncidentContext, user: string) => Promise<ActionResult>,
): Promise<ExitCode> {
  if ((options.user === undefined) === (options.usersFile === undefined)) {
    throw new InputError(
      'give either --user or --users-file',
      { keyPath: '--user' },
      '--users-file FILE (or - for stdin) lists one username or id per line',
    );
  }
  if (options.user !== undefined) {
    if (options.resume) throw new InputError('--resume applies to --users-file runs', { keyPath: '--resume' });
    const user = options.user;
    return runSingle(options, env, (s) => act(s.ctx, user));
  }
  // Pre-flight, in this order and before any request: the list, the journal to resume, then the
  // connection options and the journal to write (setup).
  const file = options.usersFile;
  if (file === undefined) throw new Error('not reached: exactly one of --user and --users-file is checked above');
  const users = parseUserList(readTextFile(file, '--users-file'), file === '-' ? 'stdin' : file);
  const skip = options.resume ? doneInputs(options.resume, action, options.realm) : undefined;
  const s = setup(options, env);
  const keeper = new JournalKeeper(s.journal);
  const progress = startProgress(users.length - users.filter((user) => skip?.has(user)).length, action);
  const started = Date.now();
  // A target whose action throws is a failed target (journaled, listed), never the end of the run.
  const attempt = (user: string) =>
    act(s.ctx, user).catch((error: unknown) => thrownResult(action, options.realm, s.ctx.dryRun, user, error));
  const interruption = interruptible();
  const summary = await runBulk(users, attempt, {
    concurrency: options.concurrency,
    ...(skip ? { skip } : {}),
    signal: interruption.signal,
    onResult: (input, result) => {
      progress.tick(!result.ok);
      keeper.record(journalEntry(result, { actor: s.http.actor, server: s.http.origin, input }));
    },
  }).finally(() => interruption.release());
  progress.stop();
  const position = new Map(users.map((user, index) => [user, index]));
  const lostInOrder = keeper.lostInputs.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const journal = { file: s.journal.file, lost: lostInOrder, ...(keeper.reason ? { reason: keeper.reason } : {}) };
  const done = summary.results.filter(({ result }) => result.ok).map(({ input }) => input);
  const text = options.json
    ? JSON.stringify(
        {
          total: summary.total,
          ok: summary.ok,
          done,
          skipped: summary.skipped,
          failed: summary.failed,
          ...(summary.notStarted ? { notStarted: summary.notStarted } : {}),
          journal: { ...journal, lost: [...journal.lost, ...(summary.unrecorded ?? []).map(({ input }) => input)] },
        },
        null,
        2,
      )
    : renderSummary(action, summary, Date.now() - started, journal);
  process.stdout.write(`${s.http.secrets.redact(text)}\n`);
  const lost = keeper.report(`the ${action} run ended`);
  if (lost) process.stderr.write(lost);
  return summary.failed.length > 0 || lost || summary.unrecorded || summary.notStarted
    ? ExitCode.Findings
    : ExitCode.Clean;
}

/**
 * Ctrl-C (or SIGTERM) in a bulk run: start no further user, let those in flight finish — their
 * requests are already out, and killing them would leave no result and no journal line — then
 * print the summary. A second signal finds no handler and ends the process at once.
 */
function interruptible(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const stop = (): void => {
    release();
    process.stderr.write(
      'realmguard: interrupted — finishing the users in progress and starting no more (press Ctrl-C again to stop at once)\n',
    );
    controller.abort();
  };
  const release = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { signal: controller.signal, release };
}
