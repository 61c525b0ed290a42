/**
 * Issue 10, item 2: everything that can fail on this machine is checked before the first write,
 * and an I/O failure after a write loses neither the result nor the summary. The pure and
 * file-system parts; test/integration/incident/preflight.test.ts proves it against Keycloak.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../model/errors.ts';
import { runBulk, thrownResult } from '../../../incident/bulk.ts';
import { JournalKeeper } from '../../../cli/incident/journaling.ts';
import { renderSummary } from '../../../cli/format/incident.ts';
import { SecretRegistry } from '../../../keycloak/secrets.ts';
import { Journal, journalEntry, JournalWriteError } from '../../../incident/journal.ts';
import type { ActionResult } from '../../../incident/result.ts';
import { checkSecretFile, SecretFile } from '../../../incident/secret-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'realmguard-preflight-'));

function result(overrides: Partial<ActionResult> = {}): ActionResult {
  return {
    action: 'logout-user',
    realm: 'shop',
    dryRun: false,
    ok: true,
    targets: [{ type: 'user', name: 'alice', id: 'u1' }],
    requests: [],
    evidence: [],
    limits: [],
    notes: [],
    ...overrides,
  };
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no InputError thrown');
}

const failingDisk = () => {
  throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
};

describe('journal pre-flight', () => {
  const journal = (file: string) => new Journal(file, new SecretRegistry());

  it('refuses a directory, a missing directory and a parent that is a file, each in one line', () => {
    const folder = join(dir, 'journal-folder');
    mkdirSync(folder);
    expect(inputError(() => journal(folder).check()).format()).toBe(
      `${folder}: --journal: the journal is a directory — give a file path with --journal FILE`,
    );
    const missing = join(dir, 'no-such-dir', 'j.jsonl');
    expect(inputError(() => journal(missing).check()).message).toBe(
      `the journal's directory ${join(dir, 'no-such-dir')} does not exist`,
    );
    const plain = join(dir, 'plain-file');
    writeFileSync(plain, 'x');
    expect(inputError(() => journal(join(plain, 'j.jsonl')).check()).message).toBe(
      `the journal's directory ${plain} is not a directory`,
    );
  });

  it('creates a new journal 0600 and leaves an existing one as it is', () => {
    const fresh = join(dir, 'fresh.jsonl');
    journal(fresh).check();
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    expect(readFileSync(fresh, 'utf8')).toBe('');
    const existing = join(dir, 'existing.jsonl');
    writeFileSync(existing, '{"a":1}\n');
    journal(existing).check();
    expect(readFileSync(existing, 'utf8')).toBe('{"a":1}\n');
  });

  it('a line the disk refuses is a JournalWriteError that carries the redacted line', () => {
    const secrets = new SecretRegistry();
    secrets.add('super-secret-admin-password');
    const failing = new Journal(join(dir, 'full.jsonl'), secrets, failingDisk);
    let caught: unknown;
    try {
      failing.append(
        journalEntry(result({ ok: false, error: 'echo super-secret-admin-password' }), {
          actor: 'a',
          server: 's',
          input: 'alice',
        }),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JournalWriteError);
    const error = caught as JournalWriteError;
    expect(error.message).toBe(`cannot write the journal ${join(dir, 'full.jsonl')} (ENOSPC)`);
    expect(error.line).toContain('"input":"alice"');
    expect(error.line).not.toContain('super-secret-admin-password');
  });
});

describe('JournalKeeper', () => {
  it('keeps the refused lines and reports them for the operator to append', () => {
    let calls = 0;
    const keeper = new JournalKeeper(
      new Journal(join(dir, 'half.jsonl'), new SecretRegistry(), (file, line) => {
        if (++calls > 1) failingDisk();
        writeFileSync(file, line, { flag: 'a' });
      }),
    );
    expect(keeper.record(journalEntry(result(), { actor: 'a', server: 's', input: 'alice' }))).toBe(true);
    expect(keeper.record(journalEntry(result(), { actor: 'a', server: 's', input: 'bob' }))).toBe(false);
    expect(keeper.failed).toBe(true);
    expect(keeper.lostInputs).toEqual(['bob']);
    const report = keeper.report('the logout-user run ended')!.trimEnd().split('\n');
    expect(report[0]).toBe(
      `realmguard: the logout-user run ended, but cannot write the journal ${join(dir, 'half.jsonl')} (ENOSPC): 1 of 2 entries are not in the journal — append the JSON line below to it (before any --resume)`,
    );
    expect(JSON.parse(report[1]!)).toMatchObject({ input: 'bob', result: 'ok' });
    expect(readFileSync(join(dir, 'half.jsonl'), 'utf8')).toContain('"input":"alice"');
  });

  it('any error of the writer is a refused line, reported, not a crash', () => {
    const keeper = new JournalKeeper(
      new Journal(join(dir, 'bug.jsonl'), new SecretRegistry(), () => {
        throw new TypeError('a bug');
      }),
    );
    expect(keeper.record(journalEntry(result(), { actor: 'a', server: 's' }))).toBe(false);
    expect(keeper.report('x was done')).toMatch(/its entry is not in the journal/);
  });
});

describe('secret file pre-flight', () => {
  it('refuses an existing file (unless forced), a directory and a missing directory', () => {
    const existing = join(dir, 'existing.secret');
    writeFileSync(existing, 'old\n');
    expect(inputError(() => checkSecretFile(existing)).format()).toBe(
      `${existing}: --secret-file: the secret file already exists — give a new path, or pass --force to replace it`,
    );
    expect(() => checkSecretFile(existing, { force: true })).not.toThrow();
    expect(inputError(() => SecretFile.reserve(existing)).message).toBe('the secret file already exists');
    expect(readFileSync(existing, 'utf8')).toBe('old\n');
    expect(inputError(() => checkSecretFile(dir, { force: true })).message).toBe('the secret file is a directory');
    expect(inputError(() => SecretFile.reserve(join(dir, 'nope', 's'))).message).toBe(
      `the secret file's directory ${join(dir, 'nope')} does not exist`,
    );
  });

  it('reserves a new file 0600 before the rotation, writes it after, or removes it when nothing came', () => {
    const file = join(dir, 'new.secret');
    const reserved = SecretFile.reserve(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    reserved.write('s3cr3t-value');
    expect(readFileSync(file, 'utf8')).toBe('s3cr3t-value\n');
    reserved.discard();
    expect(readFileSync(file, 'utf8')).toBe('s3cr3t-value\n');
    const unused = join(dir, 'unused.secret');
    SecretFile.reserve(unused).discard();
    expect(() => statSync(unused)).toThrow(/ENOENT/);
  });

  it('with force: the old file stays until the new secret replaces it, as a 0600 file', () => {
    const sub = mkdtempSync(join(dir, 'force-'));
    const file = join(sub, 'api.secret');
    writeFileSync(file, 'old\n', { mode: 0o644 });
    const reserved = SecretFile.reserve(file, { force: true });
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    reserved.write('new-secret-value');
    expect(readFileSync(file, 'utf8')).toBe('new-secret-value\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(sub)).toEqual(['api.secret']);
    const again = SecretFile.reserve(file, { force: true });
    again.discard();
    expect(readdirSync(sub)).toEqual(['api.secret']);
    expect(readFileSync(file, 'utf8')).toBe('new-secret-value\n');
  });

  it('a write that fails after the rotation names the file and the cause and leaves no partial file', () => {
    const sub = mkdtempSync(join(dir, 'turned-'));
    const file = join(sub, 'api.secret');
    writeFileSync(file, 'old\n');
    const reserved = SecretFile.reserve(file, { force: true });
    // The path turns into a non-empty directory between the check and the write.
    rmSync(file);
    mkdirSync(join(file, 'inside'), { recursive: true });
    expect(() => reserved.write('new-secret-value')).toThrow(`cannot write the secret file ${file} (EISDIR)`);
    expect(readdirSync(sub)).toEqual(['api.secret']);
  });
  it('a reserved file replaced before the write is reported, and the file now there is left alone', () => {
    const sub = mkdtempSync(join(dir, 'swapped-'));
    const file = join(sub, 'api.secret');
    const reserved = SecretFile.reserve(file);
    rmSync(file);
    writeFileSync(file, 'someone else\n');
    expect(() => reserved.write('new-secret-value')).toThrow(
      `cannot write the secret file ${file} (it was removed or replaced while the secret was rotated)`,
    );
    expect(readFileSync(file, 'utf8')).toBe('someone else\n');
    reserved.discard();
    expect(readFileSync(file, 'utf8')).toBe('someone else\n');
  });
});

describe('bulk runs end with their summary', () => {
  it('a target whose action throws and a journal line that fails are listed; the rest are done', async () => {
    const summary = await runBulk(
      ['a', 'b', 'c', 'd'],
      async (input) => {
        if (input === 'b') throw new TypeError('found.find is not a function');
        return result({ targets: [{ type: 'user', name: input }] });
      },
      {
        concurrency: 2,
        onResult: (input) => {
          if (input === 'c') throw new Error('cannot write the journal j (EISDIR)');
        },
      },
    );
    expect(summary).toMatchObject({
      total: 4,
      ok: 3,
      failed: [{ input: 'b', error: 'unexpected error: found.find is not a function' }],
      unrecorded: [{ input: 'c', error: 'cannot write the journal j (EISDIR)' }],
    });
    expect(summary.results.map(({ input }) => input)).toEqual(['a', 'c', 'd']);
  });

  it('once interrupted, starts no further target; those in flight finish and are reported', async () => {
    const controller = new AbortController();
    const started: string[] = [];
    const summary = await runBulk(
      ['a', 'b', 'c', 'd', 'e'],
      async (input) => {
        started.push(input);
        if (input === 'b') controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 10));
        return result({ targets: [{ type: 'user', name: input }] });
      },
      { concurrency: 2, signal: controller.signal },
    );
    expect(started).toEqual(['a', 'b']);
    expect(summary).toMatchObject({ total: 5, ok: 2, failed: [], notStarted: ['c', 'd', 'e'] });
    expect(renderSummary('logout-user', summary, 1000, { file: 'j.jsonl', lost: [] }).split('\n').slice(1)).toEqual([
      'done: a, b',
      'interrupted: 3 not started: c, d, e',
      'to finish only the ones not started: rerun the same command with --resume j.jsonl',
    ]);
  });

  it('a thrown error becomes a failed, journaled result; an input error keeps its own words', () => {
    expect(thrownResult('logout-user', 'shop', false, 'bob', new TypeError('x is not a function'))).toMatchObject({
      ok: false,
      error: 'unexpected error: x is not a function',
      targets: [{ type: 'user', name: 'bob' }],
    });
    expect(
      thrownResult(
        'logout-user',
        'shop',
        false,
        '..',
        new InputError("user id '..' cannot be addressed", { keyPath: '--users-file' }),
      ).error,
    ).toBe("--users-file: user id '..' cannot be addressed");
  });

  it('the summary lists what is done, what failed and why, what the journal lacks, and how to resume', () => {
    const summary = {
      total: 4,
      ok: 2,
      skipped: [],
      failed: [{ input: 'ghost', error: "unknown user 'ghost'" }],
      results: [
        { input: 'alice', result: result() },
        { input: 'ghost', result: result({ ok: false }) },
        { input: 'bob', result: result() },
      ],
    };
    expect(renderSummary('logout-user', summary, 2000, { file: 'j.jsonl', lost: [] }).split('\n')).toEqual([
      'logout-user: 4 listed · 2 done · 1 failed · 0 skipped (done in the resumed journal) · 2.0 s',
      'done: alice, bob',
      'failed:',
      "  ghost: unknown user 'ghost'",
      'to finish only these: rerun the same command with --resume j.jsonl',
    ]);
    expect(
      renderSummary('logout-user', summary, 2000, {
        file: 'j.jsonl',
        lost: ['bob'],
        reason: 'cannot write the journal j.jsonl (ENOSPC)',
      })
        .split('\n')
        .slice(-2),
    ).toEqual([
      'not journaled (cannot write the journal j.jsonl (ENOSPC)): bob',
      'to finish only the failed ones: append the missing journal lines (printed on stderr) to j.jsonl, then rerun the same command with --resume j.jsonl',
    ]);
  });
});
