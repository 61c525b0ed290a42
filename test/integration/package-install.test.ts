/**
 * The npm package as a user gets it: `npm pack`, installed into an empty directory with production
 * dependencies only, then the installed `realmguard` command and the library entry points run from
 * there — no clone, no TypeScript, no dev dependency. Needs the npm registry (or a warm npm cache).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (path: string) => join(root, path);
// The node running the tests first on PATH: the installed command's `#!/usr/bin/env node` then runs on it too.
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
  NO_COLOR: '1',
};

let work: string;
let installed: string;
let packedFiles: string[];

async function npmRun(args: string[], cwd: string) {
  return exec('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
}

interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

async function realmguard(...args: string[]): Promise<CommandRun> {
  try {
    const { stdout, stderr } = await exec(join(installed, 'node_modules/.bin/realmguard'), args, {
      cwd: installed,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'realmguard-package-'));
  // dist/ is fresh: the suite's global setup built it (scripts/build.ts --if-stale), so pack without rebuilding.
  const { stdout } = await npmRun(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root);
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  packedFiles = packed!.files.map((file) => file.path);
  installed = join(work, 'user-project');
  await exec('mkdir', [installed]);
  await writeFile(
    join(installed, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  );
  await npmRun(['install', '--omit=dev', join(work, packed!.filename)], installed);
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the npm package, installed with production dependencies only', { timeout: 120_000 }, () => {
  it('ships the compiled code, its types and the command, and no sources or tests', () => {
    expect(packedFiles).toContain('bin/realmguard.js');
    expect(packedFiles).toContain('dist/cli/main.js');
    expect(packedFiles).toContain('dist/model/source/precompiled-validators.cjs');
    expect(packedFiles).toContain('dist/library.d.ts');
    expect(packedFiles).toContain('dist/policy-pack/PulumiPolicy.yaml');
    expect(packedFiles.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    expect(packedFiles.filter((file) => file.startsWith('test/') || file.includes('.test.'))).toEqual([]);
  });

  it('installs no TypeScript tooling: the command needs none at run time', () => {
    for (const tool of ['tsx', 'typescript', 'vitest', 'esbuild'])
      expect(existsSync(join(installed, 'node_modules', tool)), tool).toBe(false);
  });

  it('realmguard --version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = await realmguard('--version');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.trim()).toBe(version);
  });

  it('realmguard check finds the stock realm weak (exit 1) and validates its schema', async () => {
    const run = await realmguard('check', fixture('test/fixtures/exports/stock-realm.json'), '--format', 'json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.map((finding) => finding.ruleId)).toContain('refresh-token-rotation');
    const clean = await realmguard('check', fixture('baselines/hardened.yaml'), '--fail-on', 'high');
    expect(clean.code).toBe(0);
  });

  it('realmguard check reports bad input through the precompiled validators: file, line, key, suggestion, exit 2', async () => {
    const bad = join(work, 'bad.yaml');
    await writeFile(bad, 'realm: shop\ntokens:\n  accessTokenLifespn: 5m\n');
    const run = await realmguard('check', bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${bad}:3:3: tokens.accessTokenLifespn: unknown key 'accessTokenLifespn' — did you mean 'accessTokenLifespan'?`,
    );
  });

  it('the command and the library validate with the validators precompiled at build time: they run with ajv itself removed', async () => {
    const ajv = join(installed, 'node_modules/ajv');
    const aside = join(work, 'ajv-aside');
    await rename(ajv, aside);
    try {
      const bad = join(work, 'bad-again.yaml');
      await writeFile(bad, 'realm: shop\nsessions:\n  ssoSessionIdle: 5 minutes\n');
      const run = await realmguard('validate', bad);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${bad}:3:`);
      expect(run.stderr).not.toContain('internal error');
      expect((await realmguard('check', fixture('test/fixtures/exports/stock-realm.json'))).code).toBe(1);
      // The policy config's schema is precompiled too.
      const config = join(work, 'config.yaml');
      await writeFile(config, 'rules:\n  acess-token-lifespan: mandatory\n');
      const configured = await realmguard('check', fixture('baselines/hardened.yaml'), '--config', config);
      expect(configured.code).toBe(2);
      expect(configured.stderr).toContain(
        `${config}:2:3: rules.acess-token-lifespan: unknown rule 'acess-token-lifespan'`,
      );
      // And so do the library's entry points, imported as a user would.
      const probe = join(installed, 'probe-validators.mjs');
      await writeFile(
        probe,
        [
          "import { loadBaselineText } from 'realmguard/model';",
          "try { loadBaselineText('realm: shop\\ntokens:\\n  accessTokenLifespn: 5m\\n', 'bad.yaml'); } catch (error) { console.log(error.message); }",
        ].join('\n'),
      );
      const library = await exec(process.execPath, [probe], { cwd: installed });
      expect(library.stdout).toContain("bad.yaml:3:3: tokens.accessTokenLifespn: unknown key 'accessTokenLifespn'");
    } finally {
      await rename(aside, ajv);
    }
  });

  it('realmguard diff reviews a change between two files', async () => {
    const run = await realmguard(
      'diff',
      fixture('test/unit/review/fixtures/shop-base.yaml'),
      fixture('test/unit/review/fixtures/shop-head.yaml'),
      '--fail-on',
      'high',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('weakens');
  });

  it('realmguard incident --help lists the incident actions', async () => {
    const run = await realmguard('incident', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('logout-user');
    expect(run.stdout).toContain('rotate-keys');
  });

  it('the library entry points load and expose the catalogue, runRules, the loaders, the components and the incident actions', async () => {
    const probe = join(installed, 'probe.mjs');
    await writeFile(
      probe,
      [
        "import * as root from 'realmguard';",
        "import { allRules, runRules } from 'realmguard/rules';",
        "import { loadBaseline } from 'realmguard/model';",
        "import { HardenedRealm } from 'realmguard/components';",
        "import { logoutUser } from 'realmguard/incident';",
        `const realm = await loadBaseline(${JSON.stringify(fixture('baselines/hardened.yaml'))});`,
        'const { findings } = runRules([realm]);',
        'console.log(JSON.stringify({ rules: allRules.length, findings: findings.length, kinds: [typeof runRules, typeof HardenedRealm, typeof logoutUser, typeof root.runRules, typeof root.loadBaseline] }));',
      ].join('\n'),
    );
    const { stdout } = await exec(process.execPath, [probe], { cwd: installed });
    const result = JSON.parse(stdout) as { rules: number; findings: number; kinds: string[] };
    expect(result.rules).toBeGreaterThan(30);
    expect(result.kinds).toEqual(['function', 'function', 'function', 'function', 'function']);
  });
});
