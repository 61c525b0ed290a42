/**
 * The cost of one whole process, start-up included, as the operating system accounts it: wall,
 * user + system CPU and peak RSS, read from GNU time (`/usr/bin/time -f`), which waits for the
 * child and reports its rusage. Output goes to /dev/null so no pipe cost is measured.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProcessCost {
  wallSeconds: number;
  cpuSeconds: number;
  peakMiB: number;
}

export const GNU_TIME = '/usr/bin/time';
/** Elapsed, user, system seconds and maximum resident set in KiB, one line. */
const FORMAT = 'realmguard-bench %e %U %S %M';

/** Reads the line FORMAT writes; throws naming what it got when the line is not there. */
export function parseTimeOutput(text: string): ProcessCost {
  const match = /^realmguard-bench ([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/m.exec(text);
  if (!match) throw new Error(`bench: no timing line from ${GNU_TIME} in: ${JSON.stringify(text.slice(0, 300))}`);
  const [, wall, user, system, kib] = match.map(Number) as [number, number, number, number, number];
  return { wallSeconds: wall, cpuSeconds: user + system, peakMiB: kib / 1024 };
}

/** Runs command once with its output discarded; fails on a non-zero exit (a tool that errored measures nothing). */
export async function processCost(command: string, args: readonly string[]): Promise<ProcessCost> {
  if (!existsSync(GNU_TIME))
    throw new Error(`bench: ${GNU_TIME} (GNU time) is missing; install it (Debian: apt-get install time)`);
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-bench-time-'));
  const out = join(dir, 'time.txt');
  try {
    let stderr = '';
    const code = await new Promise<number | null>((resolve, reject) => {
      // stderr is kept (it is small) to say why a run failed; stdout, the report, is discarded.
      const child = spawn(GNU_TIME, ['-o', out, '-f', FORMAT, command, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`bench: ${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`);
    return parseTimeOutput(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
