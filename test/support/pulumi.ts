/** Running the real Pulumi CLI from the `pulumi` suite. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { keycloak } from './keycloak.ts';

export interface PulumiToolchain {
  /** Directories holding pulumi and its language host. */
  binDir: string;
  backendUrl: string;
  /** The compiled policy pack folder (dist/policy-pack), built by the suite's global setup. */
  policyPack: string;
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pulumi: PulumiToolchain;
  }
}

const run = promisify(execFile);

export interface PulumiResult {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Runs `pulumi ARGS` in a project directory against the test Keycloak (through the provider's
 * own environment variables) and the temporary file backend.
 */
export async function pulumi(
  cwd: string,
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<PulumiResult> {
  const toolchain = inject('pulumi');
  const { url, adminUser, adminPassword } = keycloak();
  try {
    const { stdout, stderr } = await run('pulumi', [...args, '--non-interactive'], {
      cwd,
      env: {
        ...process.env,
        ...toolchain.env,
        KEYCLOAK_URL: url,
        KEYCLOAK_CLIENT_ID: 'admin-cli',
        KEYCLOAK_USER: adminUser,
        KEYCLOAK_PASSWORD: adminPassword,
        KEYCLOAK_REALM: 'master',
        ...extraEnv,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; code?: number };
    const result = {
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? '',
      code: typeof failure.code === 'number' ? failure.code : 1,
    };
    // Shown in the run's log whether or not the test expected the failure: the cause is pulumi's stderr.
    process.stderr.write(
      `[pulumi] \`pulumi ${args.join(' ')}\` exited ${result.code} in ${cwd}:\n${result.stderr || result.stdout.slice(-4000)}\n`,
    );
    return result;
  }
}
