/**
 * Where a key or list item of a JSON text starts, found on demand. The value itself comes from
 * JSON.parse; this reads the text again only along the paths someone asks about (a finding, an
 * input error), and remembers what it found, so asking about the same object again costs a map
 * lookup.
 *
 * It reads no more of the text than it must. The container index of the structure pass
 * (json-structure.ts, which parse-text.ts runs anyway for the duplicate-key check) says where every
 * object and list ends, so stepping over a nested value is one binary search; and a key without
 * escapes is found with a native search for `"name"` inside its object, not by reading the members
 * before it. On a 5,000-client export, positions for 10,000 findings went from reading every member
 * of every client asked about (Maps of 200,000 members) to a few searches per client.
 *
 * It expects text that JSON.parse accepted and that has no duplicate keys (parse-text.ts
 * guarantees both before it builds one): it does not check syntax again.
 */
import type { DocPath } from './doc-positions.ts';
import { scanJsonStructure, stringEnd, type JsonContainers } from './json-structure.ts';

/**
 * The members of an object as offsets, two per member: where its key's opening quote is and
 * where the closing one is. No key text is copied: a lookup compares the text in place.
 */
class ObjectMembers {
  readonly bounds: number[] = [];
  /** The decoded name of each key written with an escape, by the offset of its opening quote. */
  escaped: Map<number, string> | undefined;
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Names a search can find as written: no quote, backslash, control character, space or JSON
 * punctuation, so `"name"` can only be where a string opens, never right after one closes.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it excludes
const SEARCHABLE_KEY = /^[^"\\\u0000-\u0020,:{}[\]]+$/;

export class JsonOffsets {
  private readonly lists = new Map<number, number[]>();
  private readonly objects = new Map<number, ObjectMembers>();
  /** Keys looked up so far, per object (by where it opens): where each starts, -1 when absent. */
  private readonly keys = new Map<number, Map<string, number>>();
  private containers: JsonContainers | undefined;
  private backslashes: BackslashBlocks | undefined;

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
    const { text } = this;
    let at = skipWhitespace(text, 0);
    let found = at;
    for (const part of path) {
      const code = text.charCodeAt(at);
      if (code === OPEN_BRACKET) {
        const index = typeof part === 'number' ? part : /^\d+$/.test(part) ? Number(part) : -1;
        const item = this.listAt(at)[index];
        if (item === undefined) return undefined;
        found = at = item;
      } else if (code === OPEN_BRACE) {
        const key = this.keyOffset(at, String(part));
        if (key === undefined) return undefined;
        found = key;
        at = skipWhitespace(text, skipWhitespace(text, stringEnd(text, key) + 1) + 1); // past the colon
      } else return undefined;
    }
    return found;
  }

  private listAt(start: number): number[] {
    let items = this.lists.get(start);
    if (!items) this.lists.set(start, (items = this.readList(start)));
    return items;
  }

  /** Where the key `name` of the object opening at `start` starts, if it has one. */
  private keyOffset(start: number, name: string): number | undefined {
    let known = this.keys.get(start);
    const found = known?.get(name);
    if (found !== undefined) return found < 0 ? undefined : found;
    const end = this.containerEnd(start);
    // Without a backslash in the object, every key is written as itself: a native search finds it.
    const offset =
      SEARCHABLE_KEY.test(name) && !this.hasBackslash(start, end)
        ? this.searchKey(start, end, name)
        : this.memberKey(start, name);
    if (!known) this.keys.set(start, (known = new Map<string, number>()));
    known.set(name, offset ?? -1);
    return offset;
  }

  /**
   * Finds `"name"` followed by a colon directly in the object between `start` and `end`: text
   * inside a nested object or list is stepped over with it, and the same text as a string value
   * has no colon after it.
   */
  private searchKey(start: number, end: number, name: string): number | undefined {
    const { text } = this;
    const needle = `"${name}"`;
    // The search stays inside the object: on the whole text, a key the object lacks would be
    // searched for up to the end of the file. (A slice of a long string shares its characters.)
    const object = text.slice(0, end);
    for (let from = start + 1; ;) {
      const found = object.indexOf(needle, from);
      if (found === -1) return undefined;
      const nested = this.structure().nestedEnd(start, found);
      if (nested !== undefined) from = nested + 1;
      else if (text.charCodeAt(skipWhitespace(text, found + needle.length)) === COLON) return found;
      else from = found + needle.length;
    }
  }

  /** Reads the object's members (once) and finds the key among them, decoding escaped keys. */
  private memberKey(start: number, name: string): number | undefined {
    let members = this.objects.get(start);
    if (!members) this.objects.set(start, (members = this.readObject(start)));
    const { text } = this;
    const { bounds, escaped } = members;
    for (let index = 0; index < bounds.length; index += 2) {
      const key = bounds[index] ?? 0;
      const decoded = escaped?.get(key);
      const matches =
        decoded === undefined
          ? (bounds[index + 1] ?? 0) - key - 1 === name.length && text.startsWith(name, key + 1)
          : decoded === name;
      if (matches) return key;
    }
    return undefined;
  }

  private readObject(start: number): ObjectMembers {
    const { text } = this;
    const members = new ObjectMembers();
    const values = this.valueSkipper(start);
    let at = skipWhitespace(text, start + 1);
    while (text.charCodeAt(at) === QUOTE) {
      const end = stringEnd(text, at);
      members.bounds.push(at, end);
      // Only a key with an escape needs decoding; JSON.parse does it exactly as it did for the value.
      if (this.hasBackslash(at, end))
        (members.escaped ??= new Map()).set(at, JSON.parse(text.slice(at, end + 1)) as string);
      let value = skipWhitespace(text, end + 1);
      if (text.charCodeAt(value) === COLON) value = skipWhitespace(text, value + 1);
      at = skipWhitespace(text, values.skip(value));
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return members;
  }

  private readList(start: number): number[] {
    const { text } = this;
    const items: number[] = [];
    const values = this.valueSkipper(start);
    let at = skipWhitespace(text, start + 1);
    while (at < text.length && text.charCodeAt(at) !== CLOSE_BRACKET) {
      items.push(at);
      at = skipWhitespace(text, values.skip(at));
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return items;
  }

  /**
   * Steps over the values of the container opening at `start`, in order: a nested object or list
   * is always the next container of the index, so stepping over it is a lookup, not a search.
   */
  private valueSkipper(start: number): { skip: (value: number) => number } {
    const { text } = this;
    const containers = this.structure();
    let next = containers.numberFrom(start) + 1;
    return {
      skip: (value) => {
        if (value === containers.startOf(next)) {
          const end = containers.endOf(next) + 1;
          next = containers.after(next);
          return end;
        }
        return text.charCodeAt(value) === QUOTE ? stringEnd(text, value) + 1 : literalEnd(text, value);
      },
    };
  }

  /** Whether the text between `from` and `to` holds a backslash. */
  private hasBackslash(from: number, to: number): boolean {
    this.backslashes ??= new BackslashBlocks(this.text);
    return this.backslashes.within(from, to);
  }

  private structure(): JsonContainers {
    this.containers ??= scanJsonStructure(this.text).containers;
    return this.containers;
  }

  /** The offset just after the object or list opening at `start`. */
  private containerEnd(start: number): number {
    const containers = this.structure();
    const number = containers.numberFrom(start);
    return containers.startOf(number) === start ? containers.endOf(number) + 1 : this.text.length;
  }
}

const BLOCK_BITS = 12; // blocks of 4,096 characters

/**
 * Which blocks of a text hold a backslash, so asking whether a stretch of it has one reads only
 * the blocks that do. A text's backslashes sit in a few places (escaped quotes in the users'
 * credential data of an export), while positions are asked for all over the file, in each
 * rule's order: one search from where each question starts read megabytes of backslash-free
 * clients again whenever a rule went back up the file.
 */
class BackslashBlocks {
  private readonly marked: Uint8Array;

  constructor(private readonly text: string) {
    this.marked = new Uint8Array((text.length >> BLOCK_BITS) + 1);
    // One search per block that has a backslash: the next one starts at the next block.
    for (let at = text.indexOf('\\'); at !== -1; at = text.indexOf('\\', ((at >> BLOCK_BITS) + 1) << BLOCK_BITS))
      this.marked[at >> BLOCK_BITS] = 1;
  }

  /** Whether text[from, to) holds a backslash. */
  within(from: number, to: number): boolean {
    for (let block = from >> BLOCK_BITS; block << BLOCK_BITS < to; block++) {
      if (this.marked[block] !== 1) continue;
      // A slice of a long string shares its characters: the search stops at `to`.
      return this.text.slice(0, to).indexOf('\\', Math.max(from, block << BLOCK_BITS)) !== -1;
    }
    return false;
  }
}

/** The offset just after a literal (number, true, false, null): the comma, bracket or space after it. */
function literalEnd(text: string, start: number): number {
  let end = start;
  for (
    let next = text.charCodeAt(end);
    end < text.length && next !== COMMA && next !== CLOSE_BRACE && next !== CLOSE_BRACKET && !isWhitespace(next);
    next = text.charCodeAt(++end)
  );
  return end;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipWhitespace(text: string, offset: number): number {
  let at = offset;
  while (isWhitespace(text.charCodeAt(at))) at++;
  return at;
}
