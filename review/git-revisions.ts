/**
 * `diff --git BASE..HEAD PATH...`: the realms declared at two git revisions. Files are read with
 * `git show REV:PATH` (never from the working tree), so the diff is exactly what the pull
 * request changes. A path may name a file, a directory (every .yaml, .yml and .json file below
 * it) or a quoted glob; a file present at one revision only is a realm added or removed.
 */
import { execFile } from 'node:child_process';
import { matchesGlob, posix, sep } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../model/errors.ts';
import { loadRealmText } from '../model/load.ts';
import type { LoadedRealm } from '../model/realm-settings.ts';
import { decodeUtf8 } from '../model/source/utf8.ts';

const run = promisify(execFile);

export interface GitRange {
  base: string;
  head: string;
  /** BASE...HEAD: compare HEAD with the merge base, as GitHub shows a pull request. */
  mergeBase: boolean;
}

export interface GitSides {
  base: LoadedRealm[];
  head: LoadedRealm[];
  /** The commits compared (after merge-base resolution). */
  commits: { base: string; head: string };
}

export type TextLoader = (text: string, file: string) => LoadedRealm[];

const REALM_FILE = /\.(ya?ml|json)$/i;

export function parseGitRange(text: string): GitRange {
  const match = /^(.+?)(\.\.\.?)(.+)$/.exec(text.trim());
  if (!match || !match[1] || !match[3] || match[1].endsWith('.') || match[3].startsWith('.')) {
    throw new InputError(`--git expects BASE..HEAD, got '${text}'`, {}, 'for example --git origin/main..HEAD');
  }
  return { base: match[1], head: match[3], mergeBase: match[2] === '...' };
}

async function git(args: string[], cwd: string): Promise<string> {
  return (await gitBytes(args, cwd)).toString('utf8');
}

/** git's output as bytes: a file at a revision is checked as UTF-8 like any input file, not decoded blindly. */
async function gitBytes(args: string[], cwd: string): Promise<Buffer> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer }; // encoding: 'buffer'
    if (failure.code === 'ENOENT')
      throw new InputError('git is not installed or not on PATH', {}, 'install git to use --git');
    throw new GitCommandError(
      String(failure.stderr ?? failure.message)
        .trim()
        .split('\n')[0] ?? 'git failed',
    );
  }
}

class GitCommandError extends Error {}

async function resolveCommit(ref: string, cwd: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd)).trim();
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(
        `unknown git revision '${ref}'`,
        {},
        'name a branch, tag or commit that exists here (in CI, fetch it: actions/checkout with fetch-depth: 0)',
      );
    }
    throw error;
  }
}

async function ensureRepository(cwd: string): Promise<void> {
  try {
    await git(['rev-parse', '--git-dir'], cwd);
  } catch (error) {
    if (error instanceof GitCommandError)
      throw new InputError(`not inside a git repository (${cwd})`, {}, 'run diff --git from a clone of the repository');
    throw error;
  }
}

async function mergeBase(base: string, head: string, range: GitRange, cwd: string): Promise<string> {
  try {
    return (await git(['merge-base', base, head], cwd)).trim();
  } catch (error) {
    if (error instanceof GitCommandError) {
      throw new InputError(
        `${range.base} and ${range.head} have no common ancestor`,
        {},
        `compare them directly: --git ${range.base}..${range.head}`,
      );
    }
    throw error;
  }
}

const GLOB = /[*?[]/;

/**
 * Repository paths of the realm files a PATH argument names at one commit. A quoted glob
 * ('baselines/*.yaml') is matched against each revision's own tree, so a file deleted by the
 * change still counts; the shell would expand it against the working tree only.
 */
async function filesAt(commit: string, path: string, cwd: string, prefix: string): Promise<string[]> {
  if (GLOB.test(path)) {
    const pattern = posix.normalize(posix.join(prefix, path.split(sep).join('/')));
    const all = (await git(['ls-tree', '-r', '--name-only', '--full-name', commit], cwd)).split('\n').filter(Boolean);
    return all.filter((file) => matchesGlob(file, pattern));
  }
  const listed = (await git(['ls-tree', '-r', '--name-only', '--full-name', commit, '--', path], cwd))
    .split('\n')
    .filter(Boolean);
  // A file named on the command line counts whatever its extension; below a directory, only realm files.
  const named = path.replace(/^\.\//, '').replace(/\/$/, '');
  return listed.filter((file) => REALM_FILE.test(file) || file === named || file.endsWith(`/${named}`));
}

async function realmsAt(
  commit: string,
  label: string,
  files: readonly string[],
  cwd: string,
  load: TextLoader,
): Promise<LoadedRealm[]> {
  const realms: LoadedRealm[] = [];
  const declaredIn = new Map<string, string>();
  for (const file of files) {
    const origin = `${label}:${file}`;
    const text = decodeUtf8(await gitBytes(['show', `${commit}:${file}`], cwd), origin);
    for (const realm of load(text, origin)) {
      const name = realm.settings.realm;
      const earlier = declaredIn.get(name);
      if (earlier)
        throw new InputError(
          `realm '${name}' is declared twice at ${label}: in ${earlier} and in ${file}`,
          { file: origin },
          'give each realm one file',
        );
      declaredIn.set(name, file);
      realms.push(realm);
    }
  }
  return realms;
}

/** Loads the realms of every PATH at both revisions of the range. */
export async function loadGitSides(
  rangeText: string,
  paths: readonly string[],
  options: { cwd?: string; load?: TextLoader } = {},
): Promise<GitSides> {
  const cwd = options.cwd ?? process.cwd();
  const load = options.load ?? loadRealmText;
  if (paths.length === 0)
    throw new InputError('--git needs at least one PATH', {}, 'for example: diff --git origin/main..HEAD baselines/');
  const range = parseGitRange(rangeText);
  await ensureRepository(cwd);
  const head = await resolveCommit(range.head, cwd);
  let base = await resolveCommit(range.base, cwd);
  if (range.mergeBase) base = await mergeBase(base, head, range, cwd);

  // Globs are matched against repository paths: prefix them with where we stand in the repository.
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).trim();
  const baseFiles = new Set<string>();
  const headFiles = new Set<string>();
  for (const path of paths) {
    const [atBase, atHead] = await Promise.all([filesAt(base, path, cwd, prefix), filesAt(head, path, cwd, prefix)]);
    if (atBase.length === 0 && atHead.length === 0) {
      const what = GLOB.test(path)
        ? `'${path}' matches no file in either ${range.base} or ${range.head}`
        : `'${path}' exists in neither ${range.base} nor ${range.head}`;
      throw new InputError(what, { file: path }, 'name a file, directory or glob tracked in one of the two revisions');
    }
    atBase.forEach((file) => baseFiles.add(file));
    atHead.forEach((file) => headFiles.add(file));
  }
  return {
    base: await realmsAt(base, range.base, [...baseFiles].sort(), cwd, load),
    head: await realmsAt(head, range.head, [...headFiles].sort(), cwd, load),
    commits: { base, head },
  };
}
