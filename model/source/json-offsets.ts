/**
 * Where a key or list item of a JSON text starts, found on demand. The value itself comes from
 * JSON.parse; this reads the text again only along the paths someone asks about (a finding, an
 * input error), and remembers the children of every object and list it has read once, so asking
 * about every field of every client reads each client's members once, not once per question.
 *
 * Stepping over a nested value is one binary search in the container index of the structure pass
 * (json-structure.ts), which parse-text.ts runs anyway for the duplicate-key check: so a lookup
 * reads only the members of the objects on its path, never the text of what it steps over.
 *
 * It expects text that JSON.parse accepted and that has no duplicate keys (parse-text.ts
 * guarantees both before it builds one): it does not check syntax again.
 */
import type { DocPath } from './doc-positions.ts';
import { scanJsonStructure, stringEnd, type JsonContainers } from './json-structure.ts';

interface Member {
  /** Where the key's opening quote is: what a position points at for a property. */
  key: number;
  /** Where its value starts: where the lookup goes on from. */
  value: number;
}

type Children = Map<string, Member> | number[];

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** What ends a literal (number, true, false, null). */
const LITERAL_END = /[,}\]\s]/g;

export class JsonOffsets {
  private readonly children = new Map<number, Children>();
  private containers: JsonContainers | undefined;

  /** @param containers the text's container index, when the caller has scanned it already. */
  constructor(
    private readonly text: string,
    containers?: JsonContainers,
  ) {
    this.containers = containers;
  }

  /**
   * The offset of the value at `path` (for an object property: of its key), or undefined when
   * the text has no such path. Parts may be strings for list indexes ("3"), as document keys
   * hold them.
   */
  offsetOf(path: DocPath): number | undefined {
    let at = skipWhitespace(this.text, 0);
    let found = at;
    for (const part of path) {
      const children = this.childrenAt(at);
      if (Array.isArray(children)) {
        const index = typeof part === 'number' ? part : /^\d+$/.test(part) ? Number(part) : -1;
        const item = children[index];
        if (item === undefined) return undefined;
        found = at = item;
      } else {
        const member = children?.get(String(part));
        if (!member) return undefined;
        found = member.key;
        at = member.value;
      }
    }
    return found;
  }

  private childrenAt(offset: number): Children | undefined {
    const known = this.children.get(offset);
    if (known) return known;
    const code = this.text.charCodeAt(offset);
    const read =
      code === OPEN_BRACE ? this.readObject(offset) : code === OPEN_BRACKET ? this.readList(offset) : undefined;
    if (read) this.children.set(offset, read);
    return read;
  }

  private readObject(offset: number): Map<string, Member> {
    const { text } = this;
    const members = new Map<string, Member>();
    let at = skipWhitespace(text, offset + 1);
    while (text.charCodeAt(at) === QUOTE) {
      const end = stringEnd(text, at);
      const raw = text.slice(at + 1, end);
      // Only a key with an escape needs decoding; JSON.parse does it exactly as it did for the value.
      const name = raw.includes('\\') ? (JSON.parse(text.slice(at, end + 1)) as string) : raw;
      const value = skipWhitespace(text, skipWhitespace(text, end + 1) + 1); // past the colon
      members.set(name, { key: at, value });
      at = skipWhitespace(text, this.skipValue(value));
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return members;
  }

  private readList(offset: number): number[] {
    const { text } = this;
    const items: number[] = [];
    let at = skipWhitespace(text, offset + 1);
    while (at < text.length && text[at] !== ']') {
      items.push(at);
      at = skipWhitespace(text, this.skipValue(at));
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return items;
  }

  /** The offset just after the value starting at `start`. */
  private skipValue(start: number): number {
    const { text } = this;
    const code = text.charCodeAt(start);
    if (code === QUOTE) return stringEnd(text, start) + 1;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      this.containers ??= scanJsonStructure(text).containers;
      return this.containers.endAfter(start) ?? text.length;
    }
    LITERAL_END.lastIndex = start;
    return LITERAL_END.exec(text)?.index ?? text.length;
  }
}

function skipWhitespace(text: string, offset: number): number {
  let at = offset;
  for (
    let code = text.charCodeAt(at);
    code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
    code = text.charCodeAt(++at)
  );
  return at;
}
