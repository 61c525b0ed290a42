/**
 * scripts/pulumi-toolchain.sh never lets a missing piece of the Pulumi toolchain pass silently:
 * without it, the script fails with exit 2, naming each missing piece and how to install it.
 * When the tools are installed, it reports where it found them (not its own cache). The real
 * toolchain itself is proven by the `pulumi` suite, which runs it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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
    expect(result.stderr).toMatch(
      new RegExp(
        `pulumi-resource-keycloak ${escaped}: not installed \\(pulumi plugin install resource keycloak ${escaped}\\)`,
      ),
    );
    expect(result.stderr).toMatch(/install the Pulumi CLI \(https:\/\/www\.pulumi\.com\/docs\/install\/\)/);
  });
});

/** A directory with stand-ins for an installed CLI and language host; `pulumi plugin ls --json` lists `plugins`. */
function installedTools(plugins: Array<{ name: string; kind: string; version: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-installed-'));
  writeFileSync(
    join(dir, 'pulumi'),
    `#!/bin/sh\nif [ "$1 $2" = "plugin ls" ]; then echo '${JSON.stringify(plugins)}'; exit 0; fi\nexit 3\n`,
  );
  writeFileSync(join(dir, 'pulumi-language-nodejs'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dir, 'pulumi'), 0o755);
  chmodSync(join(dir, 'pulumi-language-nodejs'), 0o755);
  return dir;
}

/** A PATH with the shell tools the script uses and node, but no Go and no Pulumi, whatever the machine has. */
function toolsWithoutGo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-path-'));
  for (const tool of ['bash', 'sed', 'grep', 'dirname', 'mkdir', 'cat', 'cut', 'tail', 'date', 'ls']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    if (found) symlinkSync(found, join(dir, tool));
  }
  symlinkSync(process.execPath, join(dir, 'node'));
  return dir;
}

function runScript(args: string[], env: Record<string, string>) {
  return spawnSync(resolve('scripts/pulumi-toolchain.sh'), args, {
    encoding: 'utf8',
    env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, ...env },
  });
}

describe('scripts/pulumi-toolchain.sh with the tools installed', () => {
  it('prints the directory where it found them and the default Pulumi home, and builds nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'realmguard-home-'));
    const tools = installedTools([{ name: 'keycloak', kind: 'resource', version: providerVersion }]);
    const result = runScript([], {
      PATH: `${tools}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      REALMGUARD_CACHE: home,
      REALMGUARD_THIRD_PARTY: join(home, 'none'),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`PULUMI_PATH=${tools}\nPULUMI_HOME=\n`);
  });

  it('finds a CLI in ~/.pulumi/bin when PATH has none', () => {
    const home = mkdtempSync(join(tmpdir(), 'realmguard-home-'));
    const bin = join(home, '.pulumi/bin');
    mkdirSync(bin, { recursive: true });
    const tools = installedTools([{ name: 'keycloak', kind: 'resource', version: providerVersion }]);
    for (const name of ['pulumi', 'pulumi-language-nodejs'])
      writeFileSync(join(bin, name), readFileSync(join(tools, name)), { mode: 0o755 });
    const result = runScript(['--check'], { HOME: home, REALMGUARD_CACHE: home });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`PULUMI_PATH=${bin}\nPULUMI_HOME=\n`);
  });

  it('does not take another version of the Keycloak plugin for the locked one', () => {
    const home = mkdtempSync(join(tmpdir(), 'realmguard-home-'));
    const tools = installedTools([{ name: 'keycloak', kind: 'resource', version: '5.0.0' }]);
    const result = runScript(['--check'], {
      PATH: `${tools}:${dirname(process.execPath)}:/usr/bin:/bin`,
      HOME: home,
      REALMGUARD_CACHE: home,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`pulumi-resource-keycloak ${escaped}: not installed`));
    expect(result.stderr).not.toMatch(/pulumi: the Pulumi CLI is not on PATH/);
  });
});

describe('scripts/pulumi-toolchain.sh with the tools it built earlier', () => {
  it('uses its cache and keeps the built plugin off PATH, where pulumi would prefer it to the installed one', () => {
    const cache = mkdtempSync(join(tmpdir(), 'realmguard-cache-'));
    const toolchain = join(cache, `pulumi/v3.259.0-keycloak-${providerVersion}`);
    const bin = join(toolchain, 'bin');
    mkdirSync(bin, { recursive: true });
    const tools = installedTools([{ name: 'keycloak', kind: 'resource', version: providerVersion }]);
    for (const name of ['pulumi', 'pulumi-language-nodejs'])
      writeFileSync(join(bin, name), readFileSync(join(tools, name)), { mode: 0o755 });
    writeFileSync(join(bin, 'pulumi-resource-keycloak'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const result = runScript([], { HOME: cache, REALMGUARD_CACHE: cache });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^PULUMI_PATH=${bin}\n`));
    expect(existsSync(join(bin, 'pulumi-resource-keycloak'))).toBe(false);
    expect(existsSync(join(toolchain, 'plugin/pulumi-resource-keycloak'))).toBe(true);
  });
});

describe('scripts/pulumi-toolchain.sh when it cannot build', () => {
  it('names the missing sources and how to point at them, and exits 2', () => {
    const home = mkdtempSync(join(tmpdir(), 'realmguard-home-'));
    const result = runScript([], {
      HOME: home,
      REALMGUARD_CACHE: home,
      REALMGUARD_THIRD_PARTY: join(home, 'no-such-folder'),
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /cli host provider: the sources to build them are not at .*no-such-folder \(set REALMGUARD_THIRD_PARTY/,
    );
  });

  it('says Go is needed when the sources are there but Go is not', () => {
    const home = mkdtempSync(join(tmpdir(), 'realmguard-home-'));
    const result = runScript([], {
      PATH: toolsWithoutGo(),
      HOME: home,
      REALMGUARD_CACHE: home,
      REALMGUARD_THIRD_PARTY: resolve('../shared/third_party'),
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Go >= 1\.25 is needed to build them from source/);
  });
});
