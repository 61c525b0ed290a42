/**
 * `diff --git` in a real temporary git repository: commit baselines, change them, commit again,
 * diff the revisions. Also the input errors only git can cause.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGitSides, parseGitRange } from '../../../review/git-revisions.ts';
import { diffReport } from '../../support/json-reports.ts';
import { FIXTURES, runCli } from './run-cli.ts';

const git = promisify(execFile);
const SLOW = { timeout: 120_000 };

let repo: string;
let outside: string;

async function inRepo(...args: string[]): Promise<string> {
  const { stdout } = await git('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
  return stdout.trim();
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'realmguard-git-'));
  outside = await mkdtemp(join(tmpdir(), 'realmguard-nogit-'));
  await inRepo('init', '-q', '-b', 'main');
  await mkdir(join(repo, 'baselines'));
  await copyFile(join(FIXTURES, 'shop-base.yaml'), join(repo, 'baselines', 'shop.yaml'));
  await writeFile(join(repo, 'baselines', 'old.yaml'), 'realm: old\nprofile: baseline\n');
  await writeFile(join(repo, 'README.txt'), 'not a realm\n');
  await inRepo('add', '.');
  await inRepo('commit', '-q', '-m', 'base');
  await inRepo('tag', 'v1');
  // The pull request: weaken shop, drop the old realm, add a new one with plain-http redirects.
  await inRepo('checkout', '-q', '-b', 'feature');
  await copyFile(join(FIXTURES, 'shop-head.yaml'), join(repo, 'baselines', 'shop.yaml'));
  await inRepo('rm', '-q', 'baselines/old.yaml');
  await writeFile(
    join(repo, 'baselines', 'partners.yaml'),
    'realm: partners\nprofile: baseline\nsecurity:\n  sslRequired: none\nclients:\n  - clientId: portal\n    redirectUris: [http://portal.example.com/cb]\n',
  );
  await inRepo('add', '.');
  await inRepo('commit', '-q', '-m', 'head');
  // Meanwhile on main: an unrelated realm file, so BASE...HEAD differs from BASE..HEAD.
  await inRepo('checkout', '-q', 'main');
  await writeFile(join(repo, 'baselines', 'later.yaml'), 'realm: later\nprofile: baseline\n');
  await inRepo('add', '.');
  await inRepo('commit', '-q', '-m', 'unrelated');
  await inRepo('checkout', '-q', 'feature');
}, 60_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('diff --git', SLOW, () => {
  it('compares the realm files of a directory at two revisions: changed, added and removed realms', async () => {
    const run = await runCli(['diff', '--git', 'v1..feature', 'baselines/', '--format', 'json'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const document = diffReport(run.stdout);
    expect(document.realms).toEqual({ added: ['partners'], removed: ['old'], compared: ['shop'] });
    const settings = document.changes.map((change) => `${change.realm} ${change.setting} ${change.effect}`);
    expect(settings).toEqual(
      expect.arrayContaining([
        'shop accessTokenLifespan weakens',
        'shop revokeRefreshToken weakens',
        'shop redirectUris weakens',
      ]),
    );
    const introduced = document.findings.introduced.map((finding) => `${finding.realm} ${finding.ruleId}`);
    expect(introduced).toEqual(
      expect.arrayContaining(['partners ssl-required', 'partners redirect-uri-scheme', 'shop password-grant']),
    );
    // Locations name the revision and the file.
    const located = document.findings.introduced.find((finding) => finding.ruleId === 'access-token-lifespan');
    expect(located!.location!.file).toBe('feature:baselines/shop.yaml');
  });

  it('BASE..HEAD compares the tips; BASE...HEAD compares HEAD with the merge base', async () => {
    const tips = diffReport(
      (await runCli(['diff', '--git', 'main..feature', 'baselines', '--format', 'json'], { cwd: repo })).stdout,
    );
    expect(tips.realms.removed).toEqual(['later', 'old']);
    const fromMergeBase = diffReport(
      (await runCli(['diff', '--git', 'main...feature', 'baselines', '--format', 'json'], { cwd: repo })).stdout,
    );
    expect(fromMergeBase.realms.removed).toEqual(['old']);
  });

  it('matches a quoted glob against each revision, so a deleted file still counts (also from a subdirectory)', async () => {
    const run = await runCli(['diff', '--git', 'v1..feature', 'baselines/*.yaml', '--format', 'json'], { cwd: repo });
    expect(run.stderr).toBe('');
    expect(diffReport(run.stdout).realms).toEqual({ added: ['partners'], removed: ['old'], compared: ['shop'] });
    const inside = await runCli(['diff', '--git', 'v1..feature', '*.yaml', '--format', 'json'], {
      cwd: join(repo, 'baselines'),
    });
    expect(diffReport(inside.stdout).realms).toEqual({ added: ['partners'], removed: ['old'], compared: ['shop'] });
    const none = await runCli(['diff', '--git', 'v1..feature', 'baselines/*.json'], { cwd: repo });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/'baselines\/\*\.json' matches no file in either v1 or feature/);
  });

  it('takes single files too, and fails with --fail-on-weaken', async () => {
    const run = await runCli(
      ['diff', '--git', 'HEAD~1..HEAD', 'baselines/shop.yaml', '--fail-on-weaken', '--format', 'markdown'],
      { cwd: repo },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('⚠️ **weakens 4 settings');
  });

  it('exits 2 with one line for an unknown revision', async () => {
    const run = await runCli(['diff', '--git', 'nope..HEAD', 'baselines/'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^realmguard: unknown git revision 'nope' — .*fetch-depth: 0/);
  });

  it('exits 2 with one line for a path in neither revision', async () => {
    const run = await runCli(['diff', '--git', 'v1..feature', 'realms/'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^realmguard: realms\/: 'realms\/' exists in neither v1 nor feature/);
  });

  it('exits 2 for a range without "..", for no path, and outside a repository', async () => {
    const noRange = await runCli(['diff', '--git', 'main', 'baselines/'], { cwd: repo });
    expect(noRange.code).toBe(2);
    expect(noRange.stderr).toMatch(/--git expects BASE\.\.HEAD, got 'main'/);
    const noPath = await runCli(['diff', '--git', 'v1..feature'], { cwd: repo });
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toMatch(/--git needs at least one PATH/);
    const noRepo = await runCli(['diff', '--git', 'a..b', 'x'], { cwd: outside });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr).toMatch(/not inside a git repository/);
  });

  it('exits 2 with one line when BASE...HEAD have no common ancestor', async () => {
    await inRepo('checkout', '-q', '--orphan', 'unrelated');
    await inRepo('commit', '-q', '-m', 'unrelated root');
    await inRepo('checkout', '-q', 'feature');
    const run = await runCli(['diff', '--git', 'unrelated...feature', 'baselines/'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'realmguard: unrelated and feature have no common ancestor — compare them directly: --git unrelated..feature',
    );
  });

  it('exits 2 when git is not on PATH', async () => {
    const run = await runCli(['diff', '--git', 'v1..feature', 'baselines/'], { cwd: repo, env: { PATH: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('realmguard: git is not installed or not on PATH — install git to use --git');
  });

  it('exits 2 when one revision declares a realm in two files', async () => {
    await inRepo('checkout', '-q', '-b', 'duplicate', 'feature');
    await copyFile(join(FIXTURES, 'shop-head.yaml'), join(repo, 'baselines', 'shop-copy.yaml'));
    await inRepo('add', '.');
    await inRepo('commit', '-q', '-m', 'duplicate');
    const run = await runCli(['diff', '--git', 'v1..duplicate', 'baselines/'], { cwd: repo });
    await inRepo('checkout', '-q', 'feature');
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^realmguard: duplicate:baselines\/shop\.yaml: realm 'shop' is declared twice at duplicate: in baselines\/shop-copy\.yaml and in baselines\/shop\.yaml/,
    );
  });

  it('exits 2 naming the revision and file when a committed file is broken', async () => {
    await writeFile(join(repo, 'baselines', 'broken.yaml'), 'realm: [broken\n');
    await inRepo('add', '.');
    await inRepo('commit', '-q', '-m', 'broken');
    const run = await runCli(['diff', '--git', 'HEAD~1..HEAD', 'baselines/'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^realmguard: HEAD:baselines\/broken\.yaml:\d+:\d+: YAML syntax error/);
  });
});

describe('parseGitRange', () => {
  it.each([
    ['origin/main..HEAD', { base: 'origin/main', head: 'HEAD', mergeBase: false }],
    ['origin/main...HEAD', { base: 'origin/main', head: 'HEAD', mergeBase: true }],
    ['v1.2..v1.3', { base: 'v1.2', head: 'v1.3', mergeBase: false }],
  ])('%s', (text, expected) => {
    expect(parseGitRange(text)).toEqual(expected);
  });

  it.each(['main', '..HEAD', 'main..', 'a....b'])('rejects %s', (text) => {
    expect(() => parseGitRange(text)).toThrow(/--git expects BASE\.\.HEAD/);
  });

  it('loads both sides in-process as well', async () => {
    const sides = await loadGitSides('v1..feature', ['baselines/shop.yaml'], { cwd: repo });
    expect(sides.base.map((realm) => realm.settings.accessTokenLifespan)).toEqual([300]);
    expect(sides.head.map((realm) => realm.settings.accessTokenLifespan)).toEqual([3600]);
    expect(sides.commits.base).toMatch(/^[0-9a-f]{40}$/);
  });
});
