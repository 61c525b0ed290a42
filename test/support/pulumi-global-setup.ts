/**
 * Provides the real Pulumi toolchain to the `pulumi` suite: finds (or builds) the CLI, the
 * Node.js language host and the Keycloak plugin through scripts/pulumi-toolchain.sh, and a file
 * backend in a temporary directory so nothing touches the user's own Pulumi state. A missing
 * piece fails the run with the script's message: what is missing and how to provide it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { PulumiToolchain } from './pulumi.ts';

let backendDir: string | undefined;

export function setup(project: TestProject): void {
  let binDir: string;
  try {
    binDir = execFileSync(resolve('scripts/pulumi-toolchain.sh'), [], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`The pulumi suite needs the real Pulumi toolchain.\n${stderr}`);
  }
  // The language host starts `node --import tsx`: Node 22 (which @pulumi/pulumi needs) goes first.
  const nodeDir = execFileSync(resolve('scripts/ensure-node22.sh'), [], { encoding: 'utf8' }).trim();
  backendDir = mkdtempSync(join(tmpdir(), 'realmguard-pulumi-'));
  const toolchain: PulumiToolchain = {
    binDir,
    backendUrl: `file://${backendDir}`,
    env: {
      PATH: `${binDir}:${nodeDir}:${process.env.PATH ?? ''}`,
      PULUMI_BACKEND_URL: `file://${backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: 'realmguard-tests-only',
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: 'true',
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: 'true',
    },
  };
  project.provide('pulumi', toolchain);
}

export function teardown(): void {
  if (backendDir) rmSync(backendDir, { recursive: true, force: true });
}
