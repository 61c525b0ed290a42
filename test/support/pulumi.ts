/** Running the real Pulumi CLI from the `pulumi` suite. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { keycloak } from './keycloak.ts';

export interface PulumiToolchain {
  binDir: string;
  backendUrl: string;
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
export async function pulumi(cwd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<PulumiResult> {
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
    return { stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: typeof failure.code === 'number' ? failure.code : 1 };
  }
}
