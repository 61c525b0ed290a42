/**
 * Writing a report as it is produced (cli/commands/write-report.ts), through the real binary where
 * the operating system is the point: a reader that goes away (`| head`), a full device
 * (/dev/full), a file-size limit hit half-way (ulimit -f, the way to fill a "disk" without root).
 * The exit codes are the ones these failures always had: 1 for stdout, 2 for --output.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { writeChunks, writeReportFile } from '../../../cli/commands/write-report.ts';
import { InputError } from '../../../model/errors.ts';
import { largeRealmExport } from '../../../bench/fixtures/large-export.ts';

/**
 * A rename that fails as it does for a bind-mounted file (EBUSY) or across devices (EXDEV): a real
 * bind mount would change the shared machine's mount table, so the error is injected here, at the
 * rename only; the files are real. Every other call, and every spawned check, is the real one.
 */
const renameFailure = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: (...args: Parameters<typeof actual.rename>) =>
      renameFailure.code === undefined
        ? actual.rename(...args)
        : Promise.reject(Object.assign(new Error(`${renameFailure.code}: rename`), { code: renameFailure.code })),
  };
});

/**
 * Root ignores directory permissions; setpriv takes CAP_DAC_OVERRIDE out of the check's bounding
 * set, so root is held to them like anyone else (a real read-only directory, no stub).
 */
const heldToPermissions = process.getuid?.() === 0 ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search'] : [];

const dir = mkdtempSync(join(tmpdir(), 'realmguard-write-'));
// 600 clients: a text report of about 200 KB, more than a pipe holds (64 KiB on Linux).
const exportFile = join(dir, 'export.json');
writeFileSync(exportFile, largeRealmExport(600));

interface Run {
  code: number | null;
  stderr: string;
}

interface CheckOptions {
  stdio?: StdioOptions;
  /** Called with the child's stdout instead of collecting it; may close the pipe early. */
  onStdout?: (stream: NodeJS.ReadableStream & { destroy(): void }) => void;
  /** Shell commands run before the command (`ulimit -f 64`). */
  shell?: string;
  /** A command the check runs under (setpriv). */
  prefix?: string[];
}

/** Runs `realmguard check` on the generated export. */
function check(args: string[], options: CheckOptions = {}): Promise<Run & { stdout: string }> {
  const { stdio = ['ignore', 'pipe', 'pipe'], onStdout, shell, prefix = [] } = options;
  const command = [...prefix, process.execPath, 'bin/realmguard.js', 'check', exportFile, '--fail-on', 'none', ...args];
  const child = shell
    ? spawn('/bin/sh', ['-c', `${shell}; exec "$@"`, 'sh', ...command], { stdio })
    : spawn(command[0]!, command.slice(1), { stdio });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  if (child.stdout) {
    if (onStdout) onStdout(child.stdout);
    else child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  }
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('check writing to stdout', () => {
  it('a reader that stops after the first chunk (| head): one line, exit 1, as before streaming (then a stack trace)', async () => {
    const run = await check(['--format', 'text'], {
      onStdout: (stream) => stream.once('data', () => stream.destroy()),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('realmguard: cannot write the report to stdout (EPIPE)\n');
  });

  it('a full device: one line, exit 1', async () => {
    const full = openSync('/dev/full', 'w');
    const run = await check(['--format', 'json'], { stdio: ['ignore', full, 'pipe'] });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('realmguard: cannot write the report to stdout (ENOSPC)\n');
  });

  it('the whole report otherwise, the same bytes as --output writes', async () => {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const file = join(dir, `whole.${format}`);
      const [piped, written] = await Promise.all([
        check(['--format', format]),
        check(['--format', format, '--output', file]),
      ]);
      expect([format, piped.code, piped.stderr, written.code]).toEqual([format, 0, '', 0]);
      expect(piped.stdout.length).toBeGreaterThan(64 * 1024);
      expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
    }
  });
});

describe('diff and audit write the same way', () => {
  it('diff to a full device: one line, exit 1; diff --output to it: exit 2', async () => {
    const args = ['bin/realmguard.js', 'diff', 'baselines/hardened.yaml', 'baselines/weak-legacy.yaml'];
    const full = openSync('/dev/full', 'w');
    const toStdout = spawn(process.execPath, args, { stdio: ['ignore', full, 'pipe'] });
    let stderr = '';
    toStdout.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise((resolve) => toStdout.on('close', resolve));
    expect([code, stderr]).toEqual([1, 'realmguard: cannot write the report to stdout (ENOSPC)\n']);
    const toFile = spawn(process.execPath, [...args, '--output', '/dev/full'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let fileError = '';
    toFile.stderr.on('data', (data: Buffer) => (fileError += data.toString()));
    expect(await new Promise((resolve) => toFile.on('close', resolve))).toBe(2);
    expect(fileError).toContain('/dev/full: cannot write the report (ENOSPC)');
  });
});

describe('check --output FILE', () => {
  it('a full device: an input error naming the file, exit 2', async () => {
    const run = await check(['--format', 'json', '--output', '/dev/full']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'realmguard: /dev/full: cannot write the report (ENOSPC) — pass a writable path to --output\n',
    );
  });

  it('a directory that does not exist: exit 2, nothing created', async () => {
    const target = join(dir, 'missing', 'report.json');
    const run = await check(['--format', 'json', '--output', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `realmguard: ${target}: cannot write the report (ENOENT) — pass a writable path to --output\n`,
    );
  });

  it('a file-size limit hit half-way: exit 2, the previous report kept whole, no temporary file left', async () => {
    const folder = join(dir, 'limited');
    mkdirSync(folder);
    const target = join(folder, 'report.json');
    await check(['--format', 'json', '--output', target]);
    const previous = readFileSync(target, 'utf8');
    // 64 blocks of 1 KiB: less than the report (about 300 KB), more than one chunk.
    const run = await check(['--format', 'sarif', '--output', target], { shell: 'ulimit -f 64' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `realmguard: ${target}: cannot write the report (EFBIG) — pass a writable path to --output\n`,
    );
    expect(readFileSync(target, 'utf8')).toBe(previous);
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('replaces an existing file whole, keeping its permissions; through a symbolic link, the file it names', async () => {
    const target = join(dir, 'kept-mode.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o640);
    const link = join(dir, 'link.json');
    symlinkSync(target, link);
    const run = await check(['--format', 'json', '--output', link]);
    expect(run.code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ tool: 'realmguard' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('check --output to a descriptor or where a rename cannot replace the file', () => {
  it('/dev/stderr, directly or through a link, with stderr appended to a log: the report is added to the log, which stays (same inode)', async () => {
    const expected = (await check(['--format', 'json'])).stdout;
    const link = join(dir, 'to-stderr');
    symlinkSync('/dev/stderr', link);
    for (const [index, output] of ['/dev/stderr', link].entries()) {
      const log = join(dir, `run-${index}.log`);
      writeFileSync(log, 'an earlier line\n');
      const inode = statSync(log).ino;
      const appended = openSync(log, 'a'); // what `2>>run.log` gives the command
      const run = await check(['--format', 'json', '--output', output], { stdio: ['ignore', 'pipe', appended] });
      closeSync(appended);
      expect([output, run.code]).toEqual([output, 0]);
      expect(statSync(log).ino).toBe(inode);
      expect(readFileSync(log, 'utf8')).toBe(`an earlier line\n${expected}`);
    }
  });

  it('a writable file in a read-only directory is written in place; a new file there: exit 2, nothing created', async () => {
    const folder = join(dir, 'read-only');
    mkdirSync(folder);
    const target = join(folder, 'report.json');
    writeFileSync(target, 'old');
    const inode = statSync(target).ino;
    chmodSync(folder, 0o555);
    try {
      const run = await check(['--format', 'json', '--output', target], { prefix: heldToPermissions });
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ tool: 'realmguard' });
      // The same inode: written in place, not replaced (which the directory would not allow).
      expect(statSync(target).ino).toBe(inode);
      const fresh = join(folder, 'new.json');
      const refused = await check(['--format', 'json', '--output', fresh], { prefix: heldToPermissions });
      expect([refused.code, refused.stderr]).toEqual([
        2,
        `realmguard: ${fresh}: cannot write the report (EACCES) — pass a writable path to --output\n`,
      ]);
      expect(readdirSync(folder)).toEqual(['report.json']);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('a file with a second hard link or another owner: the report is copied into it, so both names and the owner stay', async () => {
    const linked = join(dir, 'linked.json');
    const otherName = join(dir, 'other-name.json');
    writeFileSync(linked, 'old');
    linkSync(linked, otherName);
    const owned = join(dir, 'owned.json');
    writeFileSync(owned, 'old');
    // These tests run as root; chown fails loudly, not silently, for anyone else.
    chownSync(owned, 65534, 65534);
    for (const target of [linked, owned]) {
      const before = statSync(target);
      const run = await check(['--format', 'json', '--output', target]);
      expect([target, run.code]).toEqual([target, 0]);
      const after = statSync(target);
      expect([after.ino, after.uid, after.gid]).toEqual([before.ino, before.uid, before.gid]);
      expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ tool: 'realmguard' });
    }
    expect(readFileSync(otherName, 'utf8')).toBe(readFileSync(linked, 'utf8'));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writeReportFile', () => {
  it('a report that fails while it is produced leaves the previous file and no temporary file', async () => {
    const sub = join(dir, 'failing');
    mkdirSync(sub);
    const target = join(sub, 'report.txt');
    writeFileSync(target, 'previous report\n');
    function* failing(): Generator<string> {
      yield 'x'.repeat(200_000); // more than one chunk reaches the temporary file
      throw new Error('formatter bug');
    }
    // A formatter's own error is not an input error: it stays what it is.
    const outcome = writeReportFile(target, failing());
    await expect(outcome).rejects.toThrow('formatter bug');
    await expect(outcome).rejects.not.toBeInstanceOf(InputError);
    expect(readFileSync(target, 'utf8')).toBe('previous report\n');
    expect(readdirSync(sub)).toEqual(['report.txt']);
  });
});

describe('writeReportFile where the rename fails', () => {
  it.each(['EBUSY', 'EXDEV'])(
    '%s: the complete report is copied into the file, no temporary file left',
    async (code) => {
      const sub = join(dir, `rename-${code}`);
      mkdirSync(sub);
      const target = join(sub, 'report.txt');
      writeFileSync(target, 'previous report\n');
      const inode = statSync(target).ino;
      renameFailure.code = code;
      try {
        await writeReportFile(target, ['new ', 'report\n']);
      } finally {
        renameFailure.code = undefined;
      }
      expect(readFileSync(target, 'utf8')).toBe('new report\n');
      expect(statSync(target).ino).toBe(inode);
      expect(readdirSync(sub)).toEqual(['report.txt']);
    },
  );

  it('any other failure: an input error naming the file, the previous file kept, no temporary file left', async () => {
    const sub = join(dir, 'rename-EIO');
    mkdirSync(sub);
    const target = join(sub, 'report.txt');
    writeFileSync(target, 'previous report\n');
    renameFailure.code = 'EIO';
    try {
      await expect(writeReportFile(target, ['new report\n'])).rejects.toThrow(InputError);
    } finally {
      renameFailure.code = undefined;
    }
    expect(readFileSync(target, 'utf8')).toBe('previous report\n');
    expect(readdirSync(sub)).toEqual(['report.txt']);
  });
});

describe('writeChunks', () => {
  /** A stream that takes each write a while to finish, as a pipe to a slow reader does. */
  function slowStream(highWaterMark: number) {
    const received: string[] = [];
    const stream = new Writable({
      highWaterMark,
      decodeStrings: false,
      write(chunk: string, _encoding, done) {
        setTimeout(() => {
          received.push(chunk);
          done();
        }, 5);
      },
    });
    return { stream, received };
  }

  it('returns only when every write is done, also when the last one did not fill the stream', async () => {
    // A high-water mark above the report: no write returns false, so no 'drain' ever comes.
    const { stream, received } = slowStream(1024 * 1024);
    await writeChunks(stream, ['a'.repeat(70_000), 'b'.repeat(10)]);
    expect(received.join('')).toBe('a'.repeat(70_000) + 'b'.repeat(10));
    expect(stream.writableLength).toBe(0);
  });

  it('waits for room when the stream is full, and loses nothing', async () => {
    const { stream, received } = slowStream(1024);
    const pieces = Array.from({ length: 300 }, (_, index) => `${index}:${'x'.repeat(1_000)}\n`);
    await writeChunks(stream, pieces);
    expect(received.join('')).toBe(pieces.join(''));
  });

  it('rejects with the error of a stream that fails', async () => {
    const failing = new Writable({
      write(_chunk, _encoding, done) {
        setTimeout(() => done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })), 1);
      },
    });
    await expect(writeChunks(failing, ['x'.repeat(100_000), 'y'])).rejects.toMatchObject({ code: 'EPIPE' });
  });

  it('rejects when the stream is destroyed without an error, before or during the report (was: an await that never settled, exit 13)', async () => {
    const gone = new Writable({ write: (_chunk, _encoding, done) => done() });
    gone.destroy();
    await expect(writeChunks(gone, ['x'])).rejects.toMatchObject({ code: 'ERR_STREAM_DESTROYED' });

    // Full after the first write, which never finishes; then destroyed: 'close', no 'error'.
    const stalled = new Writable({ highWaterMark: 16, write: () => undefined });
    const outcome = writeChunks(stalled, ['x'.repeat(100_000), 'y'.repeat(100_000)]);
    setImmediate(() => stalled.destroy());
    await expect(outcome).rejects.toMatchObject({ code: 'ERR_STREAM_DESTROYED' });
  });
});
