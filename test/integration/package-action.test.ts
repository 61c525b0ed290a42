/**
 * The GitHub Action (action.yml) and the workflow that uses it (examples/github-workflow.yml).
 * The action's shell steps run here as written, with the environment a runner gives them, in a
 * temporary repository laid out like a pull-request checkout (an origin with the base branch, HEAD
 * the merge of the pull request); what GitHub itself provides (setup-node, upload-sarif,
 * github-script) is checked by what the steps hand it.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../cli/format/review/markdown.ts';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(root, 'test/unit/review/fixtures');
const GIT_ENV = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.org',
};

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

let work: string;
let repo: string;
let action: Action;

async function git(cwd: string, ...args: string[]) {
  await exec('git', args, { cwd, env: { ...process.env, ...GIT_ENV } });
}

function step(id: string): Step {
  const found = action.runs.steps.find((candidate) => candidate.id === id || candidate.name === id);
  if (!found) throw new Error(`action.yml has no step '${id}'`);
  return found;
}

/** What `${{ inputs.x }}`, `${{ github.base_ref }}` and `${{ steps.ID.outputs.NAME }}` (outputs keyed 'ID.outputs.NAME') evaluate to on a runner. */
function evaluate(
  env: Record<string, string>,
  inputs: Record<string, string>,
  outputs: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([name, expression]) => [
      name,
      expression.replace(/\$\{\{\s*(inputs|steps|github)\.([\w.-]+)\s*\}\}/g, (_, scope: string, key: string) => {
        if (scope === 'inputs') return inputs[key] ?? action.inputs[key]?.default ?? '';
        if (scope === 'github') return key === 'base_ref' ? 'main' : '';
        return outputs[key] ?? '';
      }),
    ]),
  );
}

interface StepRun {
  code: number;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
}

/** Runs a shell step as the runner would: bash -e, its env evaluated, GITHUB_* files, the action's path. */
async function runStep(
  id: string,
  inputs: Record<string, string> = {},
  outputs: Record<string, string> = {},
): Promise<StepRun> {
  const { run, shell, env = {} } = step(id);
  expect(shell).toBe('bash');
  const outputFile = join(work, `${id}-output`);
  const summaryFile = join(work, `${id}-summary`);
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const runnerEnv = {
    ...process.env,
    ...GIT_ENV,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    NO_COLOR: '1',
    GITHUB_ACTION_PATH: root,
    RUNNER_TEMP: work,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    ...evaluate(env, inputs, outputs),
  };
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await exec('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', run!], {
      cwd: repo,
      env: runnerEnv,
    }));
  } catch (error) {
    code = (error as { code: number }).code;
    stdout = (error as { stdout: string }).stdout;
  }
  const written = Object.fromEntries(
    (await readFile(outputFile, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return { code, outputs: written, summary: await readFile(summaryFile, 'utf8'), stdout };
}

beforeAll(async () => {
  action = parse(await readFile(join(root, 'action.yml'), 'utf8')) as Action;
  work = await mkdtemp(join(tmpdir(), 'realmguard-action-'));
  // origin: the base branch; repo: its clone with the pull request merged on top (HEAD).
  const origin = join(work, 'origin');
  await mkdir(join(origin, 'baselines'), { recursive: true });
  await git(origin, 'init', '-q', '-b', 'main');
  await copyFile(join(FIXTURES, 'shop-base.yaml'), join(origin, 'baselines', 'shop.yaml'));
  await git(origin, 'add', '.');
  await git(origin, 'commit', '-q', '-m', 'base');
  repo = join(work, 'checkout');
  await git(work, 'clone', '-q', '--depth=1', `file://${origin}`, repo);
  await copyFile(join(FIXTURES, 'shop-head.yaml'), join(repo, 'baselines', 'shop.yaml'));
  await git(repo, 'commit', '-q', '-am', 'the pull request');
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('action.yml', { timeout: 120_000 }, () => {
  it('is a composite action with inputs for files, profile, fail-on and config', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['files', 'profile', 'fail-on', 'config']));
  });

  it('splices no expression into a script: inputs reach the shell through env only', () => {
    for (const candidate of action.runs.steps) {
      expect(candidate.run ?? '', candidate.name).not.toContain('${{');
      expect(candidate.with?.script ?? '', candidate.name).not.toContain('${{');
    }
  });

  it('installs production dependencies only in its own directory and runs the compiled command', () => {
    const install = step("Install realmguard (production dependencies, in the action's directory)");
    expect(install['working-directory' as keyof Step]).toBe('${{ github.action_path }}');
    expect(install.run).toContain('npm ci --omit=dev');
    expect(install.run).toContain('npm prune --omit=dev');
    for (const id of ['check', 'diff']) expect(step(id).run).toContain('node "$GITHUB_ACTION_PATH/bin/realmguard.js"');
  });

  it('check: writes the SARIF the upload step reads, a Markdown summary, and its status', async () => {
    const run = await runStep('check');
    expect(run.outputs.status).toBe('1'); // shop-head.yaml has findings at or above high
    expect(run.outputs.sarif).toBe(join(work, 'realmguard.sarif'));
    const sarif = JSON.parse(await readFile(run.outputs.sarif!, 'utf8')) as {
      version: string;
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('baselines/shop.yaml');
    expect(run.summary).toContain('baselines/shop.yaml');
    const upload = step('Upload the SARIF to code scanning');
    expect(upload.uses).toMatch(/^github\/codeql-action\/upload-sarif@v\d+$/);
    expect(upload.with?.sarif_file).toBe('${{ steps.check.outputs.sarif }}');
  });

  it('check: profile, config and fail-on reach the command (bad input is exit 2, named in the log)', async () => {
    const clean = await runStep('check', { 'fail-on': 'none', profile: 'strict' });
    expect(clean.outputs.status).toBe('0');
    const missing = await runStep('check', { config: 'no-such-policy.yaml' });
    expect(missing.outputs.status).toBe('2');
  });

  it('diff: fetches the base itself (a shallow checkout is enough), writes the review and its status', async () => {
    const run = await runStep('diff');
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('1'); // the change introduces high findings
    const markdown = await readFile(run.outputs.report!, 'utf8');
    expect(markdown.startsWith(COMMENT_MARKER)).toBe(true);
    expect(markdown).toContain('⚠️ **weakens 4 settings');
    expect(run.summary).toBe(markdown);
  });

  it('diff: the globs reach git unexpanded, so a baseline deleted by the pull request is a removed realm', async () => {
    await git(repo, 'rm', '-q', 'baselines/shop.yaml');
    await git(repo, 'commit', '-q', '-m', 'remove the realm');
    try {
      const run = await runStep('diff');
      expect(run.outputs.status).not.toBe('2');
      expect(await readFile(run.outputs.report!, 'utf8')).toMatch(/removed/i);
    } finally {
      await git(repo, 'reset', '-q', '--hard', 'HEAD~1');
    }
  });

  it('the comment step finds its earlier comment by the marker the Markdown starts with', () => {
    const comment = step('Post or update the review comment');
    expect(comment.uses).toMatch(/^actions\/github-script@v\d+$/);
    expect(comment.with?.script).toContain(`const marker = '${COMMENT_MARKER}';`);
    expect(comment.with?.script).toContain('updateComment');
  });

  it('the last step fails when check or diff did, and passes when both were clean or did not run', async () => {
    const gate = 'Fail on findings at or above fail-on';
    expect(action.runs.steps.at(-1)?.name).toBe(gate);
    expect((await runStep(gate, {}, { 'check.outputs.status': '1' })).code).toBe(1);
    expect((await runStep(gate, {}, { 'diff.outputs.status': '2' })).code).toBe(1);
    expect((await runStep(gate, {}, { 'check.outputs.status': '0', 'diff.outputs.status': '0' })).code).toBe(0);
    expect((await runStep(gate)).code).toBe(0);
  });
});

describe('examples/github-workflow.yml', () => {
  it('uses the action with inputs it declares, and grants what check and diff need', async () => {
    const workflow = parse(await readFile(join(root, 'examples/github-workflow.yml'), 'utf8')) as {
      jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
    };
    const job = Object.values(workflow.jobs)[0]!;
    const uses = job.steps.find((candidate) => candidate.uses?.startsWith('realmguard/realmguard@'));
    expect(uses).toBeDefined();
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(uses!.uses).toBe(`realmguard/realmguard@v${version}`);
    for (const input of Object.keys(uses!.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    expect(job.permissions['security-events']).toBe('write');
    expect(job.permissions['pull-requests']).toBe('write');
  });
});
