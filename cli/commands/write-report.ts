/**
 * Writing a report as it is produced: chunk by chunk (cli/format/chunks.ts), waiting whenever
 * the destination is full, so the whole report never sits in memory as one string.
 *
 * --output FILE: the report goes to a temporary file beside FILE, renamed over FILE once complete,
 * so a failed run (full disk, a formatter error) leaves the previous file or none, never half a
 * report. A FILE that is not a regular file (/dev/stdout, a FIFO, /dev/null) is written directly.
 * Every failure is one input error naming the file (exit 2), as before streaming.
 *
 * stdout: a closed pipe (`| head`) or a full disk ends the write with one line on stderr and
 * exit 1, the exit code such a failure has always had (it used to be a stack trace).
 */
import { randomBytes } from 'node:crypto';
import { constants, createWriteStream, type Stats } from 'node:fs';
import { access, chmod, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
    const existing = await existingTarget(path);
    if (existing && !existing.stats.isFile()) {
      await pipeline(Readable.from(grouped(report)), createWriteStream(path));
      return;
    }
    // Through a symbolic link to the file it names, as a plain write would; the rename then
    // replaces that file, not the link.
    const target = existing?.path ?? path;
    temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    await pipeline(Readable.from(grouped(report)), createWriteStream(temporary, { flags: 'wx' }));
    // A report written over an existing file keeps that file's permissions.
    if (existing) await chmod(temporary, existing.stats.mode & 0o7777);
    await rename(temporary, target);
    temporary = undefined;
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { force: true });
    if (!isSystemError(error)) throw error;
    throw new InputError(`cannot write the report (${error.code})`, { file: path }, 'pass a writable path to --output');
  }
}

/** The file `path` names, after links, when it exists; a file that exists but may not be written fails here (EACCES). */
async function existingTarget(path: string): Promise<{ path: string; stats: Stats } | undefined> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
  if (!stats.isFile()) return { path, stats };
  await access(path, constants.W_OK);
  return { path: await realpath(path), stats };
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
      if (failure !== undefined) break;
      if (!out.write(chunk)) await settled(out);
    }
    // Writes still pending (a pipe whose reader is slow): an empty write's callback comes after
    // theirs. 'drain' would not do: it comes only after a write that returned false.
    if (failure === undefined && out.writableLength > 0) await new Promise((resolve) => out.write('', resolve));
    // A write that failed at once reports its error on the next tick: let it arrive while listened for.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    out.off('error', remember);
  }
  if (failure !== undefined) throw failure;
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
