/**
 * InputError: something a user can fix in what they gave us (a file, a value, an option).
 * It carries where (file, line, column, key path) and what to do; the CLI prints it as one
 * line and exits 2, never with a stack trace.
 */
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

  /** One line: file:line:column: key: message (hint). */
  format(): string {
    const { file, line, column, keyPath } = this.location;
    const where = [file, line, line !== undefined ? column : undefined].filter((part) => part !== undefined).join(':');
    const parts = [where, keyPath ? `${keyPath}` : undefined, this.message].filter(Boolean);
    return parts.join(': ') + (this.hint ? ` — ${this.hint}` : '');
  }
}

/** Several input problems found in one pass (for example every schema violation of a file). */
export class InputErrors extends Error {
  override name = 'InputErrors';
  constructor(readonly errors: InputError[]) {
    super(errors.map((error) => error.format()).join('\n'));
  }
}
