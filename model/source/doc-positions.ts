/**
 * Positions inside a parsed document, keyed by the document's own path (keys and list indexes,
 * e.g. ['clients', 0, 'redirectUris']). Adapters translate these to model paths; schema errors
 * use them directly. Lines and columns are 1-based.
 *
 * A 10 MB export has hundreds of thousands of keys, so positions are stored as text offsets
 * under string keys and turned into line/column only when asked for.
 */
export type DocPath = readonly (string | number)[];

export interface LineColumn {
  line: number;
  column: number;
}

const SEPARATOR = '\u0000';

export function docPathKey(path: DocPath): string {
  return path.join(SEPARATOR);
}

/** The key of a child of `parentKey` (the root's key is ''). */
export function childKey(parentKey: string, part: string | number): string {
  return parentKey === '' ? String(part) : `${parentKey}${SEPARATOR}${part}`;
}

export class DocPositions {
  private readonly offsets = new Map<string, number>();
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {}

  setOffset(key: string, offset: number): void {
    this.offsets.set(key, offset);
  }

  get(path: DocPath): LineColumn | undefined {
    return this.getByKey(docPathKey(path));
  }

  getByKey(key: string): LineColumn | undefined {
    const offset = this.offsets.get(key);
    return offset === undefined ? undefined : this.lineColumn(offset);
  }

  /** The position of the path, or of its nearest ancestor that has one. */
  nearest(path: DocPath): LineColumn | undefined {
    for (let length = path.length; length >= 0; length--) {
      const position = this.get(path.slice(0, length));
      if (position) return position;
    }
    return undefined;
  }

  get size(): number {
    return this.offsets.size;
  }

  private lineColumn(offset: number): LineColumn {
    if (!this.lineStarts) {
      const starts = [0];
      for (let index = this.text.indexOf('\n'); index !== -1; index = this.text.indexOf('\n', index + 1)) starts.push(index + 1);
      this.lineStarts = starts;
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? Infinity) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A path as users read it: clients[0].attributes["pkce.code.challenge.method"]. */
export function formatDocPath(path: DocPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (PLAIN_KEY.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}
