/** Plain-text rendering of action results and bulk summaries (the JSON output is the result itself). */
import type { BulkSummary } from '../../incident/bulk.ts';
import type { ActionResult, Evidence } from '../../incident/result.ts';
import { targetLabel } from '../../incident/result.ts';
import type { UserSessions } from '../../incident/user-sessions.ts';
import { visible } from '../../model/source/visible-text.ts';

const MARK: Record<Evidence['status'], string> = { pass: '✓', fail: '✗', unverified: '?' };

function status(result: ActionResult): string {
  if (result.dryRun) return 'DRY RUN: nothing changed';
  return result.ok ? 'done' : 'FAILED';
}

function requestLines(result: ActionResult, indent: string): string[] {
  const lines: string[] = [];
  const held = result.requests.filter((request) => !request.sent);
  const sent = result.requests.filter((request) => request.sent);
  if (result.dryRun) {
    lines.push(`${indent}would send (state-changing, not sent):`);
    if (held.length === 0) lines.push(`${indent}  (none: stopped before them)`);
    for (const request of held) lines.push(`${indent}  ${request.method.padEnd(6)} ${request.path}`);
    if (sent.length > 0) lines.push(`${indent}sent (reads only, to resolve ids and show state):`);
  } else if (sent.length > 0) {
    lines.push(`${indent}requests sent:`);
  }
  for (const request of sent) lines.push(`${indent}  ${request.method.padEnd(6)} ${request.path}`);
  return lines;
}

function sessionLines(data: unknown): string[] {
  const sessions = data as UserSessions | undefined;
  if (!Array.isArray(sessions?.online)) return [];
  const when = (ms?: number) => (ms ? new Date(ms).toISOString() : '?');
  const lines = [`  online sessions (${sessions.online.length}):`];
  for (const s of sessions.online)
    lines.push(
      `    ${s.id}  ip ${s.ipAddress ?? '?'}  started ${when(s.start)}  last ${when(s.lastAccess)}  clients ${s.clients.join(', ') || '-'}`,
    );
  lines.push(`  offline sessions (${sessions.offline.length}):`);
  for (const s of sessions.offline)
    lines.push(
      `    ${s.id}  client ${s.grant.clientId}  ip ${s.ipAddress ?? '?'}  started ${when(s.start)}  last ${when(s.lastAccess)}`,
    );
  return lines;
}

/**
 * Targets, errors, paths, session fields and evidence carry names from the server and the input:
 * every line goes through visible() (model/source/visible-text.ts), so none can act on the terminal.
 */
export function renderResult(result: ActionResult, indent = ''): string {
  return resultLines(result, indent).map(visible).join('\n');
}

function resultLines(result: ActionResult, indent: string): string[] {
  const lines = [`${indent}${result.action} · realm ${result.realm} · ${status(result)}`];
  const inner = `${indent}  `;
  for (const target of result.targets) lines.push(`${inner}target: ${targetLabel(target)}`);
  if (result.error) lines.push(`${inner}error: ${result.error}`);
  if (result.steps) {
    for (const step of result.steps) lines.push(...resultLines(step, inner));
  } else {
    lines.push(...requestLines(result, inner));
  }
  if (result.action === 'sessions') lines.push(...sessionLines(result.data).map((line) => indent + line));
  if (result.evidence.length > 0) {
    lines.push(`${inner}evidence:`);
    for (const item of result.evidence) lines.push(`${inner}  ${MARK[item.status]} ${item.check}: ${item.detail}`);
  }
  for (const note of result.notes) lines.push(`${inner}note: ${note}`);
  if (indent === '' && result.limits.length > 0) {
    lines.push(`${inner}what this cannot do:`);
    for (const limit of result.limits) lines.push(`${inner}  - ${limit}`);
  }
  if (indent === '' && result.baselineEdit) {
    lines.push(`${inner}baseline edit (so the next \`pulumi up\` does not undo this):`);
    for (const line of result.baselineEdit.trimEnd().split('\n')) lines.push(`${inner}  ${line}`);
  }
  return lines;
}

/** What the summary says about the journal: its path (for --resume) and the lines it lacks. */
export interface SummaryJournal {
  file: string;
  /** Inputs whose journal line could not be written. */
  lost?: string[];
  /** Why (the first refusal). */
  reason?: string;
}

export function renderSummary(
  action: string,
  summary: BulkSummary,
  elapsedMs: number,
  journal?: SummaryJournal,
): string {
  const lines = [
    `${action}: ${summary.total} listed · ${summary.ok} done · ${summary.failed.length} failed · ${summary.skipped.length} skipped (done in the resumed journal) · ${(elapsedMs / 1000).toFixed(1)} s`,
  ];
  const done = summary.results.filter(({ result }) => result.ok).map(({ input }) => input);
  if (done.length > 0) lines.push(`done: ${done.join(', ')}`);
  if (summary.failed.length > 0) {
    lines.push('failed:');
    for (const failure of summary.failed) lines.push(`  ${failure.input}: ${failure.error}`);
  }
  const lost = [...(journal?.lost ?? []), ...(summary.unrecorded ?? []).map(({ input }) => input)];
  if (lost.length > 0) {
    const reason = journal?.reason ?? summary.unrecorded?.[0]?.error;
    lines.push(`not journaled (${reason ?? 'the journal refused the line'}): ${lost.join(', ')}`);
  }
  const notStarted = summary.notStarted ?? [];
  if (notStarted.length > 0) lines.push(`interrupted: ${notStarted.length} not started: ${notStarted.join(', ')}`);
  if (summary.failed.length > 0 || notStarted.length > 0) {
    const these =
      notStarted.length === 0
        ? 'these'
        : summary.failed.length === 0
          ? 'the ones not started'
          : 'the failed and the ones not started';
    if (!journal) lines.push('rerun with --resume JOURNAL to finish only these');
    else if (lost.length > 0)
      lines.push(
        `to finish only ${these === 'these' ? 'the failed ones' : these}: append the missing journal lines (printed on stderr) to ${journal.file}, then rerun the same command with --resume ${journal.file}`,
      );
    else lines.push(`to finish only ${these}: rerun the same command with --resume ${journal.file}`);
  } else if (journal && lost.length > 0) {
    lines.push(
      `append the missing journal lines (printed on stderr) to ${journal.file}, so a later --resume skips those targets`,
    );
  }
  return lines.map(visible).join('\n');
}
