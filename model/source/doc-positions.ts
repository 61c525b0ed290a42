/**
 * Positions inside a parsed document, keyed by the document's own path (keys and list indexes,
 * e.g. ['clients', 0, 'redirectUris']). Adapters translate these to model paths; schema errors
 * use them directly. Lines and columns are 1-based.
 *
 * A 10 MB export has hundreds of thousands of keys, so positions are text offsets turned into
 * line/column only when asked for. YAML records every offset while its parser has them (under
 * string keys); JSON records none and finds the offset of a path when asked (JsonOffsets).
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

/** Finds the offset of a path on demand, for texts whose offsets are not recorded up front. */
export interface OffsetLookup {
  offsetOf(path: DocPath): number | undefined;
}

export class DocPositions {
  private readonly offsets = new Map<string, number>();
  private lineStarts: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly lookup?: OffsetLookup,
  ) {}

  setOffset(key: string, offset: number): void {
    this.offsets.set(key, offset);
  }

  get(path: DocPath): LineColumn | undefined {
    const offset = this.lookup ? this.lookup.offsetOf(path) : this.offsets.get(docPathKey(path));
    return offset === undefined ? undefined : this.lineColumn(offset);
  }

  getByKey(key: string): LineColumn | undefined {
    if (this.lookup) return this.get(key === '' ? [] : key.split(SEPARATOR));
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

  private lineColumn(offset: number): LineColumn {
    this.lineStarts ??= lineStartsOf(this.text);
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

/**
 * Where each line starts, in a typed array that doubles when full: half a million lines of a
 * 5,000-client export pushed onto a plain array cost more in copying and collection than in
 * finding, and counting them first read the text twice.
 */
function lineStartsOf(text: string): Int32Array {
  let starts = new Int32Array(1024);
  let lines = 1; // starts[0] is 0: the first line
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (lines === starts.length) {
      const bigger = new Int32Array(starts.length * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[lines++] = index + 1;
  }
  return starts.subarray(0, lines);
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
