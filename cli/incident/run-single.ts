/** An action on one target: the question a realm-wide one asks, the action, its journal line, its printed result. */
import type { ActionResult } from '../../incident/index.ts';
import { failureOf } from '../../incident/bulk.ts';
import { journalEntry } from '../../incident/journal.ts';
import { renderResult } from '../format/incident.ts';
import { ExitCode } from '../exit-codes.ts';
import type { SingleAction } from './action.ts';
import { confirmRealmWide } from './confirm.ts';
import { JournalKeeper } from './journaling.ts';
import { setup, type CommonOptions, type Setup } from './setup.ts';

/** Runs one request-level action; a realm-wide one asks first. */
export async function runSingle(
  options: CommonOptions,
  env: NodeJS.ProcessEnv,
  act: (s: Setup) => Promise<ActionResult>,
  action: Pick<SingleAction, 'confirm' | 'tokenIsTarget'> = {},
): Promise<ExitCode> {
  const s = setup(options, env, { tokenIsTarget: action.tokenIsTarget === true });
  const question = action.confirm?.(options);
  if (question !== undefined && !(await confirmRealmWide(question, { yes: options.yes, dryRun: options.dryRun }))) {
    process.stderr.write('realmguard: not confirmed, nothing sent\n');
    return ExitCode.Findings;
  }
  return finish(s, await act(s), options);
}

/** Journals the result, prints it and says how the command ends. */
function finish(s: Setup, result: ActionResult, options: CommonOptions): ExitCode {
  // The journal entry is built from the result without data (which may hold a secret shown once).
  // A journal that refuses the line does not stop the result from being printed: what was sent is sent.
  const keeper = new JournalKeeper(s.journal);
  keeper.record(journalEntry({ ...result, data: undefined }, { actor: s.http.actor, server: s.http.origin }));
  print(s, result, options);
  let exitCode: ExitCode = ExitCode.Clean;
  if (!result.ok) {
    process.stderr.write(`realmguard: ${result.action} failed: ${s.http.secrets.redact(failureOf(result))}\n`);
    exitCode = ExitCode.Findings;
  }
  const lost = keeper.report(
    result.dryRun ? `${result.action} (dry run) finished` : `${result.action} ${result.ok ? 'was done' : 'ran'}`,
  );
  if (lost) {
    process.stderr.write(lost);
    exitCode = ExitCode.Findings;
  }
  return exitCode;
}

function print(s: Setup, result: ActionResult, options: CommonOptions): void {
  const secret = (result.data as { newSecret?: unknown } | undefined)?.newSecret;
  const shown = typeof secret === 'string' ? secret : undefined;
  // Everything printed passes the redactor, except the one secret the user asked to see.
  const { data: _data, ...rest } = result;
  const printable = shown === undefined ? result : rest;
  const text = options.json ? JSON.stringify(printable, null, 2) : renderResult(printable);
  process.stdout.write(`${s.http.secrets.redact(text)}\n`);
  if (shown !== undefined)
    process.stdout.write(options.json ? `${JSON.stringify({ newSecret: shown })}\n` : `new secret: ${shown}\n`);
}
