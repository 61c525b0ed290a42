/**
 * safeJsonChunks() must give the bytes of safeJson() exactly: the same JSON, the same indentation,
 * the same escapes for bidi and C1 controls, the same rules for undefined, functions and toJSON.
 * Large arrays (the only parts written piece by piece) are put where the reports have them, and
 * at random depths by the property test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJsonChunks } from '../../../cli/format/json-chunks.ts';
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
