/**
 * npm run bench — runs every bench/*.bench.ts and prints its figures. Benchmarks report
 * numbers side by side (our way and the alternative, in the same run); nothing here passes or
 * fails on time. The figures also go to bench/results/latest.json with the date and the machine,
 * for the README's performance section (`npm run bench -- peer` runs only files naming 'peer').
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
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

const results: Record<string, BenchRow[]> = {};
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  const bench = file.replace(/\.bench\.ts$/, '');
  const rows: BenchRow[] = (results[bench] = []);
  process.stdout.write(`\n## ${bench}\n`);
  await module.default((row) => {
    rows.push(row);
    const value = row.unit === 'ratio' ? row.value.toFixed(2) : row.value.toFixed(row.value < 10 ? 2 : 0);
    process.stdout.write(
      `  ${row.name.padEnd(64)} ${value.padStart(10)} ${row.unit}${row.note ? `  (${row.note})` : ''}\n`,
    );
  });
}

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const out = join(here, 'results', 'latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
process.stdout.write(`\nfigures written to ${out}\n`);
