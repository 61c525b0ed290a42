/**
 * Bulk runs: one action over many users with bounded concurrency (p-limit). Each target's result
 * is journaled the moment it ends, so an interrupted run can be resumed from the journal; the
 * summary names exactly the targets that failed.
 */
import pLimit from 'p-limit';
import { InputError } from '../model/errors.ts';
import type { ActionResult } from './result.ts';

export interface BulkOptions {
  concurrency: number;
  /** Inputs to skip (from --resume). */
  skip?: Set<string>;
  /** Called after each target, in completion order. */
  onResult?: (input: string, result: ActionResult) => void;
}

export interface BulkSummary {
  total: number;
  ok: number;
  skipped: string[];
  failed: Array<{ input: string; error: string }>;
  results: Array<{ input: string; result: ActionResult }>;
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

export async function runBulk(inputs: string[], act: (input: string) => Promise<ActionResult>, options: BulkOptions): Promise<BulkSummary> {
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
    throw new InputError(`concurrency must be a whole number of at least 1, not ${options.concurrency}`, { keyPath: '--concurrency' });
  }
  const limit = pLimit(options.concurrency);
  const skipped = inputs.filter((input) => options.skip?.has(input));
  const todo = inputs.filter((input) => !options.skip?.has(input));
  const results: BulkSummary['results'] = [];
  await Promise.all(
    todo.map((input) =>
      limit(async () => {
        const result = await act(input);
        results.push({ input, result });
        options.onResult?.(input, result);
      }),
    ),
  );
  // Report in list order, not completion order.
  const order = new Map(inputs.map((input, index) => [input, index]));
  results.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0));
  const failed = results.filter(({ result }) => !result.ok).map(({ input, result }) => ({ input, error: failureOf(result) }));
  return { total: inputs.length, ok: results.length - failed.length, skipped, failed, results };
}
