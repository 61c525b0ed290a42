/**
 * The ready-to-copy workflow (examples/github-workflow.yml): its diff step's script, run as
 * written in a temporary repository laid out like a pull-request checkout (origin/main and a
 * merge HEAD), writes the Markdown, the job summary and the exit status the later steps read.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../review/render/markdown.ts';
import { BIN, FIXTURES } from './run-cli.ts';

const run = promisify(execFile);
const WORKFLOW = fileURLToPath(new URL('../../../examples/github-workflow.yml', import.meta.url));
const GIT_ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

let repo: string;
let workflow: { on: unknown; jobs: Record<string, { steps: Step[]; permissions: Record<string, string> }> };

async function git(...args: string[]) {
  await run('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV } });
}

beforeAll(async () => {
  workflow = parse(await readFile(WORKFLOW, 'utf8')) as typeof workflow;
  repo = await mkdtemp(join(tmpdir(), 'realmguard-workflow-'));
  await git('init', '-q', '-b', 'main');
  await mkdir(join(repo, 'baselines'));
  await copyFile(join(FIXTURES, 'shop-base.yaml'), join(repo, 'baselines', 'shop.yaml'));
  await git('add', '.');
  await git('commit', '-q', '-m', 'base');
  await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  await copyFile(join(FIXTURES, 'shop-head.yaml'), join(repo, 'baselines', 'shop.yaml'));
  await git('commit', '-q', '-am', 'the pull request');
}, 60_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('examples/github-workflow.yml', { timeout: 120_000 }, () => {
  it('uploads SARIF from check and may write security events', () => {
    const check = workflow.jobs.check!;
    expect(check.permissions['security-events']).toBe('write');
    const steps = check.steps;
    expect(steps.find((step) => step.run?.includes('check baselines/*.yaml --format sarif --output realmguard.sarif'))).toBeDefined();
    expect(steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with?.sarif_file).toBe('realmguard.sarif');
  });

  it("the diff step's script writes the Markdown, the job summary and the status", async () => {
    const diff = workflow.jobs.diff!;
    expect(diff.permissions['pull-requests']).toBe('write');
    const script = diff.steps.find((step) => step.name === 'Review the change')?.run;
    expect(script).toBeDefined();
    const output = join(repo, 'github-output');
    const summary = join(repo, 'step-summary');
    await writeFile(output, '');
    await writeFile(summary, '');
    const runnable = script!.replaceAll('${{ github.base_ref }}', 'main').replaceAll('node bin/realmguard.js', `"${process.execPath}" "${BIN}"`);
    await run('bash', ['-e', '-c', runnable], { cwd: repo, env: { ...process.env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' } });
    // The change introduces high findings, and the step is set to --fail-on high.
    expect(await readFile(output, 'utf8')).toBe('status=1\n');
    const markdown = await readFile(join(repo, 'realmguard-diff.md'), 'utf8');
    expect(markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(markdown).toContain('⚠️ **weakens 4 settings');
    expect(await readFile(summary, 'utf8')).toBe(markdown);
  });

  it('the comment step finds its earlier comment by the marker the Markdown starts with', () => {
    const script = String(workflow.jobs.diff!.steps.find((step) => step.uses?.startsWith('actions/github-script@'))?.with?.script);
    expect(script).toContain(`const marker = '${COMMENT_MARKER}';`);
    expect(script).toContain('updateComment');
  });
});
