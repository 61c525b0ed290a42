/** Reads an input file as UTF-8 text (validated), turning file-system failures into InputErrors. */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { decodeUtf8 } from './utf8.ts';

/** Larger inputs are refused rather than read into memory (a 5,000-client export is ~12 MiB). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readTextFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError('no such file', { file: path }, 'check the path (it is relative to the current directory)');
    if (code === 'EISDIR')
      throw new InputError(
        'is a directory, not a file',
        { file: path },
        'pass the baseline or export files inside it, e.g. dir/*.yaml',
      );
    if (code === 'EACCES' || code === 'EPERM')
      throw new InputError('cannot be read (permission denied)', { file: path }, 'check the file permissions');
    throw new InputError(`cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`, {
      file: path,
    });
  }
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(
      `is ${Math.round(bytes.length / 1048576)} MiB, more than the ${MAX_INPUT_BYTES / 1048576} MiB an input may have`,
      { file: path },
      'split the export per realm',
    );
  }
  if (bytes.includes(0))
    throw new InputError(
      'is a binary file, not YAML or JSON text',
      { file: path },
      'pass a baseline YAML or a realm-export JSON',
    );
  return decodeUtf8(bytes, path);
}
