/**
 * Writing a report as it is produced: chunk by chunk (cli/format/chunks.ts), waiting whenever
 * the destination is full, so the whole report never sits in memory as one string.
 *
 * --output FILE: the report goes to a temporary file beside FILE, renamed over FILE once complete,
 * so a failed run (full disk, a formatter error) leaves the previous file or none, never half a
 * report. Where that is not possible FILE is written in place, as a plain write would:
 * - a descriptor (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/PID/fd/N, or a link to one) or
 *   anything that is not a regular file (a FIFO, /dev/null): appended to, never replaced, so
 *   `--output /dev/stderr 2>>run.log` adds to run.log instead of renaming a file over it;
 * - no temporary file can be created beside FILE (a writable file in a read-only directory);
 * - the rename fails (EBUSY: a bind-mounted file; EXDEV) or would lose what the file is (more than
 *   one hard link, another owner): the complete temporary file is copied into FILE.
 * Every failure is one input error naming the file (exit 2), as before streaming.
 *
 * stdout: a closed pipe (`| head`), a full disk or a destroyed stream ends the write with one line
 * on stderr and exit 1, the exit code such a failure has always had (it used to be a stack trace).
 */
import { randomBytes } from 'node:crypto';
import { constants, createReadStream, createWriteStream, type Stats } from 'node:fs';
import { access, lstat, open, readlink, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../../model/errors.ts';
import { grouped, type ReportChunks } from '../format/chunks.ts';

/**
 * Writes the report to `output`, or to stdout when it is undefined. Returns false when stdout
 * failed (the message is already on stderr); throws an InputError when the file cannot be written.
 */
export async function writeReport(output: string | undefined, report: ReportChunks): Promise<boolean> {
  if (output !== undefined) {
    await writeReportFile(output, report);
    return true;
  }
  try {
    await writeChunks(process.stdout, report);
    return true;
  } catch (error) {
    if (!isSystemError(error)) throw error;
    process.stderr.write(`realmguard: cannot write the report to stdout (${error.code})\n`);
    return false;
  }
}

export async function writeReportFile(path: string, report: ReportChunks): Promise<void> {
  let temporary: string | undefined;
  try {
    const destination = await destinationOf(path);
    if (destination.kind === 'descriptor') {
      await pipeline(Readable.from(grouped(report)), createWriteStream(path, { flags: 'a' }));
      return;
    }
    const existing = destination.kind === 'file' ? destination : undefined;
    // Through a symbolic link to the file it names, as a plain write would; the rename then
    // replaces that file, not the link.
    const target = existing?.path ?? path;
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // A report written over an existing file keeps that file's permissions.
    const handle = await openTemporary(temporary, existing && existing.stats.mode & 0o7777);
    if (handle === undefined) {
      temporary = undefined;
      await pipeline(Readable.from(grouped(report)), createWriteStream(target));
      return;
    }
    await pipeline(Readable.from(grouped(report)), handle.createWriteStream());
    if (existing && mustKeepInode(existing.stats)) await copyInto(temporary, target);
    else await renameOrCopy(temporary, target);
    await rm(temporary, { force: true });
    temporary = undefined;
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true });
    if (!isSystemError(error)) throw error;
    throw new InputError(`cannot write the report (${error.code})`, { file: path }, 'pass a writable path to --output');
  }
}

type Destination = { kind: 'none' } | { kind: 'descriptor' } | { kind: 'file'; path: string; stats: Stats };

/**
 * What `path` names: nothing yet, a descriptor or other non-regular file (written directly), or a
 * regular file (its real path; a file that exists but may not be written fails here: EACCES).
 * lstat, not stat: stat follows /dev/stderr to the file the shell redirected it to.
 */
async function destinationOf(path: string): Promise<Destination> {
  if (await reachesDescriptor(path)) return { kind: 'descriptor' };
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  if (!stats.isFile()) return { kind: 'descriptor' };
  await access(path, constants.W_OK);
  return { kind: 'file', path: await realpath(path), stats };
}

/** Linux allows 40 links in one lookup (ELOOP after that); more hops than that fail anyway. */
const MAX_LINK_HOPS = 40;

/**
 * True when `path`, or a link on the way to what it names, is a descriptor: under /dev/fd or
 * /proc/PID/fd, or a link in /dev itself (/dev/stdout, /dev/stderr). Each hop's directory is taken
 * after links too, so a link to the /dev directory counts. A file in /dev/shm
 * (a tmpfs) is a file like any other.
 */
async function reachesDescriptor(path: string): Promise<boolean> {
  let hop = resolve(path);
  for (let hops = 0; hops <= MAX_LINK_HOPS; hops++) {
    const folder = await realpath(dirname(hop)).catch(() => dirname(hop));
    const stats = await lstat(hop).catch(() => undefined);
    if (isDescriptorPath(hop) || isDescriptorPath(join(folder, basename(hop)))) return true;
    if (!stats?.isSymbolicLink()) return false;
    if (folder === '/dev') return true;
    const link = await readlink(hop);
    hop = isAbsolute(link) ? link : resolve(folder, link);
  }
  return false;
}

function isDescriptorPath(path: string): boolean {
  return /^\/dev\/fd\/|^\/proc\/[^/]+\/fd\//.test(path);
}

/**
 * Opens the temporary file with `mode` exactly (open's mode passes through the umask), or with
 * the umask's default when there is no mode to keep; undefined when the directory does not allow
 * one (a read-only directory or file system).
 */
async function openTemporary(path: string, mode: number | undefined): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (isSystemError(error) && ['EACCES', 'EPERM', 'EROFS'].includes(error.code)) return undefined;
    throw error;
  }
  try {
    if (mode !== undefined) await handle.chmod(mode);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A rename would give FILE a new inode: its other hard links, its owner and group would stay with the old one. */
function mustKeepInode(stats: Stats): boolean {
  const ownedByUs = process.getuid?.() === stats.uid && process.getgid?.() === stats.gid;
  return stats.nlink > 1 || !ownedByUs;
}

/** Renames; where the rename cannot replace FILE (a bind-mounted file: EBUSY; EXDEV), copies into it. */
async function renameOrCopy(temporary: string, target: string): Promise<void> {
  try {
    await rename(temporary, target);
  } catch (error) {
    if (!isSystemError(error) || !['EBUSY', 'EXDEV'].includes(error.code)) throw error;
    await copyInto(temporary, target);
  }
}

/** Copies the complete report into FILE itself. Not fs.copyFile: it gives FILE the copy's owner (root's, run as root). */
async function copyInto(temporary: string, target: string): Promise<void> {
  await pipeline(createReadStream(temporary), createWriteStream(target));
}

/**
 * Writes every chunk, waiting for 'drain' when the stream is full; rejects with the stream's
 * error. Not stream.pipeline: pipeline with `end: false` (stdout must stay open) leaves its
 * listeners on the stream, and one process may write several reports (tests, the library).
 */
export async function writeChunks(out: Writable, report: ReportChunks): Promise<void> {
  let failure: Error | undefined;
  const remember = (error: Error) => {
    failure ??= error;
  };
  out.on('error', remember);
  try {
    for (const chunk of grouped(report)) {
      if (failure !== undefined || out.destroyed) break;
      if (!out.write(chunk)) await settled(out);
    }
    // Writes still pending (a pipe whose reader is slow): an empty write's callback comes after
    // theirs. 'drain' would not do: it comes only after a write that returned false.
    if (failure === undefined && !out.destroyed && out.writableLength > 0) {
      await new Promise((resolve) => out.write('', resolve));
    }
    // A write that failed at once reports its error on the next tick: let it arrive while listened for.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    out.off('error', remember);
  }
  if (failure !== undefined) throw failure;
  // Destroyed without an 'error' event: later writes return false and nothing ever comes
  // ('drain', 'close'), so waiting would never end and Node would exit 13 with the await unsettled.
  if (out.destroyed) {
    throw Object.assign(new Error('the stream was destroyed before the report was written'), {
      code: 'ERR_STREAM_DESTROYED',
    });
  }
}

/** Resolves when the stream drains, fails or closes: whichever comes first. */
function settled(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of ['drain', 'error', 'close'] as const) out.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'error', 'close'] as const) out.on(event, done);
  });
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
