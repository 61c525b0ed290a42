/**
 * Where a key or list item of a JSON text starts, found on demand. The value itself comes from
 * JSON.parse; this reads the text again only along the paths someone asks about (a finding, an
 * input error), and remembers the children of every object and list it has read once, so asking
 * about every field of every client costs one more pass over the text, not one per question.
 *
 * It expects text that JSON.parse accepted and that has no duplicate keys (parse-text.ts
 * guarantees both before it builds one): it does not check syntax again.
 */
import type { DocPath } from './doc-positions.ts';

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
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

/** The characters that matter while skipping over a nested value, and after a literal. */
const STRUCTURE = /["{}[\]]/g;
const LITERAL_END = /[,}\]\s]/g;
const STRUCTURE_OR_COLON = /[":]/g;

export class JsonOffsets {
  private readonly children = new Map<number, Children>();

  constructor(private readonly text: string) {}

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
      at = skipWhitespace(text, skipValue(text, value));
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
      at = skipWhitespace(text, skipValue(text, at));
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return items;
  }
}

/**
 * How many object members the text writes: the colons outside strings (in JSON a colon outside a
 * string only ever follows a key). Fewer keys in the parsed value than this means a duplicate.
 */
export function countMembers(text: string): number {
  let count = 0;
  STRUCTURE_OR_COLON.lastIndex = 0;
  for (let match = STRUCTURE_OR_COLON.exec(text); match; match = STRUCTURE_OR_COLON.exec(text)) {
    if (text.charCodeAt(match.index) === COLON) count++;
    else STRUCTURE_OR_COLON.lastIndex = stringEnd(text, match.index) + 1;
  }
  return count;
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

/** The offset of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end === -1 ? text.length : end;
}

/** A quote is escaped when an odd number of backslashes precede it. */
function isEscaped(text: string, quote: number): boolean {
  let before = quote - 1;
  while (text.charCodeAt(before) === BACKSLASH) before--;
  return (quote - 1 - before) % 2 === 1;
}

/** The offset just after the value starting at `start`. */
function skipValue(text: string, start: number): number {
  const code = text.charCodeAt(start);
  if (code === QUOTE) return stringEnd(text, start) + 1;
  if (code !== OPEN_BRACE && code !== OPEN_BRACKET) {
    LITERAL_END.lastIndex = start;
    return LITERAL_END.exec(text)?.index ?? text.length;
  }
  let depth = 0;
  STRUCTURE.lastIndex = start;
  for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
    const found = text.charCodeAt(match.index);
    if (found === QUOTE) STRUCTURE.lastIndex = stringEnd(text, match.index) + 1;
    else if (found === OPEN_BRACE || found === OPEN_BRACKET) depth++;
    else if (--depth === 0) return match.index + 1;
  }
  return text.length;
}
