/**
 * safeJson(value) in pieces: the same bytes as `safeJson(value)` (JSON.stringify with an indent
 * of 2, then the escapes for bidi and C1 controls), produced without ever holding the whole
 * document as one string. A report of 10,000 findings is a 7 MB document; built whole, it cost
 * the string, its escaped copy and a Buffer of it at once.
 *
 * Only the way down to a large array is opened by hand (the document, SARIF's runs, the findings
 * array); every element of a large array, and everything not on the way to one, is serialized
 * whole by safeJson, so escaping and JSON's rules stay the one implementation's.
 */
import { safeJson } from '../../model/source/visible-text.ts';

/** An array of at least this many elements is written element by element. */
const LARGE_ARRAY = 64;
const INDENT = '  ';

export function* safeJsonChunks(value: unknown): Generator<string, void, undefined> {
  const serialized = toJsonValue(value, '');
  if (serialized === undefined) throw new TypeError('safeJsonChunks: the value has no JSON form');
  yield* chunksOf(serialized, '');
}

function* chunksOf(value: unknown, indent: string): Generator<string, void, undefined> {
  if (!holdsLargeArray(value)) {
    yield indented(safeJson(value), indent);
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    yield '[';
    for (let index = 0; index < value.length; index++) {
      yield `${index === 0 ? '' : ','}\n${inner}`;
      const element = toJsonValue(value[index] as unknown, String(index));
      // JSON.stringify writes what has no JSON form (undefined, a function) as null in an array.
      if (element === undefined) yield 'null';
      else yield* chunksOf(element, inner);
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
    yield* chunksOf(member, inner);
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
 * True when a large array is this value or lies anywhere under it. The search walks what it does
 * not find, once per level it is asked at: a fraction of what serializing the same values costs.
 */
function holdsLargeArray(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.length >= LARGE_ARRAY || value.some(holdsLargeArray);
  // Objects with toJSON, boxed primitives and the like are left to JSON.stringify whole.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).some(holdsLargeArray);
}

/** A value serialized at the top level, moved to the depth it sits at: JSON text has no raw newline inside a string. */
function indented(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}
