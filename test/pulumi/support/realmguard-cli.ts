/** Runs `node bin/realmguard.js ARGS` as an operator would, against the suite's Keycloak. */
import { adminEnv } from '../../integration/incident/support/run-cli.ts';
import { spawnRealmguard, type CliRun } from '../../support/realmguard-process.ts';

export function realmguardCli(args: string[], env: NodeJS.ProcessEnv = adminEnv()): Promise<CliRun> {
  return spawnRealmguard(args, { env });
}
