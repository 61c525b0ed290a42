/**
 * Where rotate-client-secret puts a new secret. The file is made ready *before* the rotation is
 * sent — created empty with mode 0600 (or, with force, a 0600 temporary file beside it) — so a
 * path that exists, is a directory or cannot be created is an input error while the old secret
 * still works, never a rotated secret with nowhere to go. After the rotation the secret is
 * written into what was reserved; if the rotation never happens the reservation is removed.
 */
import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../model/errors.ts';

export interface SecretFileOptions {
  /** Replace an existing file (atomically, by renaming a fresh 0600 file over it). */
  force?: boolean;
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : error instanceof Error
      ? error.message
      : String(error);
}

function refuse(file: string, what: string, hint: string): InputError {
  return new InputError(what, { file, keyPath: '--secret-file' }, hint);
}

/** The checks that need no file created (a dry run stops here). Throws InputError. */
export function checkSecretFile(file: string, options: SecretFileOptions = {}): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw refuse(file, 'the secret file is a directory', 'give the path of a new file');
  if (stat && !options.force)
    throw refuse(file, 'the secret file already exists', 'give a new path, or pass --force to replace it');
  const parent = statSync(dirname(file), { throwIfNoEntry: false });
  if (!parent)
    throw refuse(
      file,
      `the secret file's directory ${dirname(file)} does not exist`,
      'create it first, or give another path',
    );
  if (!parent.isDirectory())
    throw refuse(file, `the secret file's directory ${dirname(file)} is not a directory`, 'give another path');
}

/** A reserved secret file: write() once after the rotation, or discard() when there is nothing to write. */
export class SecretFile {
  #fd: number | undefined;
  #done = false;
  /** The reserved inode: only it is ever removed, never a file someone put at the path since. */
  readonly #identity: { ino: number; dev: number };

  private constructor(
    readonly file: string,
    /** Where the bytes go first: the file itself, or (force) a temporary file renamed over it. */
    private readonly staging: string,
    fd: number,
  ) {
    this.#fd = fd;
    const { ino, dev } = fstatSync(fd);
    this.#identity = { ino, dev };
  }

  /** Whether the staging path still names the reserved file. */
  #stillOurs(): boolean {
    const there = statSync(this.staging, { throwIfNoEntry: false });
    return there !== undefined && there.ino === this.#identity.ino && there.dev === this.#identity.dev;
  }

  #removeOurs(): void {
    if (this.#stillOurs()) removeQuietly(this.staging);
  }

  /** Checks and creates the file (or its temporary twin) now, before anything is sent. Throws InputError. */
  static reserve(file: string, options: SecretFileOptions = {}): SecretFile {
    checkSecretFile(file, options);
    // Without force, 'wx' creates the file itself and fails if it appeared since the check.
    const staging = options.force
      ? join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
      : file;
    let fd: number;
    try {
      fd = openSync(staging, 'wx', 0o600);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'EEXIST')
        throw refuse(file, 'the secret file already exists', 'give a new path, or pass --force to replace it');
      throw refuse(file, `cannot create the secret file (${code})`, 'give a path in a directory you can write to');
    }
    try {
      // The umask only removes bits; this makes it exactly 0600 whatever the umask.
      fchmodSync(fd, 0o600);
    } catch {
      // A filesystem without modes (some mounts): the create mode is the best there is.
    }
    return new SecretFile(file, staging, fd);
  }

  /** Writes the secret; on failure removes the partial file and throws an Error naming the cause. */
  write(value: string): void {
    const fd = this.#take();
    let open = true;
    try {
      const bytes = Buffer.from(`${value}\n`, 'utf8');
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
      // The reserved file must still be the one at its path: a file deleted or replaced meanwhile
      // would take the secret into an inode nobody can open.
      if (!this.#stillOurs())
        throw Object.assign(new Error('replaced meanwhile'), {
          code: 'it was removed or replaced while the secret was rotated',
        });
      open = false;
      closeSync(fd);
      if (this.staging !== this.file) renameSync(this.staging, this.file);
    } catch (error) {
      // Never close twice: the number may already belong to another file.
      if (open) closeQuietly(fd);
      this.#removeOurs();
      throw new Error(`cannot write the secret file ${this.file} (${codeOf(error)})`, { cause: error });
    }
  }

  /** Removes the reservation (the rotation was not sent or failed): no empty file is left behind. */
  discard(): void {
    if (this.#done) return;
    closeQuietly(this.#take());
    this.#removeOurs();
  }

  #take(): number {
    if (this.#done || this.#fd === undefined) throw new Error(`secret file ${this.file} already used`);
    this.#done = true;
    const fd = this.#fd;
    this.#fd = undefined;
    return fd;
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // A close error after a failed write adds nothing to the first error.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Gone already, or never made: nothing to clean.
  }
}
