/**
 * Journaling that cannot stop a run half-way. The journal was proven writable before anything
 * was sent; if the disk still refuses a line later (full, replaced by a directory, unmounted),
 * the action has happened and cannot be taken back, so the result must still be printed. The
 * refused lines are kept and handed to the operator on stderr, to append by hand before --resume.
 */
import { JournalWriteError, type Journal, type JournalEntry } from '../../incident/journal.ts';

export class JournalKeeper {
  readonly #lost: Array<{ input?: string; error: JournalWriteError }> = [];
  #written = 0;

  constructor(readonly journal: Journal) {}

  /** Appends the entry; false (and the line kept) when the disk refused it. Other errors are bugs and propagate. */
  record(entry: JournalEntry): boolean {
    try {
      this.journal.append(entry);
      this.#written++;
      return true;
    } catch (error) {
      if (!(error instanceof JournalWriteError)) throw error;
      this.#lost.push({ ...(entry.input !== undefined ? { input: entry.input } : {}), error });
      return false;
    }
  }

  get failed(): boolean {
    return this.#lost.length > 0;
  }

  /** The inputs (bulk list entries) whose line is missing from the journal. */
  get lostInputs(): string[] {
    return this.#lost.flatMap(({ input }) => (input !== undefined ? [input] : []));
  }

  /** Why the journal failed, in one phrase: the first refusal (later ones are nearly always the same). */
  get reason(): string | undefined {
    return this.#lost[0]?.error.message;
  }

  /**
   * The stderr report: one line saying what is missing and what to do, then each missing journal
   * line as it would have been written (already redacted), so `grep '^{'` recovers them.
   */
  report(done: string): string | undefined {
    const first = this.#lost[0];
    if (!first) return undefined;
    const total = this.#lost.length + this.#written;
    const count = total === 1 ? 'its entry is' : `${this.#lost.length} of ${total} entries are`;
    const lines = [
      `realmguard: ${done}, but ${first.error.message}: ${count} not in the journal — append the JSON line${this.#lost.length === 1 ? '' : 's'} below to it (before any --resume)`,
      ...this.#lost.map(({ error }) => error.line),
    ];
    return `${lines.join('\n')}\n`;
  }
}
