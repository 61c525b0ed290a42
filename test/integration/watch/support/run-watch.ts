/**
 * Runs `realmguard watch …` as a child process, as an operator or a cron job would, and fails
 * the test when anything secret it was given (admin password, client secrets, the tokens the
 * test holds) reached stdout, stderr, the journal or the state file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { adminEnv } from '../../incident/support/run-cli.ts';
import { spawnRealmguard, type CliRun } from '../../../support/realmguard-process.ts';
import type { DetectionLine } from '../../../../watch/output.ts';

export interface WatchRunResult extends CliRun {
  detections: DetectionLine[];
}

export async function runWatch(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; secrets?: string[] } = {},
): Promise<WatchRunResult> {
  const env = options.env ?? adminEnv();
  const run = await spawnRealmguard(['watch', ...args], { env });
  const files = ['--journal', '--state'].flatMap((flag) => {
    const file = args[args.indexOf(flag) + 1];
    return args.includes(flag) && file && existsSync(file) ? [readFileSync(file, 'utf8')] : [];
  });
  const given = [
    ...Object.entries(env).flatMap(([key, value]) => (value && /(SECRET|PASSWORD)$/.test(key) ? [value] : [])),
    ...(options.secrets ?? []),
  ];
  for (const secret of given) {
    for (const text of [run.stdout, run.stderr, ...files])
      if (text.includes(secret)) throw new Error(`realmguard watch printed a secret (${secret.length} chars)`);
  }
  const json = args.includes('json');
  const detections = json
    ? run.stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as DetectionLine)
    : [];
  return { ...run, detections };
}
