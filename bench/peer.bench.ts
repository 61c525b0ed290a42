/**
 * `realmguard check` beside its peer kcwarden (PyPI, pinned in scripts/kcwarden.sh), beside
 * the floor (a bare node process that reads and JSON.parses the file) and beside the streaming
 * floor (the least a loader that never holds the whole text costs: the memory goal asks
 * for one, its CPU goal is measured against the first floor), on the same generated
 * full exports: one small realm; 5,000 clients + 500 users; 20,000 clients. Whole processes,
 * start-up included, one warm-up round, then rounds that run the three in turn (so a drift in the
 * machine's speed touches all three alike); medians of wall, CPU and peak RSS. Before timing,
 * each tool's findings are counted, so a run that failed early cannot pass for a fast one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullRealmExport, type FullExportSize } from './fixtures/full-export.ts';
import { median } from './measure.ts';
import { kcwardenFindings, realmguardFindings } from './peer/findings.ts';
import { processCost, type ProcessCost } from './peer/process-cost.ts';
import {
  jsonParseFloor,
  kcwarden,
  kcwardenPath,
  outputOf,
  realmguard,
  realmguardStartArgs,
  streamingParseFloor,
  type Tool,
} from './peer/tools.ts';
import type { Report } from './run.ts';

interface Case extends FullExportSize {
  name: string;
  runs: number;
}

const RUNS = process.env.REALMGUARD_BENCH_PEER_RUNS ? Number(process.env.REALMGUARD_BENCH_PEER_RUNS) : undefined;
const CASES: Case[] = [
  { name: 'small realm', clients: 3, users: 5, runs: RUNS ?? 7 },
  { name: '5,000 clients + 500 users', clients: 5_000, users: 500, runs: RUNS ?? 5 },
  { name: '20,000 clients', clients: 20_000, users: 0, runs: RUNS ?? 3 },
].filter(
  ({ name }) =>
    !process.env.REALMGUARD_BENCH_PEER_CASES ||
    process.env.REALMGUARD_BENCH_PEER_CASES.split(',').some((only) => name.startsWith(only)),
);

function medians(costs: ProcessCost[]): ProcessCost {
  return {
    wallSeconds: median(costs.map((cost) => cost.wallSeconds)),
    cpuSeconds: median(costs.map((cost) => cost.cpuSeconds)),
    peakMiB: median(costs.map((cost) => cost.peakMiB)),
  };
}

/** The median of 5 runs after one warm-up, of a command that only starts. */
async function startCost(command: string, args: readonly string[]): Promise<ProcessCost> {
  const runs: ProcessCost[] = [];
  for (let run = 0; run < 6; run++) runs.push(await processCost(command, args));
  return medians(runs.slice(1));
}

/** The streaming floor prints how many items it parsed: none means it did no work. */
function streamedItems(stdout: string): number {
  const items = Number(stdout.trim());
  if (!Number.isInteger(items) || items <= 0)
    throw new Error(`bench: the streaming parse floor parsed no items (${stdout.trim()})`);
  return items;
}

export default async function bench(report: Report): Promise<void> {
  const peer = kcwarden(await kcwardenPath());
  const tools: Tool[] = [realmguard, peer, jsonParseFloor, streamingParseFloor];
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-bench-peer-'));
  try {
    // What a process costs before it does anything: the goal excludes process start. For
    // realmguard that is `realmguard check --help` (node, the bundle's entry and the check
    // command's code); for the floors, a bare node.
    const nodeStart = await startCost(process.execPath, ['-e', '0']);
    const ourStart = await startCost(realmguard.command, realmguardStartArgs());
    report({ name: 'bare node start (node -e 0): CPU', value: nodeStart.cpuSeconds, unit: 's', note: 'median of 5' });
    report({
      name: 'realmguard start (check --help): CPU',
      value: ourStart.cpuSeconds,
      unit: 's',
      note: 'median of 5',
    });
    for (const testCase of CASES) {
      const file = join(dir, `${testCase.clients}-clients.json`);
      const text = fullRealmExport(testCase);
      writeFileSync(file, text);
      const label = testCase.name;
      report({
        name: `${label}: export size`,
        value: Buffer.byteLength(text) / 1_048_576,
        unit: 'MiB',
        note: `${testCase.clients} clients, ${testCase.users} users`,
      });
      report({
        name: `${label}: realmguard findings`,
        value: realmguardFindings(await outputOf(realmguard, file)),
        unit: 'count',
      });
      report({
        name: `${label}: kcwarden findings`,
        value: kcwardenFindings(await outputOf(peer, file)),
        unit: 'count',
      });
      report({
        name: `${label}: streaming parse floor, items parsed`,
        value: streamedItems(await outputOf(streamingParseFloor, file)),
        unit: 'count',
      });

      const costs: ProcessCost[][] = tools.map(() => []);
      for (let round = 0; round <= testCase.runs; round++) {
        for (const [index, tool] of tools.entries()) {
          const cost = await processCost(tool.command, tool.args(file));
          if (round > 0) costs[index]?.push(cost); // round 0 warms the page cache and the venv's .pyc files
        }
      }
      const [ours, theirs, floor, streamingFloor] = costs.map(medians) as [
        ProcessCost,
        ProcessCost,
        ProcessCost,
        ProcessCost,
      ];
      const note = `median of ${testCase.runs}`;
      for (const [tool, cost] of [
        [realmguard, ours],
        [peer, theirs],
        [jsonParseFloor, floor],
        [streamingParseFloor, streamingFloor],
      ] as const) {
        report({ name: `${label}: ${tool.name} wall`, value: cost.wallSeconds, unit: 's', note });
        report({ name: `${label}: ${tool.name} CPU (user + system)`, value: cost.cpuSeconds, unit: 's', note });
        report({ name: `${label}: ${tool.name} peak RSS`, value: cost.peakMiB, unit: 'MiB', note });
      }
      report({
        name: `${label}: kcwarden / realmguard, wall`,
        value: theirs.wallSeconds / ours.wallSeconds,
        unit: 'ratio',
        note: '> 1: realmguard faster',
      });
      report({
        name: `${label}: kcwarden / realmguard, CPU`,
        value: theirs.cpuSeconds / ours.cpuSeconds,
        unit: 'ratio',
      });
      report({
        name: `${label}: realmguard / JSON.parse floor, CPU`,
        value: ours.cpuSeconds / floor.cpuSeconds,
        unit: 'ratio',
      });
      report({
        name: `${label}: realmguard / JSON.parse floor, CPU beyond start`,
        value: (ours.cpuSeconds - ourStart.cpuSeconds) / Math.max(floor.cpuSeconds - nodeStart.cpuSeconds, 0.01),
        unit: 'ratio',
        note: 'goal ≤ 3 at 5,000 clients: realmguard check --help and node -e 0 subtracted',
      });
      report({
        name: `${label}: streaming parse floor / JSON.parse floor, CPU beyond start`,
        value:
          (streamingFloor.cpuSeconds - nodeStart.cpuSeconds) / Math.max(floor.cpuSeconds - nodeStart.cpuSeconds, 0.01),
        unit: 'ratio',
        note: 'what a loader that never holds the whole text spends of the 3× before it checks anything',
      });
      report({
        name: `${label}: realmguard / kcwarden, peak RSS`,
        value: ours.peakMiB / theirs.peakMiB,
        unit: 'ratio',
        note: '< 1: realmguard smaller',
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
