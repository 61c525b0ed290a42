/**
 * safeJson(value) in pieces: the same bytes as `safeJson(value)` (JSON.stringify with an indent
 * of 2, then the escapes for bidi and C1 controls), produced without ever holding the whole
 * document as one string. A report of 10,000 findings is a 7 MB document; built whole, it cost
 * the string, its escaped copy and a Buffer of it at once.
 *
 * Only the way down to a large array is opened by hand (the document, SARIF's runs, the findings
 * array); every element of a large array, and everything not on the way to one, is serialized
 * whole by safeJson, so escaping and JSON's rules stay the one implementation's.
 *
 * A list can also be made while it is written: the document holds an empty array in its place,
 * and `made` maps that array to the list's elements, made a slice at a time. Then not even the
 * data of the list (10,000 finding objects) is whole in memory.
 */
import { safeJson } from '../../model/source/visible-text.ts';

/**
 * An array of more than this many elements is written this many elements at a time (a piece of
 * about 50 KB for findings): few enough calls that their overhead does not show, small enough
 * that no piece is large.
 */
const ELEMENTS_PER_PIECE = 64;
const INDENT = '  ';

/** Elements made a slice at a time, as they are written (an array is one too). */
export interface MadeWhileWritten<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/** Where each empty array of a document stands for a list made while it is written. */
export type MadeLists = ReadonlyMap<readonly unknown[], MadeWhileWritten<unknown>>;

export function* safeJsonChunks(value: unknown, made: MadeLists = new Map()): Generator<string, void, undefined> {
  const serialized = toJsonValue(value, '');
  if (serialized === undefined) throw new TypeError('safeJsonChunks: the value has no JSON form');
  const written = new Set<readonly unknown[]>();
  yield* chunksOf(serialized, '', made, written);
  // A list placed deeper than large arrays are looked for would have been written as []: say so.
  if (written.size !== made.size) throw new Error('safeJsonChunks: a made list was not reached');
}

/** The items of `items`, each made by `make` only when its slice is written. */
export function madeFrom<T, U>(items: readonly T[], make: (item: T) => U): MadeWhileWritten<U> {
  return { length: items.length, slice: (start, end) => items.slice(start, end).map(make) };
}

/** Several made lists one after another, as one. */
export function madeInOrder<T>(...lists: MadeWhileWritten<T>[]): MadeWhileWritten<T> {
  return {
    length: lists.reduce((sum, list) => sum + list.length, 0),
    slice(start, end) {
      const elements: T[] = [];
      let offset = 0;
      for (const list of lists) {
        const from = Math.max(start - offset, 0);
        const to = Math.min(end - offset, list.length);
        if (from < to) elements.push(...list.slice(from, to));
        offset += list.length;
      }
      return elements;
    },
  };
}

/** Every element of a made list, as an array: for callers that want the data whole. */
export function everyElement<T>(list: MadeWhileWritten<T>): T[] {
  return list.slice(0, list.length);
}

function* chunksOf(
  value: unknown,
  indent: string,
  made: MadeLists,
  written: Set<readonly unknown[]>,
): Generator<string, void, undefined> {
  if (!holdsLargeArray(value, made)) {
    yield indented(safeJson(value), indent);
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    const list = made.get(value) ?? (value as unknown[]);
    if (list !== value) written.add(value);
    if (list.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let start = 0; start < list.length; start += ELEMENTS_PER_PIECE) {
      const elements = list.slice(start, start + ELEMENTS_PER_PIECE);
      if (elements.every((element) => isPlainElement(element, made))) {
        yield `${start === 0 ? '' : ','}\n${inner}${elementsText(elements, inner)}`;
        continue;
      }
      for (const [offset, item] of elements.entries()) {
        yield `${start + offset === 0 ? '' : ','}\n${inner}`;
        const element = toJsonValue(item, String(start + offset));
        // JSON.stringify writes what has no JSON form (undefined, a function) as null in an array.
        if (element === undefined) yield 'null';
        else yield* chunksOf(element, inner, made, written);
      }
    }
    yield `\n${indent}]`;
    return;
  }
  // holdsLargeArray() is true only for arrays and objects.
  const object = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(object)) {
    const member = toJsonValue(object[key], key);
    if (member === undefined) continue; // JSON.stringify leaves such a member out
    yield `${first ? '{' : ','}\n${inner}${safeJson(key)}: `;
    first = false;
    yield* chunksOf(member, inner, made, written);
  }
  // An object that holds a large array has at least that member, so it is never `{}` here.
  yield `\n${indent}}`;
}

/** What JSON.stringify would serialize for `value` under `key`: toJSON() applied, undefined for no JSON form. */
function toJsonValue(value: unknown, key: string): unknown {
  const own =
    typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function'
      ? (value as { toJSON: (key: string) => unknown }).toJSON(key)
      : value;
  return own === undefined || typeof own === 'function' || typeof own === 'symbol' ? undefined : own;
}

/**
 * How far down a large array is looked for: SARIF's results are three levels below the log
 * (runs, the run, results). Deeper ones are serialized with what holds them: the output is the
 * same either way, the search only decides which parts are written piece by piece.
 */
const SEARCH_DEPTH = 3;

/** True when a large array or a made list is this value or lies at most `depth` levels under it. */
function holdsLargeArray(value: unknown, made: MadeLists, depth: number = SEARCH_DEPTH): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    if (value.length > ELEMENTS_PER_PIECE || made.has(value)) return true;
    if (depth === 0) return false;
    for (const element of value) if (holdsLargeArray(element, made, depth - 1)) return true;
    return false;
  }
  if (depth === 0) return false;
  // Objects with toJSON, boxed primitives and the like are left to JSON.stringify whole.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  const object = value as Record<string, unknown>;
  for (const key in object) if (holdsLargeArray(object[key], made, depth - 1)) return true;
  return false;
}

/** A value serialized at the top level, moved to the depth it sits at: JSON text has no raw newline inside a string. */
function indented(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** An element that safeJson may serialize as part of a slice: no toJSON (it would get the slice's index), no large array. */
function isPlainElement(element: unknown, made: MadeLists): boolean {
  if (typeof element !== 'object' || element === null) return true;
  return typeof (element as { toJSON?: unknown }).toJSON !== 'function' && !holdsLargeArray(element, made);
}

/**
 * Elements of an array, as safeJson writes them at `indent`, separated by commas: one safeJson
 * call for the slice, nested as deep as the array sits so its indentation comes out right, the
 * brackets of the nesting cut off (a cut, not a copy).
 */
function elementsText(elements: unknown[], indent: string): string {
  const depth = indent.length / INDENT.length;
  let nested: unknown = elements;
  for (let level = 1; level < depth; level++) nested = [nested];
  const text = safeJson(nested);
  // Before the first element: "[\n" and the indentation of each level down to the elements';
  // after the last: a newline, the indentation and "]" of each level back up to the top.
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    head += 2 + INDENT.length * (level + 1);
    tail += 2 + INDENT.length * level;
  }
  return text.slice(head, text.length - tail);
}
