/**
 * The Pulumi side, with the real CLI, language host and Keycloak plugin:
 * - `pulumi preview` of 10 realms × 20 clients with the realmguard policy pack beside the same
 *   preview without it (goal: the pack adds ≤ 15 %), and with a pack of one no-op policy: the
 *   floor any pack pays (the @pulumi/policy SDK's load, the gRPC calls, one deserialization of
 *   each resource). REALMGUARD_BENCH_PULUMI_OTHER_PACK names another built pack folder (say,
 *   main's dist/policy-pack) to run alternately with ours, for an A/B under the same load;
 * - `pulumi up` of the hardened example, cold (a new stack, an empty realm).
 * Figures only. Needs the toolchain (scripts/pulumi-toolchain.sh finds or builds it) and a
 * Keycloak (KEYCLOAK_URL, or one is started).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pulumiToolchain } from '../scripts/lib/pulumi-toolchain.ts';
import { scaffoldRealmguardProject } from '../scripts/lib/pulumi-project.ts';
import { median, timed } from './measure.ts';
import type { Report } from './run.ts';
import { benchServer } from './server.ts';

const REALMS = 10;
const CLIENTS = 20;
const RUNS = Number(process.env.REALMGUARD_BENCH_PULUMI_RUNS ?? 3);
const OTHER_PACK = process.env.REALMGUARD_BENCH_PULUMI_OTHER_PACK;
const root = resolve(import.meta.dirname, '..');

/** A policy pack of one policy that judges nothing, in `dir`: what any pack costs before its policies. */
function writeFloorPack(dir: string): string {
  writeFileSync(join(dir, 'PulumiPolicy.yaml'), 'description: one no-op policy\nruntime: nodejs\n');
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "floor-pack", "version": "0.0.0", "private": true, "main": "index.js" }\n',
  );
  writeFileSync(
    join(dir, 'index.js'),
    [
      "const { PolicyPack } = require('@pulumi/policy');",
      "new PolicyPack('floor', {",
      "  policies: [{ name: 'no-op', description: 'judges nothing', enforcementLevel: 'advisory', validateResource: () => {} }],",
      '});',
      '',
    ].join('\n'),
  );
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function baselineWithClients(realm: string, clients: number): string {
  const lines = [`realm: ${realm}`, 'profile: baseline', 'clients:'];
  for (let index = 0; index < clients; index++) {
    lines.push(
      `  - clientId: app-${index}`,
      '    type: confidential',
      '    authenticator: client-secret',
      '    flows: { standard: true }',
      `    redirectUris: [https://app-${index}.example.com/callback]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export default async function bench(report: Report): Promise<void> {
  const tools = pulumiToolchain();
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts')], { cwd: root, stdio: 'ignore' });
  const target = await benchServer();
  const backend = mkdtempSync(join(tmpdir(), 'realmguard-bench-pulumi-'));
  const floorPack = mkdtempSync(join(tmpdir(), 'realmguard-bench-floor-pack-'));
  const env = {
    ...process.env,
    ...tools.env,
    PULUMI_BACKEND_URL: `file://${backend}`,
    PULUMI_CONFIG_PASSPHRASE: 'realmguard-bench',
    KEYCLOAK_URL: target.url,
    KEYCLOAK_CLIENT_ID: 'admin-cli',
    KEYCLOAK_USER: target.adminUser,
    KEYCLOAK_PASSWORD: target.adminPassword,
    KEYCLOAK_REALM: 'master',
  };
  const pulumi = (cwd: string, args: string[]): void => {
    execFileSync('pulumi', [...args, '--non-interactive'], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  };
  try {
    const wide = scaffoldRealmguardProject('bench-wide');
    pulumi(wide, ['stack', 'init', 'wide']);
    for (let index = 0; index < REALMS; index++) {
      const file = join(wide, `realm-${index}.yaml`);
      writeFileSync(file, baselineWithClients(`bench-wide-${index}`, CLIENTS));
      pulumi(wide, ['config', 'set', '--path', `realmguard:baselines[${index}]`, file]);
    }
    const variants: Array<{ label: string; pack?: string; ms: number[] }> = [
      { label: 'without the pack', ms: [] },
      { label: 'with a no-op pack (the floor)', pack: writeFloorPack(floorPack), ms: [] },
      { label: 'with the realmguard pack', pack: join(root, 'dist/policy-pack'), ms: [] },
      ...(OTHER_PACK ? [{ label: `with ${OTHER_PACK}`, pack: resolve(OTHER_PACK), ms: [] }] : []),
    ];
    for (let run = 0; run < RUNS; run++) {
      // Alternate, starting each round one further on, so load on the machine falls on all alike.
      for (let step = 0; step < variants.length; step++) {
        const variant = variants[(run + step) % variants.length] as (typeof variants)[number];
        const args = variant.pack ? ['preview', '--policy-pack', variant.pack] : ['preview'];
        variant.ms.push((await timed(() => pulumi(wide, args))).ms);
      }
    }
    const label = `${REALMS} realms × ${CLIENTS} clients`;
    const [plain] = variants;
    const plainMs = median(plain?.ms ?? []);
    for (const variant of variants) {
      const ms = median(variant.ms);
      report({
        name: `pulumi preview, ${label}, ${variant.label}`,
        value: ms / 1000,
        unit: 's',
        note: `median of ${RUNS}`,
      });
      if (variant === plain) continue;
      report({ name: `  what it adds (median difference)`, value: (ms - plainMs) / 1000, unit: 's' });
      report({ name: `  its share of the preview`, value: ms / plainMs, unit: 'ratio', note: 'goal ≤ 1.15 for ours' });
    }
    rmSync(wide, { recursive: true, force: true });

    const hardened = scaffoldRealmguardProject('bench-hardened');
    pulumi(hardened, ['stack', 'init', 'hardened']);
    const file = join(hardened, 'hardened.yaml');
    writeFileSync(
      file,
      readFileSync(join(root, 'baselines/hardened.yaml'), 'utf8').replace(/^realm: .*$/m, 'realm: bench-hardened'),
    );
    pulumi(hardened, ['config', 'set', '--path', 'realmguard:baselines[0]', file]);
    const up = await timed(() => pulumi(hardened, ['up', '--yes', '--skip-preview']));
    report({
      name: 'pulumi up of baselines/hardened.yaml, cold',
      value: up.ms / 1000,
      unit: 's',
      note: 'new stack, realm created',
    });
    const again = await timed(() => pulumi(hardened, ['preview', '--expect-no-changes']));
    report({ name: 'pulumi preview after it (no change)', value: again.ms / 1000, unit: 's' });
    pulumi(hardened, ['destroy', '--yes', '--skip-preview']);
    rmSync(hardened, { recursive: true, force: true });
  } finally {
    rmSync(backend, { recursive: true, force: true });
    rmSync(floorPack, { recursive: true, force: true });
    await target.stop?.();
  }
}
