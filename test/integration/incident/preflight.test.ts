/**
 * Issue 10, item 2 against the real Keycloak, through the recording proxy: everything that can
 * fail on this machine (journal, secret file, user list, --resume journal) fails before the first
 * state-changing request, with one line and exit 2; an I/O failure after a write still prints the
 * result and the evidence; a bulk run of 30 users ends with its summary even when targets fail
 * and the journal breaks half-way, and --resume finishes it.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keycloak } from '../../support/keycloak.ts';
import { RealmFixture } from './support/realm-fixture.ts';
import { startProxy, stateChanging, type RecordingProxy } from './support/recording-proxy.ts';
import { adminEnv, runCli } from './support/run-cli.ts';

const ROTATING_SECRET = 'rotating-secret-0123456789abcdef';

let fx: RealmFixture;
let dir: string;
let proxy: RecordingProxy;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-preflight');
  await fx.kc.clients.create({
    realm: fx.realm,
    clientId: 'rotating',
    publicClient: false,
    secret: ROTATING_SECRET,
    standardFlowEnabled: false,
    serviceAccountsEnabled: true,
  });
  dir = mkdtempSync(join(tmpdir(), 'realmguard-preflight-'));
  proxy = await startProxy(fx.url);
});
afterEach(() => {
  proxy.fault = () => 'pass';
  proxy.log.length = 0;
});
afterAll(async () => {
  await (proxy as RecordingProxy | undefined)?.close(); // unset when beforeAll failed before it
  await (fx as RealmFixture | undefined)?.destroy();
});

/** The command through the proxy, as the master admin. */
function cli(args: string[], stdin?: string) {
  return runCli([...args, '--realm', fx.realm, '--url', proxy.url], stdin === undefined ? {} : { stdin });
}

async function clientCredentialsStatus(secret: string): Promise<number> {
  const response = await fetch(fx.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'rotating', client_secret: secret }),
  });
  await response.text();
  return response.status;
}

async function currentSecret(): Promise<string> {
  return (await fx.kc.clients.getClientSecret({ realm: fx.realm, id: await fx.clientUuid('rotating') })).value!;
}

/** A user with an online and an offline session. */
async function loggedIn(name: string): Promise<string> {
  const id = await fx.createUser(name);
  await fx.login(name, 'web');
  await fx.login(name, 'web', true);
  return id;
}

/** One line on stderr, exit 2, and not one request of any kind reached Keycloak. */
function refusedUpFront(run: { code: number | null; stderr: string }, message: RegExp): void {
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.code).toBe(2);
  expect(stateChanging(proxy.log)).toEqual([]);
  expect(proxy.log).toEqual([]);
}

describe('pre-flight: nothing is sent when this machine cannot finish the job', () => {
  it('a journal that is a directory, or in a missing directory: exit 2, the user keeps her sessions', async () => {
    const userId = await loggedIn('pre-ada');
    const folder = join(dir, 'journal-is-a-folder');
    mkdirSync(folder);
    refusedUpFront(
      await cli(['logout-user', '--user', 'pre-ada', '--journal', folder]),
      /--journal: the journal is a directory — give a file path/,
    );
    refusedUpFront(
      await cli(['logout-user', '--user', 'pre-ada', '--journal', join(dir, 'missing', 'j.jsonl')]),
      /the journal's directory .*missing does not exist/,
    );
    refusedUpFront(await cli(['logout-realm', '--yes', '--journal', folder]), /the journal is a directory/);
    expect(await fx.sessionCounts(userId)).toEqual({ online: 1, offline: 1 });
  });

  it('every action checks the journal before its first request', async () => {
    const folder = join(dir, 'every-action-journal');
    mkdirSync(folder, { recursive: true });
    const tokenFile = join(dir, 'dummy.token');
    writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJhenAiOiJ3ZWIifQ.c2ln\n');
    const actions: string[][] = [
      ['sessions', '--user', 'pre-ada'],
      ['logout-session', '--user', 'pre-ada', '--session', 'sid'],
      ['logout-user', '--user', 'pre-ada'],
      ['logout-realm', '--yes'],
      ['revoke-token', '--token-file', tokenFile],
      ['not-before', '--yes'],
      ['rotate-keys', '--yes'],
      ['disable-user', '--user', 'pre-ada'],
      ['disable-client', '--client', 'web'],
      ['rotate-client-secret', '--client', 'rotating'],
      ['bump-token-version', '--user', 'pre-ada'],
      ['contain-user', '--user', 'pre-ada'],
      ['contain-realm', '--yes'],
    ];
    for (const args of actions) {
      proxy.log.length = 0;
      refusedUpFront(await cli([...args, '--journal', folder]), /--journal: the journal is a directory/);
    }
  });

  it('a secret file that exists (without --force), is a directory or has no directory: exit 2, the old secret still works', async () => {
    const existing = join(dir, 'existing.secret');
    writeFileSync(existing, 'keep me\n');
    const journal = join(dir, 'secret-pre.jsonl');
    refusedUpFront(
      await cli(['rotate-client-secret', '--client', 'rotating', '--secret-file', existing, '--journal', journal]),
      /--secret-file: the secret file already exists — give a new path, or pass --force to replace it/,
    );
    expect(readFileSync(existing, 'utf8')).toBe('keep me\n');
    refusedUpFront(
      await cli([
        'rotate-client-secret',
        '--client',
        'rotating',
        '--secret-file',
        dir,
        '--force',
        '--journal',
        journal,
      ]),
      /the secret file is a directory/,
    );
    refusedUpFront(
      await cli([
        'rotate-client-secret',
        '--client',
        'rotating',
        '--secret-file',
        join(dir, 'nowhere', 's'),
        '--journal',
        journal,
      ]),
      /the secret file's directory .*nowhere does not exist/,
    );
    refusedUpFront(
      await cli(['rotate-client-secret', '--client', 'rotating', '--force', '--journal', journal]),
      /--force applies to --secret-file/,
    );
    // A dry run checks the secret file too, and creates nothing.
    refusedUpFront(
      await cli([
        'rotate-client-secret',
        '--client',
        'rotating',
        '--secret-file',
        existing,
        '--dry-run',
        '--journal',
        journal,
      ]),
      /the secret file already exists/,
    );
    expect(await clientCredentialsStatus(ROTATING_SECRET)).toBe(200);
    expect(readFileSync(journal, 'utf8')).toBe('');
  });

  it('bulk: an unreadable list, a damaged --resume journal or a bad journal stop 30 users before the first of them', async () => {
    const names = Array.from({ length: 30 }, (_, index) => `pre-bulk-${String(index).padStart(2, '0')}`);
    const limit = pLimit(6);
    const ids = await Promise.all(names.map((name) => limit(() => loggedIn(name))));
    const list = join(dir, 'pre-users.txt');
    writeFileSync(list, `${names.join('\n')}\n`);
    const folder = join(dir, 'bulk-journal-folder');
    mkdirSync(folder);
    refusedUpFront(await cli(['logout-user', '--users-file', list, '--journal', folder]), /the journal is a directory/);
    refusedUpFront(
      await cli(['contain-user', '--users-file', list, '--journal', folder, '--disable']),
      /the journal is a directory/,
    );
    refusedUpFront(
      await cli(['logout-user', '--users-file', join(dir, 'no-list.txt'), '--journal', join(dir, 'b.jsonl')]),
      /cannot read .*no-list\.txt \(ENOENT\)/,
    );
    const damaged = join(dir, 'damaged.jsonl');
    writeFileSync(damaged, '{"action":"logout-user"}\nnot json\n');
    refusedUpFront(
      await cli(['logout-user', '--users-file', list, '--resume', damaged, '--journal', damaged]),
      /damaged\.jsonl:2: not a JSON line/,
    );
    for (const id of ids) expect(await fx.sessionCounts(id)).toEqual({ online: 1, offline: 1 });
  });

  it('targets are resolved before the first change: an unknown user or client changes nothing and leaves no secret file', async () => {
    const ghost = await cli(['logout-user', '--user', 'pre-ghost', '--journal', join(dir, 'ghost.jsonl')]);
    expect(ghost.code).toBe(1);
    expect(ghost.stderr).toMatch(/unknown user 'pre-ghost'/);
    expect(proxy.log.length).toBeGreaterThan(0);
    expect(stateChanging(proxy.log)).toEqual([]);
    const file = join(dir, 'ghost.secret');
    const client = await cli([
      'rotate-client-secret',
      '--client',
      'pre-ghost',
      '--secret-file',
      file,
      '--journal',
      join(dir, 'ghost.jsonl'),
    ]);
    expect(client.code).toBe(1);
    expect(client.stderr).toMatch(/unknown client 'pre-ghost'/);
    expect(stateChanging(proxy.log)).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });
});

describe('an I/O failure after the write', () => {
  it('a journal that refuses the line (a full disk: /dev/full): the result and evidence are printed, the line handed over, exit 1', async () => {
    const userId = await loggedIn('io-bea');
    const run = await cli(['logout-user', '--user', 'io-bea', '--journal', '/dev/full']);
    expect(run.stdout).toContain(`logout-user · realm ${fx.realm} · done`);
    expect(run.stdout).toContain('✓ online sessions left: 0');
    const [message, line, ...rest] = run.stderr.trimEnd().split('\n');
    expect(message).toBe(
      'realmguard: logout-user was done, but cannot write the journal /dev/full (ENOSPC): its entry is not in the journal — append the JSON line below to it (before any --resume)',
    );
    expect(JSON.parse(line!)).toMatchObject({
      action: 'logout-user',
      realm: fx.realm,
      result: 'ok',
      targets: [{ type: 'user', id: userId, name: 'io-bea' }],
    });
    expect(rest).toEqual([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(1);
    expect(await fx.sessionCounts(userId)).toEqual({ online: 0, offline: 0 });
    expect(run.stderr).not.toContain(keycloak().adminPassword);
  });

  it('a secret file replaced by a directory while the secret rotates: evidence gathered, result printed and journaled, never the secret', async () => {
    const sub = mkdtempSync(join(dir, 'rotate-'));
    const file = join(sub, 'rotating.secret');
    writeFileSync(file, 'old contents\n');
    const journal = join(dir, 'rotate-io.jsonl');
    // The moment the rotation is sent, the path turns into a directory: the write after it must fail.
    proxy.fault = (request) => {
      if (request.method === 'POST' && request.path.endsWith('/client-secret')) {
        rmSync(file);
        mkdirSync(join(file, 'inside'), { recursive: true });
      }
      return 'pass';
    };
    const run = await cli([
      'rotate-client-secret',
      '--client',
      'rotating',
      '--secret-file',
      file,
      '--force',
      '--journal',
      journal,
    ]);
    const fresh = await currentSecret();
    expect(fresh).not.toBe(ROTATING_SECRET);
    expect(run.stdout).toContain(`rotate-client-secret · realm ${fx.realm} · FAILED`);
    expect(run.stdout).toContain(
      `error: the secret was rotated but cannot write the secret file ${file} (EISDIR): read it in the admin console (client rotating → Credentials)`,
    );
    expect(run.stdout).toContain('✓ old secret refused');
    expect(run.stdout).toContain('✓ new secret accepted');
    expect(run.stderr).toBe(
      `realmguard: rotate-client-secret failed: the secret was rotated but cannot write the secret file ${file} (EISDIR): read it in the admin console (client rotating → Credentials)\n`,
    );
    expect(run.code).toBe(1);
    const [entry] = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(entry).toMatchObject({
      action: 'rotate-client-secret',
      result: 'failed',
      evidence: [
        { check: 'old secret refused', status: 'pass' },
        { check: 'new secret accepted', status: 'pass' },
      ],
    });
    expect(entry!.requests).toContainEqual(expect.stringMatching(/^POST \S*\/admin\/realms\/.+\/client-secret$/));
    // No temporary file left beside it, and the secret nowhere in what was printed or journaled.
    expect(readdirSync(sub)).toEqual(['rotating.secret']);
    for (const text of [run.stdout, run.stderr, readFileSync(journal, 'utf8')]) {
      expect(text).not.toContain(fresh);
      expect(text).not.toContain(ROTATING_SECRET);
    }
  });

  it('--force replaces an existing secret file with a 0600 one holding the new secret', async () => {
    const file = join(dir, 'forced.secret');
    writeFileSync(file, 'old contents\n', { mode: 0o644 });
    const run = await cli([
      'rotate-client-secret',
      '--client',
      'rotating',
      '--secret-file',
      file,
      '--force',
      '--journal',
      join(dir, 'forced.jsonl'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const fresh = await currentSecret();
    expect(readFileSync(file, 'utf8')).toBe(`${fresh}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run.stdout).not.toContain(fresh);
    expect(await clientCredentialsStatus(fresh)).toBe(200);
  });
});

describe('bulk runs end with their summary', () => {
  it('--json, with a journal that refuses every line: the summary is still JSON on stdout, the lines on stderr', async () => {
    const names = ['json-a', 'json-b', 'json-c'];
    for (const name of names) await loggedIn(name);
    const run = await cli(
      ['contain-user', '--users-file', '-', '--json', '--journal', '/dev/full'],
      `${names.join('\n')}\n`,
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({
      total: 3,
      ok: 3,
      done: names,
      failed: [],
      journal: { file: '/dev/full', lost: names, reason: 'cannot write the journal /dev/full (ENOSPC)' },
    });
    const [message, ...lines] = run.stderr.trimEnd().split('\n');
    expect(message).toMatch(
      /^realmguard: the contain-user run ended, but cannot write the journal \/dev\/full \(ENOSPC\): 3 of 3 entries are not in the journal/,
    );
    expect(lines.map((line) => (JSON.parse(line) as { input: string; result: string }).result)).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
  });

  it('Ctrl-C half-way: the users in flight finish, the summary names the ones not started, --resume does them', async () => {
    const names = Array.from({ length: 30 }, (_, index) => `int-${String(index).padStart(2, '0')}`);
    const limit = pLimit(6);
    const ids = await Promise.all(names.map((name) => limit(() => loggedIn(name))));
    const list = join(dir, 'int-users.txt');
    writeFileSync(list, `${names.join('\n')}\n`);
    const journal = join(dir, 'int.jsonl');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        'bin/realmguard.js',
        'incident',
        'logout-user',
        '--realm',
        fx.realm,
        '--url',
        proxy.url,
        '--users-file',
        list,
        '--concurrency',
        '2',
        '--journal',
        journal,
      ],
      { cwd: root, env: adminEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let logouts = 0;
    proxy.fault = (request) => {
      if (request.method === 'POST' && request.path.endsWith('/logout') && ++logouts === 5) child.kill('SIGINT');
      return 'pass';
    };
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toMatch(/^realmguard: interrupted — finishing the users in progress and starting no more/);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const out = stdout.trimEnd().split('\n');
    const done = out
      .find((line) => line.startsWith('done: '))!
      .slice('done: '.length)
      .split(', ');
    const notStarted = out
      .find((line) => line.startsWith('interrupted: '))!
      .split(': ')[2]!
      .split(', ');
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(done.length).toBeLessThan(30);
    expect([...done, ...notStarted].sort()).toEqual(names);
    expect(out[0]).toMatch(new RegExp(`^logout-user: 30 listed · ${done.length} done · 0 failed · 0 skipped`));
    expect(out.at(-1)).toBe(`to finish only the ones not started: rerun the same command with --resume ${journal}`);
    // Every user it started is finished and journaled; the rest are untouched.
    expect(
      readFileSync(journal, 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { input: string }).input)
        .sort(),
    ).toEqual([...done].sort());
    for (const [index, name] of names.entries()) {
      const counts = await fx.sessionCounts(ids[index]!);
      expect(counts.online + counts.offline > 0).toBe(notStarted.includes(name));
    }
    proxy.fault = () => 'pass';
    const resumed = await cli(['logout-user', '--users-file', list, '--resume', journal, '--journal', journal]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout.split('\n')[0]).toMatch(
      new RegExp(`^logout-user: 30 listed · ${notStarted.length} done · 0 failed · ${done.length} skipped`),
    );
    for (const id of ids) expect(await fx.sessionCounts(id)).toEqual({ online: 0, offline: 0 });
  });

  it('30 users: failing targets and a journal that breaks half-way are all in the summary; --resume finishes the rest', async () => {
    const names = Array.from({ length: 30 }, (_, index) => `sum-${String(index).padStart(2, '0')}`);
    const limit = pLimit(6);
    const ids = await Promise.all(names.map((name) => limit(() => loggedIn(name))));
    const byName = new Map(names.map((name, index) => [name, ids[index]!]));
    const stubborn = new Set([names[4]!, names[17]!]);
    const garbled = names[9]!;
    const listed = [...names.slice(0, 12), 'sum-ghost', ...names.slice(12)];
    const list = join(dir, 'sum-users.txt');
    writeFileSync(list, `${listed.join('\n')}\n`);
    const journal = join(dir, 'sum.jsonl');
    const moved = join(dir, 'sum.first-half.jsonl');
    let logouts = 0;
    proxy.fault = (request) => {
      // Two users' logouts keep failing; one user's lookup is answered with an HTML page.
      const logoutOf = /\/users\/([0-9a-f-]+)\/logout$/.exec(request.path)?.[1];
      if (logoutOf && [...stubborn].some((name) => byName.get(name) === logoutOf)) return 'bad-gateway';
      if (request.method === 'GET' && request.path.includes(`username=${garbled}`)) return 'html';
      // Half-way, the journal is moved away and a directory takes its place.
      if (logoutOf && ++logouts === 14) {
        renameSync(journal, moved);
        mkdirSync(journal);
      }
      return 'pass';
    };
    const run = await cli([
      'logout-user',
      '--users-file',
      list,
      '--concurrency',
      '4',
      '--retries',
      '1',
      '--journal',
      journal,
    ]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stdout, run.stderr).not.toBe('');
    expect(run.code).toBe(1);
    const out = run.stdout.trimEnd().split('\n');
    const failedNames = [...stubborn, garbled, 'sum-ghost'];
    expect(out[0]).toMatch(
      /^logout-user: 31 listed · 27 done · 4 failed · 0 skipped \(done in the resumed journal\) · [\d.]+ s$/,
    );
    expect(out[1]).toBe(`done: ${listed.filter((name) => !failedNames.includes(name)).join(', ')}`);
    expect(out[2]).toBe('failed:');
    const failures = out.slice(3, 7);
    expect(failures.map((line) => line.trim().split(':')[0])).toEqual(
      listed.filter((name) => failedNames.includes(name)),
    );
    expect(failures.find((line) => line.startsWith('  sum-ghost:'))).toMatch(/unknown user 'sum-ghost'/);
    for (const name of stubborn) expect(failures.find((line) => line.startsWith(`  ${name}:`))).toMatch(/502 for POST/);
    expect(out[7]).toMatch(new RegExp(`^not journaled \\(cannot write the journal ${journal} \\(EISDIR\\)\\): `));
    expect(out[8]).toBe(
      `to finish only the failed ones: append the missing journal lines (printed on stderr) to ${journal}, then rerun the same command with --resume ${journal}`,
    );
    // Every user not failing is logged out; the failing ones still have their sessions.
    for (const name of names) {
      const counts = await fx.sessionCounts(byName.get(name)!);
      expect(counts.online + counts.offline > 0).toBe(failedNames.includes(name));
    }
    // The journal lines are all there: the first half in the moved file, the rest on stderr.
    const [message, ...lost] = run.stderr
      .trimEnd()
      .split('\n')
      .filter((line) => !line.startsWith('realmguard: logout-user failed'));
    expect(message).toMatch(
      new RegExp(
        `^realmguard: the logout-user run ended, but cannot write the journal ${journal} \\(EISDIR\\): \\d+ of 31 entries are not in the journal — append the JSON lines below to it \\(before any --resume\\)$`,
      ),
    );
    const written = readFileSync(moved, 'utf8').trim().split('\n');
    expect(written.length + lost.length).toBe(31);
    expect(new Set([...written, ...lost].map((line) => (JSON.parse(line) as { input: string }).input))).toEqual(
      new Set(listed),
    );
    expect(out[7]!.split(': ').slice(1).join(': ').split(', ').sort()).toEqual(
      lost.map((line) => (JSON.parse(line) as { input: string }).input).sort(),
    );

    // The operator puts the journal back together and resumes: only the failed ones are acted on.
    proxy.fault = () => 'pass';
    rmSync(journal, { recursive: true });
    renameSync(moved, journal);
    appendFileSync(journal, `${lost.join('\n')}\n`);
    await fx.createUser('sum-ghost');
    const resumed = await cli(['logout-user', '--users-file', list, '--resume', journal, '--journal', journal]);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout.split('\n')[0]).toMatch(/^logout-user: 31 listed · 4 done · 0 failed · 27 skipped/);
    for (const id of ids) expect(await fx.sessionCounts(id)).toEqual({ online: 0, offline: 0 });
    for (const text of [run.stdout, run.stderr, resumed.stdout, readFileSync(journal, 'utf8')])
      expect(text).not.toContain(keycloak().adminPassword);
  });
});
