/** Runs `node bin/realmguard.js ARGS` as an operator would, against the suite's Keycloak. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { adminEnv, type CliRun } from '../../integration/incident/support/run-cli.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export function realmguardCli(args: string[], env: NodeJS.ProcessEnv = adminEnv()): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/realmguard.js', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
