/**
 * Runs the real command line in this process — main(argv) from cli/main.ts, the function
 * bin/realmguard.js calls — capturing what it writes and its exit code. Thousands of fuzz cases
 * can go through the CLI this way without a process each.
 */
import { main } from '../../../cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = (chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  };
  process.stderr.write = (chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  };
  try {
    const code = await main(['node', 'realmguard', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = previousExitCode;
  }
}

/** A crash, as issue 10 defines it: an exit other than 0, 1 or 2, or any "internal error". */
export function crashOf(run: CliRun): string | undefined {
  if (![0, 1, 2].includes(run.code)) return `exit ${run.code}`;
  if (/internal error|Maximum call stack|\n\s+at .*:\d+:\d+\)?$/im.test(run.stderr + run.stdout))
    return `crash output: ${run.stderr.slice(0, 300)}`;
  return undefined;
}
