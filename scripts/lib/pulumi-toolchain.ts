/**
 * The Pulumi toolchain as scripts/pulumi-toolchain.sh provides it, for the test suite, the demo
 * and the bench: the environment under which `pulumi` runs with the CLI, the Node.js language
 * host and the Keycloak plugin, and nothing fetched from the internet.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '../..');

export class ToolchainMissing extends Error {}

export interface PulumiToolchainEnv {
  /** Directories holding pulumi and its language host (a PATH prefix). */
  path: string;
  /** The Pulumi home holding the Keycloak plugin; undefined when it is the user's default. */
  home: string | undefined;
  /** Environment variables for running `pulumi`: PATH (Node 22 first too), PULUMI_HOME, no update checks or plugin downloads, the provider's client timeout. */
  env: Record<string, string>;
}

/** Finds the toolchain, or builds what is missing unless `checkOnly`; throws ToolchainMissing with the script's explanation. */
export function pulumiToolchain(options: { checkOnly?: boolean } = {}): PulumiToolchainEnv {
  let output: string;
  try {
    output = execFileSync(join(root, 'scripts/pulumi-toolchain.sh'), options.checkOnly ? ['--check'] : [], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr;
    throw new ToolchainMissing(stderr?.trim() || String(error));
  }
  const value = (key: string): string => new RegExp(`^${key}=(.*)$`, 'm').exec(output)?.[1] ?? '';
  const path = value('PULUMI_PATH');
  const home = value('PULUMI_HOME') || undefined;
  if (!path) throw new ToolchainMissing(`scripts/pulumi-toolchain.sh printed no PULUMI_PATH:\n${output}`);
  return {
    path,
    home,
    env: {
      // The language host starts `node`: this process's Node (22, which @pulumi/pulumi needs) goes first after the tools.
      PATH: `${path}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      ...(home ? { PULUMI_HOME: home } : {}),
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: 'true',
      // The Keycloak provider waits 5 s by default: too short for a 4096-bit RSA key on a small or busy server.
      KEYCLOAK_CLIENT_TIMEOUT: '120',
    },
  };
}
