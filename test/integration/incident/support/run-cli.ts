/** Runs `node bin/realmguard.js incident …` as a child process, as a user would. */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keycloak } from '../../../support/keycloak.ts';
import { spawnRealmguard, type CliRun } from '../../../support/realmguard-process.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export type { CliRun };

/** The environment of an operator: the Pulumi provider's variables for the master admin, nothing else of ours. */
export function adminEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { url, adminUser, adminPassword } = keycloak();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('KEYCLOAK_') && !key.startsWith('REALMGUARD_')),
  );
  return { ...base, KEYCLOAK_URL: url, KEYCLOAK_USER: adminUser, KEYCLOAK_PASSWORD: adminPassword, ...extra };
}

/**
 * The secrets a run was given: every *SECRET / *PASSWORD variable, the variable --token-env names,
 * and a token on stdin. Every run checks that none of them reached its stdout, stderr or journal
 * (issue 10, item 3): a leak fails whichever test caused it.
 */
function givenSecrets(args: string[], env: NodeJS.ProcessEnv, stdin: string | undefined): string[] {
  const tokenEnv = args[args.indexOf('--token-env') + 1];
  const fromEnv = Object.entries(env).flatMap(([key, value]) =>
    value && (/(SECRET|PASSWORD)$/.test(key) || (args.includes('--token-env') && key === tokenEnv)) ? [value] : [],
  );
  return [...fromEnv, ...(stdin?.trim() ? [stdin.trim()] : [])];
}

function leaks(args: string[], env: NodeJS.ProcessEnv, stdin: string | undefined, run: CliRun): string[] {
  const journalAt = args.indexOf('--journal');
  // Only a regular file: the pre-flight tests give a directory or /dev/full (which reads zeros forever).
  const journal =
    journalAt >= 0 && statSync(args[journalAt + 1]!, { throwIfNoEntry: false })?.isFile()
      ? readFileSync(args[journalAt + 1]!, 'utf8')
      : '';
  const places = { stdout: run.stdout, stderr: run.stderr, journal };
  return givenSecrets(args, env, stdin).flatMap((secret, index) =>
    Object.entries(places).flatMap(([place, text]) =>
      text.includes(secret) ? [`secret #${index + 1} (${secret.length} chars) in ${place}`] : [],
    ),
  );
}

export async function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<CliRun> {
  const env = options.env ?? adminEnv();
  const run = await spawnRealmguard(['incident', ...args], {
    env,
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  });
  const found = leaks(args, env, options.stdin, run);
  if (found.length > 0) throw new Error(`realmguard incident ${args[0]} printed a secret: ${found.join('; ')}`);
  return run;
}

/**
 * Runs the command on a pseudo-terminal (util-linux `script`) and answers its confirmation prompt
 * once it appears: the way an operator at a terminal sees it.
 */
export function runCliOnTerminal(
  args: string[],
  answer: 'y' | 'n',
  env: NodeJS.ProcessEnv = adminEnv(),
): Promise<CliRun> {
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
    child.on('error', (error) =>
      reject(new Error(`cannot run util-linux 'script' for a pseudo-terminal (${error.message}): install util-linux`)),
    );
    child.on('close', (code) => {
      child.stdin.end();
      const run = { code, stdout, stderr };
      const found = leaks(args, env, undefined, run);
      if (found.length > 0) reject(new Error(`realmguard incident ${args[0]} printed a secret: ${found.join('; ')}`));
      else resolve(run);
    });
  });
}
