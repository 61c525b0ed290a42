/** Issue 10 item 5: a file that is not UTF-8 at a git revision is refused like any input file. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { loadGitSides } from '../../../review/git-revisions.ts';

const git = promisify(execFile);
let repo: string;

async function inRepo(...args: string[]): Promise<void> {
  await git('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'realmguard-git-utf8-'));
  await inRepo('init', '-q', '-b', 'main');
  await writeFile(join(repo, 'shop.yaml'), 'realm: shop\n');
  await inRepo('add', '.');
  await inRepo('commit', '-q', '-m', 'base');
  await writeFile(
    join(repo, 'shop.yaml'),
    Buffer.concat([Buffer.from('realm: shop\nclients:\n  - clientId: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
  );
  await inRepo('commit', '-q', '-am', 'latin-1');
}, 60_000);

afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
});

it('diff --git: a Latin-1 file at HEAD is an input error at its byte, not mojibake', async () => {
  const error = await loadGitSides('HEAD~1..HEAD', ['shop.yaml'], { cwd: repo }).catch((caught: unknown) => caught);
  expect(error instanceof InputError || error instanceof InputErrors).toBe(true);
  expect((error as Error).message + (error instanceof InputError ? error.format() : '')).toContain(
    'HEAD:shop.yaml:3:18: is not UTF-8 text',
  );
}, 60_000);
