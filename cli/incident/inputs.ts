/**
 * Where secrets and lists come from on the command line: files, stdin or environment variables —
 * never argv, where they would land in shell history and the process list.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../model/errors.ts';

let stdinTaken: string | undefined;

/** Reads all of stdin once; a second use (say, token and users list both '-') is an input error. */
function readStdin(purpose: string): string {
  if (stdinTaken)
    throw new InputError(`stdin is already used for ${stdinTaken}`, { keyPath: purpose }, 'give one of them as a file');
  stdinTaken = purpose;
  return readFileSync(0, 'utf8');
}

export function readTextFile(file: string, option: string): string {
  if (file === '-') return readStdin(option);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(
      `cannot read ${file} (${code})`,
      { file, keyPath: option },
      'check the path and its permissions',
    );
  }
}

/** A secret from a file (first line, trimmed) or else from an environment variable. */
export function readSecret(
  file: string | undefined,
  option: string,
  env: NodeJS.ProcessEnv,
  envName: string,
): string | undefined {
  if (file !== undefined) {
    const value = readTextFile(file, option).split(/\r?\n/)[0]?.trim() ?? '';
    if (value === '')
      throw new InputError(`${file} is empty`, { file, keyPath: option }, 'put the secret on its first line');
    return value;
  }
  const value = env[envName]?.trim();
  return value ? value : undefined;
}

/** The refusal for a secret given on the command line. */
export function refuseArgvSecret(option: string, instead: string): never {
  throw new InputError(
    `${option} is refused: a secret on the command line leaks into shell history and the process list`,
    { keyPath: option },
    `use ${instead}`,
  );
}

export function readToken(
  options: { tokenFile?: string; tokenEnv?: string },
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (options.tokenFile !== undefined && options.tokenEnv !== undefined) {
    throw new InputError(
      'both --token-file and --token-env given',
      { keyPath: '--token-file' },
      'give the token one way',
    );
  }
  if (options.tokenFile !== undefined) {
    const token = readTextFile(options.tokenFile, '--token-file').trim();
    if (token === '')
      throw new InputError(`${options.tokenFile === '-' ? 'stdin' : options.tokenFile} holds no token`, {
        file: options.tokenFile,
        keyPath: '--token-file',
      });
    return token;
  }
  if (options.tokenEnv !== undefined) {
    const token = env[options.tokenEnv]?.trim();
    if (!token)
      throw new InputError(
        `environment variable ${options.tokenEnv} is empty or unset`,
        { keyPath: '--token-env' },
        'export the token in it first',
      );
    return token;
  }
  return undefined;
}
