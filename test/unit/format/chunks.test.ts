/** The piece helpers every streamed report uses: grouping, joining, lines and the trimmed end. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asLines, grouped, joined, trimmedEnd } from '../../../cli/format/chunks.ts';

describe('grouped', () => {
  it('joins pieces into chunks of at least the size, never splitting one, losing nothing', () => {
    const pieces = Array.from({ length: 1_000 }, (_, index) => `line ${index}\n`);
    const chunks = [...grouped(pieces, 1_024)];
    expect(chunks.join('')).toBe(pieces.join(''));
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1_024);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeLessThan(1_024 + 'line 999\n'.length);
    // Every chunk ends at the end of a piece.
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
  });

  it('gives nothing for nothing, and one chunk for a short report', () => {
    expect([...grouped([])]).toEqual([]);
    expect([...grouped(['', ''])]).toEqual([]);
    expect([...grouped(['a', 'b'])]).toEqual(['ab']);
  });
});

describe('asLines and trimmedEnd', () => {
  it("asLines gives lines.join('\\n') + '\\n'", () => {
    expect(joined(asLines(['a', '', 'b']))).toBe('a\n\nb\n');
  });

  it("trimmedEnd gives text.trimEnd() + '\\n', however the text is cut into pieces", () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('', ' ', '\n', '\t \n', ' x ', '\u00a0', '\u2028'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(joined(trimmedEnd(pieces))).toBe(`${pieces.join('').trimEnd()}\n`);
      }),
      { numRuns: 2_000, seed: 20_261_201 },
    );
  });
});
