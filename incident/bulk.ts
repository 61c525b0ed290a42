/**
 * Bulk runs: one action over many users with bounded concurrency (p-limit). Each target's result
 * is journaled the moment it ends, so an interrupted run can be resumed from the journal; the
 * summary names exactly the targets that failed. Nothing one target does — an action that throws,
 * a journal line that cannot be written — stops the others or loses the summary: the other
 * targets are being acted on concurrently, so the operator must learn what happened to each.
 */
import pLimit from 'p-limit';
import { InputError } from '../model/errors.ts';
import type { ActionName, ActionResult } from './result.ts';

/**
 * Users handled at once by a bulk run when --concurrency is not given; the one place the CLI and
 * the bench take it from. `npm run bench -- incident` measures it against the raw-HTTP limit.
 */
export const DEFAULT_BULK_CONCURRENCY = 8;

export interface BulkOptions {
  concurrency: number;
  /** Inputs to skip (from --resume). */
  skip?: Set<string>;
  /** Called after each target, in completion order. If it throws, the error is kept in `unrecorded`. */
  onResult?: (input: string, result: ActionResult) => void;
  /** Once aborted (Ctrl-C), no further target is started; those in flight finish and are reported. */
  signal?: AbortSignal;
}

export interface BulkSummary {
  total: number;
  ok: number;
  skipped: string[];
  failed: Array<{ input: string; error: string }>;
  results: Array<{ input: string; result: ActionResult }>;
  /** Targets whose onResult (the journal line) threw, with why, in list order. */
  unrecorded?: Array<{ input: string; error: string }>;
  /** Targets never started because the run was interrupted, in list order. */
  notStarted?: string[];
}

/** Parses a users file: one username or id per line; blank lines and # comments ignored; duplicates once. */
export function parseUserList(text: string, file: string): string[] {
  const seen = new Set<string>();
  const users: string[] = [];
  text.split(/\r?\n/).forEach((line) => {
    const entry = line.replace(/#.*$/, '').trim();
    if (entry === '' || seen.has(entry)) return;
    seen.add(entry);
    users.push(entry);
  });
  if (users.length === 0) throw new InputError('no users listed', { file }, 'put one username or user id per line');
  return users;
}

/** One line saying why a result failed: its error, or the checks that contradict the effect. */
export function failureOf(result: ActionResult): string {
  if (result.error) return result.error;
  const failed = [
    ...result.evidence.filter((item) => item.status === 'fail').map((item) => `${item.check}: ${item.detail}`),
    ...(result.steps ?? []).filter((step) => !step.ok).map((step) => `${step.action}: ${failureOf(step)}`),
  ];
  return failed.join('; ') || 'failed';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The failed result for a target whose action threw instead of returning one, so that target is
 * journaled (as failed: a --resume retries it) and listed like any other failure.
 */
export function thrownResult(
  action: ActionName,
  realm: string,
  dryRun: boolean,
  input: string,
  error: unknown,
): ActionResult {
  const message = error instanceof InputError ? error.format() : `unexpected error: ${messageOf(error)}`;
  const notes = ['the action stopped with this error: the requests it sent before are not known, so check this target'];
  return {
    action,
    realm,
    dryRun,
    ok: false,
    targets: [{ type: 'user', name: input }],
    requests: [],
    evidence: [],
    limits: [],
    notes,
    error: message,
  };
}

export async function runBulk(
  inputs: string[],
  act: (input: string) => Promise<ActionResult>,
  options: BulkOptions,
): Promise<BulkSummary> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new InputError(`concurrency must be a whole number of at least 1, not ${options.concurrency}`, {
      keyPath: '--concurrency',
    });
  }
  const limit = pLimit(options.concurrency);
  const skipped = inputs.filter((input) => options.skip?.has(input));
  const todo = inputs.filter((input) => !options.skip?.has(input));
  const results: BulkSummary['results'] = [];
  const crashed: BulkSummary['failed'] = [];
  const unrecorded: NonNullable<BulkSummary['unrecorded']> = [];
  const notStarted: string[] = [];
  await Promise.all(
    todo.map((input) =>
      limit(async () => {
        if (options.signal?.aborted) {
          notStarted.push(input);
          return;
        }
        let result: ActionResult;
        try {
          result = await act(input);
        } catch (error) {
          // A bug or an unforeseen answer for this target: it failed, the others go on.
          crashed.push({ input, error: `unexpected error: ${messageOf(error)}` });
          return;
        }
        results.push({ input, result });
        try {
          options.onResult?.(input, result);
        } catch (error) {
          unrecorded.push({ input, error: messageOf(error) });
        }
      }),
    ),
  );
  // Report in list order, not completion order.
  const order = new Map(inputs.map((input, index) => [input, index]));
  const byList = (a: { input: string }, b: { input: string }) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0);
  results.sort(byList);
  const failed = [
    ...results.filter(({ result }) => !result.ok).map(({ input, result }) => ({ input, error: failureOf(result) })),
    ...crashed,
  ].sort(byList);
  const ok = results.length - results.filter(({ result }) => !result.ok).length;
  return {
    total: inputs.length,
    ok,
    skipped,
    failed,
    results,
    ...(unrecorded.length > 0 ? { unrecorded: unrecorded.sort(byList) } : {}),
    ...(notStarted.length > 0
      ? { notStarted: notStarted.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) }
      : {}),
  };
}
