/**
 * The append-only incident journal: one JSON line per action (per target in bulk runs) — when,
 * who acted, on which realm, what, which targets, the result and its evidence. Never a token or
 * a secret: entries are built from the result's fields only, and each line passes the secret
 * registry's redaction before it is written.
 */
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../model/errors.ts';
import type { SecretRegistry } from '../keycloak/secrets.ts';
import type { ActionResult, Evidence, Target } from './result.ts';

export interface JournalEntry {
  time: string;
  actor: string;
  server: string;
  realm: string;
  action: string;
  /** The list entry as given (bulk runs): what --resume matches. */
  input?: string;
  targets: Target[];
  result: 'ok' | 'failed' | 'dry-run';
  error?: string;
  evidence: Evidence[];
  /** Requests sent (and, in a dry run, listed), method and path only. */
  requests: string[];
  /** Playbook steps, by action name, with their result. */
  steps?: Array<{ action: string; result: 'ok' | 'failed' | 'dry-run' }>;
}

function outcome(result: ActionResult): JournalEntry['result'] {
  if (result.dryRun) return 'dry-run';
  return result.ok ? 'ok' : 'failed';
}

export function journalEntry(
  result: ActionResult,
  meta: { actor: string; server: string; input?: string; time?: Date },
): JournalEntry {
  return {
    time: (meta.time ?? new Date()).toISOString(),
    actor: meta.actor,
    server: meta.server,
    realm: result.realm,
    action: result.action,
    ...(meta.input !== undefined ? { input: meta.input } : {}),
    targets: result.targets,
    result: outcome(result),
    ...(result.error ? { error: result.error } : {}),
    evidence: [...result.evidence, ...(result.steps ?? []).flatMap((step) => step.evidence)],
    requests: [...result.requests, ...(result.steps ?? []).flatMap((step) => step.requests)].map(
      (request) => `${request.method} ${request.path}${request.sent ? '' : ' (not sent: dry run)'}`,
    ),
    ...(result.steps ? { steps: result.steps.map((step) => ({ action: step.action, result: outcome(step) })) } : {}),
  };
}

/** How a journal line reaches the disk; tests inject one that fails to play a full disk. */
export type JournalWriter = (file: string, line: string) => void;

// Synchronous O_APPEND writes of whole lines: concurrent bulk workers never interleave. The file
// is opened per line (not held open) so a journal moved or replaced mid-run is noticed, not
// silently written into a file nobody looks at any more.
const appendLine: JournalWriter = (file, line) => appendFileSync(file, line, { mode: 0o600 });

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : error instanceof Error
      ? error.message
      : String(error);
}

/** A journal line that could not be written, with the (already redacted) line itself so nothing is lost. */
export class JournalWriteError extends Error {
  override name = 'JournalWriteError';
  constructor(
    readonly file: string,
    readonly code: string,
    readonly line: string,
  ) {
    super(`cannot write the journal ${file} (${code})`);
  }
}

export class Journal {
  constructor(
    readonly file: string,
    private readonly secrets: SecretRegistry,
    private readonly writer: JournalWriter = appendLine,
  ) {}

  /**
   * The pre-flight: proves the journal can take a line before anything is sent, so an action is
   * never half-done for want of a place to record it. Opens the file for append (creating it
   * 0600 if new) and closes it again; throws an InputError naming what is wrong.
   */
  check(): void {
    const file = this.file;
    const refuse = (what: string, hint = 'give a file in a writable directory with --journal FILE') =>
      new InputError(what, { file, keyPath: '--journal' }, hint);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat?.isDirectory()) throw refuse('the journal is a directory', 'give a file path with --journal FILE');
    const parent = statSync(dirname(file), { throwIfNoEntry: false });
    if (!parent)
      throw refuse(
        `the journal's directory ${dirname(file)} does not exist`,
        'create it first, or give another --journal FILE',
      );
    if (!parent.isDirectory()) throw refuse(`the journal's directory ${dirname(file)} is not a directory`);
    try {
      closeSync(openSync(file, 'a', 0o600));
    } catch (error) {
      throw refuse(`cannot open the journal for appending (${codeOf(error)})`);
    }
  }

  /** Appends one entry; throws JournalWriteError (carrying the line) when the disk refuses it. */
  append(entry: JournalEntry): void {
    const line = this.secrets.redact(JSON.stringify(entry));
    try {
      this.writer(this.file, `${line}\n`);
    } catch (error) {
      throw new JournalWriteError(this.file, codeOf(error), line);
    }
  }
}

/** Inputs a journal shows done (result ok, not a dry run) for this action and realm: what --resume skips. */
export function doneInputs(file: string, action: string, realm: string): Set<string> {
  if (!existsSync(file))
    throw new InputError(
      `journal ${file} does not exist`,
      { file },
      'give the journal of the run to resume (--journal of that run)',
    );
  const done = new Set<string>();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(`cannot read the journal (${code})`, { file }, 'give the journal file of the run to resume');
  }
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const damaged = (what: string) =>
      new InputError(what, { file, line: index + 1 }, 'the journal is damaged here: remove or repair this line');
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw damaged('not a JSON line');
    }
    // Each line is an object; a damaged one (null, a number, targets not a list) is named, not a crash.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw damaged('not a journal entry');
    const entry = parsed as Partial<JournalEntry>;
    if (entry.targets !== undefined && !Array.isArray(entry.targets)) throw damaged('not a journal entry');
    if (entry.action !== action || entry.realm !== realm || entry.result !== 'ok') return;
    if (typeof entry.input === 'string') done.add(entry.input);
    // A damaged line's list may hold anything, not only targets.
    for (const target of (entry.targets ?? []) as (Partial<Target> | null | string | number | boolean)[]) {
      if (typeof target !== 'object' || target === null || target.type !== 'user') continue;
      if (target.id) done.add(target.id);
      if (target.name) done.add(target.name);
    }
  });
  return done;
}
