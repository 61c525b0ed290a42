/**
 * JSON positions are found on demand (model/source/json-offsets.ts), not recorded while parsing.
 * These prove they are the very positions a full parse (jsonc-parser's tree) gives, for every key
 * and list item, whatever the layout: escaped and unicode keys, arrays of objects, CRLF, odd
 * spacing; and that what JSON.parse lets through silently is still refused with a position.
 */
import fc from 'fast-check';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { DocPositions, type DocPath, type LineColumn } from '../../../model/source/doc-positions.ts';
import { JsonOffsets } from '../../../model/source/json-offsets.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { inputProblemsOf } from '../../../model/errors.ts';

/** Every path of the text with the line/column a full parse puts it at (keys for properties). */
function expectedPositions(text: string): Array<{ path: DocPath; at: LineColumn }> {
  const tree = parseTree(text)!;
  const lineColumn = (offset: number): LineColumn => {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  };
  const found: Array<{ path: DocPath; at: LineColumn }> = [{ path: [], at: lineColumn(tree.offset) }];
  const walk = (node: JsonNode, path: DocPath): void => {
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children!;
        const child = [...path, key!.value as string];
        found.push({ path: child, at: lineColumn(key!.offset) });
        if (value) walk(value, child);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((item, index) => {
        const child = [...path, index];
        found.push({ path: child, at: lineColumn(item.offset) });
        walk(item, child);
      });
    }
  };
  walk(tree, []);
  return found;
}

function expectExactPositions(text: string): void {
  const { positions } = parseText(text, 'export.json');
  for (const { path, at } of expectedPositions(text)) expect({ path, at: positions.get(path) }).toEqual({ path, at });
}

/** JSON written with CRLF line ends and extra spaces and tabs around every token. */
function loosely(value: unknown, indent = ''): string {
  const inner = `${indent}   `;
  if (Array.isArray(value)) {
    return value.length === 0
      ? '[ ]'
      : `[\r\n${value.map((item) => inner + loosely(item, inner)).join(' ,\r\n')}\r\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0
      ? '{\t}'
      : `{\r\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)} \t:  ${loosely(item, inner)}`).join(' ,\r\n')}\r\n${indent}}`;
  }
  return JSON.stringify(value);
}

describe('JSON positions found on demand', () => {
  it('are exact for keys with escapes and unicode, arrays of objects and CRLF', () => {
    const value = {
      realm: 'r',
      'quote"key': { 'back\\slash': [1, { 'tab\tkey': 'v', 'ünïcödé 🗝': ['a', 'b"c'] }] },
      '\u2028line': 'x',
      clients: [
        { clientId: 'a', redirectUris: ['https://a/*'] },
        { clientId: 'b', attributes: { 'pkce.code.challenge.method': 'S256' } },
      ],
      empty: {},
      none: [],
      literals: [true, false, null, -1.5e3],
    };
    expectExactPositions(JSON.stringify(value, null, 2));
    expectExactPositions(JSON.stringify(value));
    expectExactPositions(loosely(value));
  });

  it('are exact for any JSON value, in any layout', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 1, 2, 'loose'), (value, layout) => {
        // Duplicates are refused by design and numbers beyond 2^53 too: keep to what parses.
        const text = layout === 'loose' ? loosely(value) : JSON.stringify(value, null, layout);
        let parsed;
        try {
          parsed = parseText(text, 'any.json');
        } catch (error) {
          for (const problem of inputProblemsOf(error)) expect(problem.message).toMatch(/too large to be read exactly/);
          return;
        }
        for (const { path, at } of expectedPositions(text))
          expect({ path, at: parsed.positions.get(path) }).toEqual({ path, at });
      }),
      { numRuns: 300 },
    );
  });

  it('nearest() falls back to the closest ancestor; document keys of list items work as text', () => {
    const text = '{\n  "clients": [\n    { "clientId": "a" }\n  ]\n}\n';
    const { positions } = parseText(text, 'export.json');
    expect(positions.nearest(['clients', 0, 'attributes', 'x'])).toEqual({ line: 3, column: 5 });
    expect(positions.getByKey('clients\u00000\u0000clientId')).toEqual({ line: 3, column: 7 });
    expect(positions.get(['clients', 1])).toBeUndefined();
    expect(positions.get(['clients', 'x'])).toBeUndefined();
  });

  it('a lookup reads each object once, however often it is asked', () => {
    const text = JSON.stringify({ clients: Array.from({ length: 50 }, (_, index) => ({ clientId: `c${index}` })) });
    const offsets = new JsonOffsets(text);
    const positions = new DocPositions(text, offsets);
    const first = Array.from({ length: 50 }, (_, index) => positions.get(['clients', index, 'clientId']));
    const again = Array.from({ length: 50 }, (_, index) => positions.get(['clients', index, 'clientId']));
    expect(again).toEqual(first);
    expect(new Set(first.map((at) => at?.column)).size).toBe(50);
  });

  it('are exact over a long text with backslashes in some stretches, asked in any order', () => {
    // Escaped keys and values sit in a few stretches of a text many thousand characters long (as
    // users' credential data does in an export); the rest has none. Asked backwards and shuffled,
    // as rules ask, every key still resolves where a full parse puts it.
    const clients = Array.from({ length: 400 }, (_, index) => ({
      clientId: `c${index}`,
      ...(index % 97 === 5 && { 'we"ird\\key': 'x', secretData: '{"value":"a\\"b"}' }),
      attributes: { [`only${index % 7}`]: 'y', 'pkce.code.challenge.method': 'S256' },
      description: index % 131 === 0 ? 'a \\ backslash' : 'plain',
    }));
    // Where a description has a backslash its key is written with an escape too: only a reader
    // that knows the object has a backslash decodes it instead of searching for "description".
    const text = JSON.stringify({ clients }, null, 2).replaceAll(
      '"description": "a \\\\ backslash"',
      '"d\\u0065scription": "a \\\\ backslash"',
    );
    expect(text).toContain('"d\\u0065scription"');
    expect(text.length).toBeGreaterThan(40_000);
    const { positions } = parseText(text, 'export.json');
    const expected = expectedPositions(text);
    const order = [...expected].reverse();
    // A fixed shuffle: every third one moved to the front.
    order.unshift(...order.filter((_, index) => index % 3 === 0));
    for (const { path, at } of order) expect({ path, at: positions.get(path) }).toEqual({ path, at });
  });
});

describe('what JSON.parse lets through silently is still refused, with a position', () => {
  const problemsOf = (text: string): string[] => {
    try {
      parseText(text, 'export.json');
    } catch (error) {
      return inputProblemsOf(error).map(
        (problem) => `${problem.location.line}:${problem.location.column} ${problem.message}`,
      );
    }
    return [];
  };

  it('a duplicate key, also one written with an escape', () => {
    expect(problemsOf('{\n  "realm": "a",\n  "realm": "b"\n}')).toEqual(["3:3 duplicate key 'realm'"]);
    expect(problemsOf('{"clients": [{"id": 1}, {"id": 2, "\\u0069d": 3}]}')).toEqual(["1:35 duplicate key 'id'"]);
  });

  it('a number beyond 2^53, and nesting beyond the limit', () => {
    expect(problemsOf('{\r\n  "notBefore": 9223372036854775807\r\n}')[0]).toMatch(
      /^2:16 the number 9223372036854775807 is too large/,
    );
    expect(problemsOf(`${'['.repeat(150)}${']'.repeat(150)}`)[0]).toMatch(
      /^1:101 lists and mappings nest more than 100 levels/,
    );
  });

  it('a key that only looks like a duplicate is not one', () => {
    expect(problemsOf('{"a:b": 1, "a": {"b": ":"}, "c\\"": "\\\\"}')).toEqual([]);
  });
});
