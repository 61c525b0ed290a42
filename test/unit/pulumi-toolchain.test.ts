/**
 * scripts/pulumi-toolchain.sh never lets a missing piece of the Pulumi toolchain pass silently:
 * without it, the script fails with exit 2, naming each missing piece and how to install it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version: string }> };
const providerVersion = lock.packages['node_modules/@pulumi/keycloak']?.version ?? 'missing from the lock';
const escaped = providerVersion.replace(/\./g, '\\.');

describe('scripts/pulumi-toolchain.sh --check', () => {
  it('names every missing piece and how to get it, and exits 2', () => {
    const emptyCache = mkdtempSync(join(tmpdir(), 'realmguard-toolchain-'));
    const result = spawnSync(resolve('scripts/pulumi-toolchain.sh'), ['--check'], {
      encoding: 'utf8',
      env: {
        // node (to read package-lock.json) and the basic tools, but no pulumi anywhere
        PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: emptyCache,
        REALMGUARD_CACHE: emptyCache,
      },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/pulumi: the Pulumi CLI is not on PATH/);
    expect(result.stderr).toMatch(/pulumi-language-nodejs: the Node.js language host is not on PATH/);
    expect(result.stderr).toMatch(new RegExp(`pulumi-resource-keycloak ${escaped}: not installed \\(pulumi plugin install resource keycloak ${escaped}\\)`));
    expect(result.stderr).toMatch(/install the Pulumi CLI \(https:\/\/www\.pulumi\.com\/docs\/install\/\)/);
  });
});
