/**
 * The commands the peer bench times on the same export: `realmguard check` through
 * bin/realmguard.js (whatever it runs: the compiled CLI once built), kcwarden from its cached
 * virtualenv, the floor — a bare node process that reads and JSON.parses the file — and the
 * streaming floor: the least a loader that never holds the whole text costs (streaming-parse-floor.js).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface Tool {
  name: string;
  command: string;
  args: (file: string) => string[];
}

const run = promisify(execFile);
const realmguardBin = fileURLToPath(new URL('../../bin/realmguard.js', import.meta.url));
const streamingFloorScript = fileURLToPath(new URL('./streaming-parse-floor.js', import.meta.url));
const kcwardenScript = fileURLToPath(new URL('../../scripts/kcwarden.sh', import.meta.url));

/** The kcwarden executable, installing it into the cached virtualenv on first use. */
export async function kcwardenPath(): Promise<string> {
  try {
    const { stdout } = await run(kcwardenScript, [], { maxBuffer: 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || `bench: ${kcwardenScript} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** `--fail-on none`: findings are the expected outcome, not a failure to measure. */
export const realmguard: Tool = {
  name: 'realmguard check',
  command: process.execPath,
  args: (file) => [realmguardBin, 'check', file, '--fail-on', 'none', '--format', 'json'],
};

/**
 * `realmguard check --help`: what the check command costs before it reads a file (the start the
 * goal excludes): node, the entry and the check command's chunks, loaded as `check FILE` loads them.
 */
export const realmguardStartArgs = (): string[] => [realmguardBin, 'check', '--help'];

export function kcwarden(executable: string): Tool {
  return { name: 'kcwarden audit', command: executable, args: (file) => ['audit', file, '--format', 'json'] };
}

export const jsonParseFloor: Tool = {
  name: 'JSON.parse floor (node)',
  command: process.execPath,
  args: (file) => ['-e', "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))", file],
};

/** Reads the file in 1 MiB chunks and JSON.parses each item of the realm's lists on its own; prints the item count. */
export const streamingParseFloor: Tool = {
  name: 'streaming parse floor (node)',
  command: process.execPath,
  args: (file) => [streamingFloorScript, file],
};

/** Runs a tool once with its output kept, for the findings check. */
export async function outputOf(tool: Tool, file: string): Promise<string> {
  const { stdout } = await run(tool.command, tool.args(file), { maxBuffer: 1024 * 1024 * 1024 });
  return stdout;
}
