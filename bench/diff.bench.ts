/**
 * `diff` on two realm exports with 5,000 clients, where the change touches 1% of the clients
 * (a wildcard redirect URI each) and one realm setting. Figures: the time of each phase (load
 * both sides, classify the changes, run the rules on both sides, render Markdown), and, beside
 * it, what a reviewer gets without realmguard: `git diff --no-index` of the two files — its time
 * and the number of changed lines to read, against the number of rows in the review.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadRealmFile } from '../model/load.ts';
import { diffRealmSets } from '../review/diff-realms.ts';
import { formatReviewMarkdown } from '../cli/format/review/markdown.ts';
import { reviewChange } from '../review/review.ts';
import { largeRealmExport } from './fixtures/large-export.ts';
import type { Report } from './run.ts';
import { median, timed } from './measure.ts';

const CLIENTS = Number(process.env.REALMGUARD_BENCH_DIFF_CLIENTS ?? 5_000);
const RUNS = Number(process.env.REALMGUARD_BENCH_DIFF_RUNS ?? 5);
const run = promisify(execFile);

/** The pull request: every 100th client gains a wildcard redirect URI; access tokens live 1 h. */
function changedExport(text: string): string {
  const realm = JSON.parse(text) as { accessTokenLifespan: number; clients: Array<{ redirectUris: string[] }> };
  realm.accessTokenLifespan = 3600;
  realm.clients.forEach((client, index) => {
    if (index % 100 === 0) client.redirectUris = [...client.redirectUris, `https://*.app-${index}.example.com/*`];
  });
  return JSON.stringify(realm, null, 2);
}

/** git diff exits 1 when the files differ: that is its answer, not a failure. */
async function gitDiffNumstat(base: string, head: string): Promise<number> {
  try {
    await run('git', ['diff', '--no-index', '--numstat', base, head]);
    return 0;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout ?? '';
    const [added, removed] = stdout.trim().split(/\s+/).map(Number);
    return (added ?? 0) + (removed ?? 0);
  }
}

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-bench-diff-'));
  try {
    const baseText = JSON.stringify(JSON.parse(largeRealmExport(CLIENTS)), null, 2);
    const base = join(dir, 'base.json');
    const head = join(dir, 'head.json');
    writeFileSync(base, baseText);
    writeFileSync(head, changedExport(baseText));

    const loads: number[] = [];
    const classify: number[] = [];
    const review: number[] = [];
    const render: number[] = [];
    const gitDiffs: number[] = [];
    let rows = 0;
    let introduced = 0;
    let changedLines = 0;
    for (let attempt = 0; attempt <= RUNS; attempt++) {
      const loaded = await timed(async () => [await loadRealmFile(base), await loadRealmFile(head)] as const);
      const [before, after] = loaded.value;
      const classified = await timed(() => diffRealmSets(before, after));
      const reviewed = await timed(() => reviewChange(before, after));
      const rendered = await timed(() =>
        formatReviewMarkdown(reviewed.value, { rulesUrl: 'https://example.org/rules.md' }),
      );
      const git = await timed(() => gitDiffNumstat(base, head));
      if (attempt === 0) continue; // warm-up
      loads.push(loaded.ms);
      classify.push(classified.ms);
      review.push(reviewed.ms);
      render.push(rendered.ms);
      gitDiffs.push(git.ms);
      rows = classified.value.changes.length;
      introduced = reviewed.value.findings.introduced.length;
      changedLines = git.value;
    }
    report({
      name: `two realm exports (${CLIENTS.toLocaleString('en')} clients each), load both`,
      value: median(loads),
      unit: 'ms',
    });
    report({ name: 'classify the changes (diff engine only)', value: median(classify), unit: 'ms' });
    report({ name: 'review: classify + rules on both sides + findings delta', value: median(review), unit: 'ms' });
    report({ name: 'render the Markdown comment', value: median(render), unit: 'ms' });
    report({ name: 'alternative: git diff --no-index of the two files', value: median(gitDiffs), unit: 'ms' });
    report({
      name: 'rows in the review (classified changes)',
      value: rows,
      unit: 'count',
      note: `${introduced} findings introduced`,
    });
    report({
      name: 'alternative: changed lines in git diff',
      value: changedLines,
      unit: 'count',
      note: 'unclassified, no findings',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
