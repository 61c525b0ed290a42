/**
 * safeJsonChunks() must give the bytes of safeJson() exactly: the same JSON, the same indentation,
 * the same escapes for bidi and C1 controls, the same rules for undefined, functions and toJSON.
 * Large arrays (the only parts written piece by piece) are put where the reports have them, and
 * at random depths by the property test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyElement, madeFrom, madeInOrder, safeJsonChunks } from '../../../cli/format/json-chunks.ts';
import { safeJson } from '../../../model/source/visible-text.ts';
import { hostileJson } from '../fuzz/arbitraries.ts';

const streamed = (value: unknown) => [...safeJsonChunks(value)];
const many = <T>(count: number, item: (index: number) => T) => Array.from({ length: count }, (_, index) => item(index));

describe('safeJsonChunks', () => {
  it.each([
    [
      'a findings document',
      { tool: 'x', summary: { total: 2 }, findings: many(100, (i) => ({ id: i, path: ['a', 'b'] })) },
    ],
    [
      'a SARIF log: the large array three levels down',
      { runs: [{ tool: { rules: [] }, results: many(70, (i) => i) }] },
    ],
    ['a large array of arrays', many(80, (i) => many(i % 3, () => 'x'))],
    ['a large array of large arrays, at depth two', { a: { b: many(70, (i) => many(65 + (i % 2), (j) => j)) } }],
    ['an array of exactly one slice, and one of a slice and one more', [many(64, (i) => i), many(65, (i) => i)]],
    ['empty containers beside a large array', { a: [], b: {}, c: many(64, () => null), d: [{}] }],
    ['no large array at all', { a: [1, 2], b: { c: 'd' } }],
    ['primitives', 'text'],
    ['a number', 42],
    ['null', null],
  ])('%s: the same text as safeJson', (_name, value) => {
    expect(streamed(value).join('')).toBe(safeJson(value));
  });

  it('a large array is written a slice at a time: many pieces, none near the size of the document', () => {
    const value = { findings: many(1_000, (i) => ({ id: i, message: `finding ${i}` })) };
    const pieces = streamed(value);
    const total = pieces.join('').length;
    expect(pieces.length).toBeGreaterThanOrEqual(1_000 / 64);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(total / 10);
  });

  it('leaves out what JSON leaves out, writes null where JSON does, calls toJSON with its key', () => {
    const keys: string[] = [];
    const stamp = { toJSON: (key: string) => (keys.push(key), `stamp:${key}`) };
    const value = {
      gone: undefined,
      fn: () => 1,
      symbol: Symbol('s'),
      date: new Date(0),
      stamped: stamp,
      list: [undefined, () => 1, Symbol('t'), stamp, ...many(64, (i) => i)],
      // A hole reads as undefined: JSON writes null.
      // eslint-disable-next-line no-sparse-arrays
      holes: [1, , 3, ...many(64, () => 0)],
    };
    expect(streamed(value).join('')).toBe(safeJson(value));
    expect(keys).toEqual(['stamped', '3', 'stamped', '3']); // once for us, once for safeJson
  });

  it('escapes bidi and C1 controls and U+2028 in keys and values, as safeJson does', () => {
    const hostile = 'a\u202eb\u0085c\u2028d\u007f\u001b';
    const value = { [hostile]: many(70, () => ({ [hostile]: hostile })) };
    const text = streamed(value).join('');
    expect(text).toBe(safeJson(value));
    expect(text).not.toMatch(/[\u007f-\u009f\u202e\u2028]/);
    expect(text).not.toContain(String.fromCharCode(0x1b));
  });

  it('refuses a value with no JSON form, as a report must have one', () => {
    expect(() => streamed(undefined)).toThrow(/no JSON form/);
  });

  it('any value, placed in large arrays at any depth: the same text as safeJson', () => {
    const large = fc.array(hostileJson, { minLength: 64, maxLength: 70 });
    const nested = fc.oneof(
      large,
      fc.record({ before: hostileJson, items: large, after: hostileJson }),
      fc.tuple(fc.record({ inner: fc.array(large, { maxLength: 2 }) }), hostileJson),
    );
    fc.assert(
      fc.property(nested, (value) => {
        expect(streamed(value).join('')).toBe(safeJson(value));
      }),
      { numRuns: 300, seed: 20_261_201 },
    );
  });
});

describe('lists made while they are written', () => {
  const items = many(300, (i) => i);
  const make = (i: number) => ({ id: i, name: `item ${i}\u202e` });

  it('give the text of the document with the lists in place, made a slice at a time', () => {
    let made = 0;
    const list = madeFrom(items, (i) => (made++, make(i)));
    const placeholder: unknown[] = [];
    const document = { summary: { total: 300 }, items: placeholder, small: [1, 2] };
    let text = '';
    for (const piece of safeJsonChunks(document, new Map([[placeholder, list]]))) {
      text += piece;
      // Never more made than one slice beyond what is written.
      expect(made).toBeLessThanOrEqual(text.split('"id"').length - 1 + 64);
    }
    expect(made).toBe(300);
    expect(text).toBe(safeJson({ ...document, items: items.map(make) }));
  });

  it('an empty made list is [], as JSON writes an empty array', () => {
    const placeholder: unknown[] = [];
    const text = [...safeJsonChunks({ a: placeholder }, new Map([[placeholder, madeFrom([], make)]]))].join('');
    expect(text).toBe(safeJson({ a: [] }));
  });

  it('madeInOrder: one list after the other, any slice of it', () => {
    const joined = madeInOrder(
      madeFrom(
        many(5, (i) => i),
        String,
      ),
      madeFrom([], String),
      madeFrom([5, 6, 7], String),
    );
    expect(joined.length).toBe(8);
    expect(everyElement(joined)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(joined.slice(3, 7)).toEqual(['3', '4', '5', '6']);
    expect(joined.slice(6, 100)).toEqual(['6', '7']);
  });

  it('a made list placed deeper than lists are looked for is an error, not a silent []', () => {
    const placeholder: unknown[] = [];
    const deep = { a: { b: { c: { d: placeholder } } } };
    expect(() => [...safeJsonChunks(deep, new Map([[placeholder, madeFrom(items, make)]]))]).toThrow(/not reached/);
  });
});
