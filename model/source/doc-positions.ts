/**
 * Positions inside a parsed document, keyed by the document's own path (keys and list indexes,
 * e.g. ['clients', 0, 'redirectUris']). Adapters translate these to model paths; schema errors
 * use them directly. Lines and columns are 1-based.
 */
export type DocPath = readonly (string | number)[];

export interface LineColumn {
  line: number;
  column: number;
}

export class DocPositions {
  private readonly byPath = new Map<string, LineColumn>();

  set(path: DocPath, position: LineColumn): void {
    this.byPath.set(docPathKey(path), position);
  }

  get(path: DocPath): LineColumn | undefined {
    return this.byPath.get(docPathKey(path));
  }

  /** The position of the path, or of its nearest ancestor that has one. */
  nearest(path: DocPath): LineColumn | undefined {
    for (let length = path.length; length >= 0; length--) {
      const position = this.byPath.get(docPathKey(path.slice(0, length)));
      if (position) return position;
    }
    return undefined;
  }

  get size(): number {
    return this.byPath.size;
  }
}

export function docPathKey(path: DocPath): string {
  return path.join('\u0000');
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
