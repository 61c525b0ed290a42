/**
 * Provides the real Pulumi toolchain to the `pulumi` suite: finds (or builds) the CLI, the
 * Node.js language host and the Keycloak plugin through scripts/pulumi-toolchain.sh, builds the
 * policy pack to JavaScript (what `pulumi preview --policy-pack` loads), and a file backend in a
 * temporary directory so nothing touches the user's own Pulumi state. A missing piece fails the
 * run with the script's message: what is missing and how to provide it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pulumiToolchain, ToolchainMissing } from '../../scripts/lib/pulumi-toolchain.ts';
import type { PulumiToolchain } from './pulumi.ts';

let backendDir: string | undefined;

export function setup(project: TestProject): void {
  let tools;
  try {
    tools = pulumiToolchain();
  } catch (error) {
    if (error instanceof ToolchainMissing)
      throw new Error(`The pulumi suite needs the real Pulumi toolchain.\n${error.message}`, { cause: error });
    throw error;
  }
  execFileSync(process.execPath, ['--import', 'tsx', resolve('scripts/build.ts')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  backendDir = mkdtempSync(join(tmpdir(), 'realmguard-pulumi-'));
  const toolchain: PulumiToolchain = {
    binDir: tools.path,
    backendUrl: `file://${backendDir}`,
    policyPack: resolve('dist/policy-pack'),
    env: {
      ...tools.env,
      PULUMI_BACKEND_URL: `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: 'realmguard-tests-only',
    },
  };
  project.provide('pulumi', toolchain);
}

export function teardown(): void {
  if (backendDir) rmSync(backendDir, { recursive: true, force: true });
}
