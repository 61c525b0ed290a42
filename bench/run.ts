/**
 * npm run bench — runs every bench/*.bench.ts and prints its figures. Benchmarks report
 * numbers side by side (our way and the alternative, in the same run); nothing here passes or
 * fails on time.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchRow {
  /** What was measured, e.g. 'load + validate realm export (5,000 clients)'. */
  name: string;
  value: number;
  unit: 'ms' | 'MiB' | 'ratio' | 'ops/s' | 's' | 'count';
  note?: string;
}
export type Report = (row: BenchRow) => void;
export type Bench = (report: Report) => Promise<void>;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  process.stdout.write(`\n## ${file.replace(/\.bench\.ts$/, '')}\n`);
  await module.default((row) => {
    const value = row.unit === 'ratio' ? row.value.toFixed(2) : row.value.toFixed(row.value < 10 ? 2 : 0);
    process.stdout.write(`  ${row.name.padEnd(64)} ${value.padStart(10)} ${row.unit}${row.note ? `  (${row.note})` : ''}\n`);
  });
}
