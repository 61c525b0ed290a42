import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fullRealmExport } from '../../../bench/fixtures/full-export.ts';

// The streaming floor is only a fair floor if it really parses every item: a string end it
// misreads (an escaped quote, a run of backslashes cut by a chunk boundary) shifts every bracket
// after it, and an item slice JSON.parse refuses stops the run.
const script = fileURLToPath(new URL('../../../bench/peer/streaming-parse-floor.js', import.meta.url));
const CHUNK = 1 << 20;
const dir = mkdtempSync(join(tmpdir(), 'realmguard-streaming-floor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function itemsParsed(text: string): number {
  const file = join(dir, 'export.json');
  writeFileSync(file, text);
  return Number(execFileSync(process.execPath, [script, file], { encoding: 'utf8' }).trim());
}

function itemsOf(text: string): number {
  const value = JSON.parse(text) as Record<string, unknown>;
  return Object.values(value)
    .filter(Array.isArray)
    .reduce((sum, list) => sum + list.filter((item) => item !== null && typeof item === 'object').length, 0);
}

describe('the streaming parse floor of the peer bench', () => {
  it('parses every item of a generated full export', () => {
    const text = fullRealmExport({ clients: 40, users: 12 });
    expect(itemsParsed(text)).toBe(itemsOf(text));
  });

  it('reads strings with brackets, escaped quotes and backslashes as strings', () => {
    const text = JSON.stringify({ clients: [{ a: '}]"{[\\', b: ['\\"', '\\\\'] }, { c: '"' }], n: 1, users: [] });
    expect(itemsParsed(text)).toBe(2);
  });

  // Each shift puts another byte of `\\\\\"` (two escaped backslashes, then an escaped quote) on
  // the 1 MiB chunk boundary, and the item spans the boundary.
  it.each([-6, -5, -4, -3, -2, -1, 0, 1, 2])('keeps a string whole across a chunk boundary (shift %i)', (shift) => {
    const head = '{"clients":[{"s":"';
    const filler = 'x'.repeat(CHUNK - head.length - 3 + shift);
    const text = `${head}${filler}\\\\\\\\\\"}]{"}, {"t": "\\\\"}], "users": [{"u": 1}]}`;
    expect(itemsOf(text)).toBe(3);
    expect(itemsParsed(text)).toBe(3);
  });
});
