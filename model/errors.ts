/**
 * InputError: something a user can fix in what they gave us (a file, a value, an option).
 * It carries where (file, line, column, key path) and what to do; the CLI prints it as one
 * line and exits 2, never with a stack trace.
 */
import { visible } from './source/visible-text.ts';

export interface InputErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  /** Dotted key path inside the document, e.g. 'clients[0].redirectUris'. */
  keyPath?: string;
}

export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly location: InputErrorLocation = {},
    /** What to do about it. */
    readonly hint?: string,
  ) {
    super(message);
  }

  /**
   * One line: file:line:column: key: message (hint). Keys, values and file names come from the
   * input, so control and bidi characters are shown as escapes (the line stays one line).
   */
  format(): string {
    const { file, line, column, keyPath } = this.location;
    const where = [file, line, line !== undefined ? column : undefined].filter((part) => part !== undefined).join(':');
    const parts = [where, keyPath, this.message].filter(Boolean);
    return visible(parts.join(': ') + (this.hint ? ` — ${this.hint}` : ''));
  }
}

/** Several input problems found in one pass (for example every schema violation of a file). */
export class InputErrors extends Error {
  override name = 'InputErrors';
  constructor(readonly errors: InputError[]) {
    super(errors.map((error) => error.format()).join('\n'));
  }
}

/**
 * The single problems inside an input error, an InputErrors flattened to its items. Anything
 * else (a bug, not the user's input) is rethrown, so a catch block can collect with
 * `problems.push(...inputProblemsOf(error))` and still let crashes through.
 */
export function inputProblemsOf(error: unknown): InputError[] {
  if (error instanceof InputError) return [error];
  if (error instanceof InputErrors) return [...error.errors];
  throw error;
}

/**
 * Ends a pass that collected every input problem before giving up: returns when there is none,
 * throws the InputError itself when there is one and InputErrors (nested lists flattened) when
 * there are more. `asList` throws InputErrors even for one, for callers that promise a list.
 */
export function throwIfAny(
  problems: ReadonlyArray<InputError | InputErrors>,
  options: { asList?: boolean } = {},
): void {
  const flat = problems.flatMap((problem) => inputProblemsOf(problem));
  const [first] = flat;
  if (first === undefined) return;
  if (flat.length === 1 && !options.asList) throw first;
  throw new InputErrors(flat);
}
