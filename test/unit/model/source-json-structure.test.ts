/**
 * The structure pass (model/source/json-structure.ts) that the duplicate-key check and every JSON
 * position rely on: its member count and its container index must be exactly what a full parse
 * (jsonc-parser's tree) sees, for any JSON value in any layout, and stay exact past the sizes
 * where its arrays grow.
 */
import fc from 'fast-check';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { scanJsonStructure, type JsonContainers } from '../../../model/source/json-structure.ts';
import { parseText } from '../../../model/source/parse-text.ts';

interface Expected {
  members: number;
  depth: number;
  /** [start, end] of every object and list, in the order they open. */
  containers: Array<[number, number]>;
}

function expectedStructure(text: string): Expected {
  const expected: Expected = { members: 0, depth: 0, containers: [] };
  const walk = (node: JsonNode, depth: number): void => {
    if (node.type !== 'object' && node.type !== 'array') return;
    expected.depth = Math.max(expected.depth, depth);
    expected.containers.push([node.offset, node.offset + node.length - 1]);
    for (const child of node.children ?? []) {
      if (node.type === 'object') {
        expected.members++;
        const value = child.children?.[1];
        if (value) walk(value, depth + 1);
      } else walk(child, depth + 1);
    }
  };
  walk(parseTree(text)!, 1);
  return expected;
}

/** Every container the index holds, walked the way readers walk it (start, end, next one after). */
function indexed(containers: JsonContainers): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let number = 0; number < containers.count; number++) {
    found.push([containers.startOf(number), containers.endOf(number)]);
    const after = containers.after(number);
    // The next one after a container is the first that opens past its end.
    expect(containers.startOf(after)).toBeGreaterThan(containers.endOf(number));
    if (after > number + 1) expect(containers.startOf(after - 1)).toBeLessThan(containers.endOf(number));
  }
  return found;
}

/** JSON with CRLF and stray spaces and tabs around every token. */
function loosely(value: unknown): string {
  return JSON.stringify(value, null, '\t').replace(/\n/g, ' \r\n').replace(/":/g, '" \t:');
}

describe('the JSON structure pass', () => {
  it('counts members and finds every container as a full parse does, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom<number | 'loose'>(0, 2, 'loose'), (value, layout) => {
        const text = layout === 'loose' ? loosely(value) : JSON.stringify(value, null, layout);
        const structure = scanJsonStructure(text);
        const expected = expectedStructure(text);
        expect(structure.members).toBe(expected.members);
        expect(structure.depth).toBe(expected.depth);
        expect(indexed(structure.containers)).toEqual(expected.containers);
      }),
      { numRuns: 400 },
    );
  });

  it('is not misled by brackets, colons and escaped quotes inside strings', () => {
    const text = '{"a:[": "}{\\"]:", "b": ["[", {"c\\\\": "\\\\"}], "d": {}}';
    const structure = scanJsonStructure(text);
    const expected = expectedStructure(text);
    expect(structure.members).toBe(4);
    expect(indexed(structure.containers)).toEqual(expected.containers);
  });

  it('stays exact past thousands of containers (its arrays grow), and positions with it', () => {
    const clients = Array.from({ length: 3000 }, (_, index) => ({
      clientId: `c${index}`,
      redirectUris: [`https://c${index}/*`],
      attributes: { 'pkce.code.challenge.method': 'S256', nested: { clientId: 'not this one' } },
      [`only${index % 7}`]: index,
    }));
    const text = JSON.stringify({ realm: 'r', users: [{ clientId: 'x' }], clients }, null, 2);
    const structure = scanJsonStructure(text);
    expect(structure.containers.count).toBe(expectedStructure(text).containers.length);
    expect(indexed(structure.containers)).toEqual(expectedStructure(text).containers);

    const { positions } = parseText(text, 'big.json');
    const tree = parseTree(text)!;
    const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
    for (const index of [0, 1, 511, 1023, 1024, 2047, 2999]) {
      const client = tree.children![2]!.children![1]!.children![index]!;
      const [clientId, , attributes, only] = client.children!;
      expect(positions.get(['clients', index])?.line).toBe(lineOf(client.offset));
      expect(positions.get(['clients', index, 'clientId'])?.line).toBe(lineOf(clientId!.offset));
      const pkce = attributes!.children![1]!.children![0]!;
      expect(positions.get(['clients', index, 'attributes', 'pkce.code.challenge.method'])?.line).toBe(
        lineOf(pkce.offset),
      );
      expect(positions.get(['clients', index, `only${index % 7}`])?.line).toBe(lineOf(only!.offset));
      // A key the client lacks is absent, though a later client and a nested object have it.
      expect(positions.get(['clients', index, `only${(index + 1) % 7}`])).toBeUndefined();
      expect(positions.get(['clients', index, 'nested'])).toBeUndefined();
    }
  });
});
