/** Runs `node bin/realmguard.js incident …` as a child process, as a user would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { keycloak } from '../../../support/keycloak.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of an operator: the Pulumi provider's variables for the master admin, nothing else of ours. */
export function adminEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { url, adminUser, adminPassword } = keycloak();
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('KEYCLOAK_') && !key.startsWith('REALMGUARD_')));
  return { ...base, KEYCLOAK_URL: url, KEYCLOAK_USER: adminUser, KEYCLOAK_PASSWORD: adminPassword, ...extra };
}

export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/realmguard.js', 'incident', ...args], { cwd: root, env: options.env ?? adminEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * Runs the command on a pseudo-terminal (util-linux `script`) and answers its confirmation prompt
 * once it appears: the way an operator at a terminal sees it.
 */
export function runCliOnTerminal(args: string[], answer: 'y' | 'n', env: NodeJS.ProcessEnv = adminEnv()): Promise<CliRun> {
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, 'bin/realmguard.js', 'incident', ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let answered = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!answered && stdout.includes('(y/N)')) {
        answered = true;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(`cannot run util-linux 'script' for a pseudo-terminal (${error.message}): install util-linux`)));
    child.on('close', (code) => {
      child.stdin.end();
      resolve({ code, stdout, stderr });
    });
  });
}
