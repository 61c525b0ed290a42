/** docs/baseline-format.md documents every key the schema accepts (the schema is the source of truth). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BaselineSchema } from '../../../model/baseline/schema.ts';

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function keyPaths(node: SchemaNode, prefix: string[] = []): string[][] {
  const object = node.type === 'array' ? node.items : node;
  if (!object?.properties) return [];
  return Object.entries(object.properties).flatMap(([key, child]) => [
    [...prefix, key],
    ...keyPaths(child, [...prefix, key]),
  ]);
}

describe('docs/baseline-format.md', () => {
  const doc = readFileSync('docs/baseline-format.md', 'utf8');
  const paths = keyPaths(BaselineSchema as unknown as SchemaNode);

  it('finds the keys to check (sanity)', () => {
    expect(paths.length).toBeGreaterThan(80);
  });

  it.each(paths.map((path) => [path.join('.'), path] as const))('documents %s', (_name, path) => {
    const key = path[path.length - 1]!;
    const parent = path[path.length - 2];
    // In a table row as `key`; nested option groups (flows, lifespans) as `group.key` rows;
    // header names as `key` (default) in the text.
    const documented =
      doc.includes(`| \`${key}\` |`) ||
      doc.includes(`| \`${key}.`) ||
      (parent !== undefined && doc.includes(`| \`${parent}.${key}\` |`)) ||
      doc.includes(`\`${key}\` (`);
    expect(documented, `${path.join('.')} is not in a table of docs/baseline-format.md`).toBe(true);
  });
});
