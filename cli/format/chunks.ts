/**
 * Reports are produced as an iterable of string pieces (a line, a finding's JSON) and written as
 * they come: never the whole report in one string. These are the helpers every format shares.
 */

/** A report in pieces, in order. Concatenated, they are the report. */
export type ReportChunks = Iterable<string>;

/**
 * About one pipe buffer (Linux: 64 KiB) per write: one piece per write would cost a system call
 * per line; the whole report per write would hold it in memory whole.
 */
export const CHUNK_CHARACTERS = 64 * 1024;

/** Joins small pieces into chunks of at least `size` characters (the last may be shorter); never splits a piece. */
export function* grouped(pieces: ReportChunks, size: number = CHUNK_CHARACTERS): Generator<string, void, undefined> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** The report as one string, for callers that want it whole (tests, the library, small reports). */
export function joined(pieces: ReportChunks): string {
  let text = '';
  for (const piece of pieces) text += piece;
  return text;
}

/** Each line followed by a newline: the pieces of `lines.join('\n') + '\n'`. */
export function* asLines(lines: Iterable<string>): Generator<string, void, undefined> {
  for (const line of lines) yield `${line}\n`;
}

/**
 * The pieces of `text.trimEnd() + '\n'` where `text` is the pieces joined: whitespace at the
 * end is held back until something other than whitespace follows it, and dropped at the end.
 */
export function* trimmedEnd(pieces: ReportChunks): Generator<string, void, undefined> {
  let held = '';
  for (const piece of pieces) {
    const kept = piece.trimEnd();
    if (kept === '') {
      held += piece;
      continue;
    }
    yield held + kept;
    held = piece.slice(kept.length);
  }
  yield '\n';
}
