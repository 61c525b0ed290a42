/**
 * `check` on a realm export with 5,000 clients: the time of loading the file (parse, positions,
 * adapt to the model) beside the time of running all rules over it, and peak memory of each
 * phase in a fresh process. The goal: the rules cost no more than loading does. Figures only.
 *
 * Run directly with REALMGUARD_BENCH_CHECK_CHILD=<phase> <file>, this module is the child that
 * measures one phase's peak RSS (a process's peak only grows, so each phase gets its own).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadRealmFile } from '../model/load.ts';
import { runRules } from '../policies/run.ts';
import { formatFindings } from '../cli/format/index.ts';
import { largeRealmExport } from './fixtures/large-export.ts';
import type { Report } from './run.ts';
import { median, timed } from './measure.ts';

const CLIENTS = Number(process.env.REALMGUARD_BENCH_CHECK_CLIENTS ?? 5_000);
const RUNS = Number(process.env.REALMGUARD_BENCH_CHECK_RUNS ?? 5);
const MiB = 1024 * 1024;

type Phase = 'baseline' | 'load' | 'load+rules' | 'load+rules+sarif';

/** The child: one phase, then its peak RSS and heap in MiB as JSON on stdout. */
async function child(phase: Phase, file: string): Promise<void> {
  if (phase !== 'baseline') {
    const realms = await loadRealmFile(file);
    if (phase !== 'load') {
      const result = runRules(realms);
      if (phase === 'load+rules+sarif') formatFindings(result, 'sarif');
    }
  }
  const { heapUsed } = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({ peakRss: (process.resourceUsage().maxRSS * 1024) / MiB, heapUsed: heapUsed / MiB }),
  );
}

async function peakOf(phase: Phase, file: string): Promise<{ peakRss: number; heapUsed: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, REALMGUARD_BENCH_CHECK_CHILD: phase, REALMGUARD_BENCH_CHECK_FILE: file },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as { peakRss: number; heapUsed: number };
}

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-bench-check-'));
  try {
    const file = join(dir, 'large-realm.json');
    const text = largeRealmExport(CLIENTS);
    writeFileSync(file, text);
    report({ name: `realm export (${CLIENTS.toLocaleString('en')} clients)`, value: text.length / MiB, unit: 'MiB' });

    // Warm up the JIT on both paths once, then take the median of RUNS.
    const warm = await loadRealmFile(file);
    const first = runRules(warm);
    report({ name: 'findings', value: first.findings.length, unit: 'count', note: `${first.rules.length} rules` });

    const loads: number[] = [];
    const rules: number[] = [];
    const sarif: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const loaded = await timed(() => loadRealmFile(file));
      loads.push(loaded.ms);
      const ran = await timed(() => runRules(loaded.value));
      rules.push(ran.ms);
      sarif.push((await timed(() => formatFindings(ran.value, 'sarif'))).ms);
    }
    const load = median(loads);
    const rule = median(rules);
    report({ name: 'load the export (parse, positions, adapt)', value: load, unit: 'ms', note: `median of ${RUNS}` });
    report({ name: 'run every rule over it', value: rule, unit: 'ms', note: `median of ${RUNS}` });
    report({
      name: 'rules / load',
      value: rule / load,
      unit: 'ratio',
      note: rule <= load ? 'goal met: rules cost no more than loading' : 'goal missed: rules cost more than loading',
    });
    report({ name: 'format SARIF', value: median(sarif), unit: 'ms', note: `median of ${RUNS}` });

    const base = await peakOf('baseline', file);
    const afterLoad = await peakOf('load', file);
    const afterRules = await peakOf('load+rules', file);
    const whole = await peakOf('load+rules+sarif', file);
    report({ name: 'peak RSS: node + modules, nothing loaded', value: base.peakRss, unit: 'MiB' });
    report({ name: 'peak RSS: load', value: afterLoad.peakRss, unit: 'MiB' });
    report({
      name: 'peak RSS: load + rules',
      value: afterRules.peakRss,
      unit: 'MiB',
      note: `+${(afterRules.peakRss - afterLoad.peakRss).toFixed(0)} MiB for the rules`,
    });
    report({ name: 'peak RSS: load + rules + SARIF (the whole check)', value: whole.peakRss, unit: 'MiB' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const phase = process.env.REALMGUARD_BENCH_CHECK_CHILD as Phase | undefined;
if (phase && process.argv[1] === fileURLToPath(import.meta.url)) {
  await child(phase, process.env.REALMGUARD_BENCH_CHECK_FILE ?? '');
}
