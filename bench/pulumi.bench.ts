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
    /**
     * A preview under bash, whose `times` gives the CPU time of every process pulumi waited for
     * (the language host, the program, the pack): on a shared machine wall time follows the load,
     * CPU time much less, so the pack's CPU is the preview's CPU with it less the one without.
     */
    const preview = async (args: string[]): Promise<{ ms: number; cpuMs: number }> => {
      const { ms, value } = await timed(() =>
        execFileSync('bash', ['-c', 'pulumi "$@" --non-interactive >/dev/null 2>&1 && times', 'pulumi', ...args], {
          cwd: wide,
          env,
          encoding: 'utf8',
        }),
      );
      // `times`: the shell's user and system time, then its children's: "0m15.761s 0m0.822s".
      const children = value.trim().split('\n').at(-1) ?? '';
      const cpuMs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
        (sum, [, minutes, seconds]) => sum + (Number(minutes) * 60 + Number(seconds)) * 1000,
        0,
      );
      return { ms, cpuMs };
    };
    const variants: Array<{ label: string; pack?: string; ms: number[]; cpuMs: number[] }> = [
      { label: 'without the pack', ms: [], cpuMs: [] },
      { label: 'with a no-op pack (the floor)', pack: writeFloorPack(floorPack), ms: [], cpuMs: [] },
      { label: 'with the realmguard pack', pack: join(root, 'dist/policy-pack'), ms: [], cpuMs: [] },
      ...(OTHER_PACK ? [{ label: `with ${OTHER_PACK}`, pack: resolve(OTHER_PACK), ms: [], cpuMs: [] }] : []),
    ];
    for (let run = 0; run < RUNS; run++) {
      // Alternate, starting each round one further on, so load on the machine falls on all alike.
      for (let step = 0; step < variants.length; step++) {
        const variant = variants[(run + step) % variants.length] as (typeof variants)[number];
        const { ms, cpuMs } = await preview(variant.pack ? ['preview', '--policy-pack', variant.pack] : ['preview']);
        variant.ms.push(ms);
        variant.cpuMs.push(cpuMs);
      }
    }
    const label = `${REALMS} realms × ${CLIENTS} clients`;
    const [plain] = variants;
    const plainMs = median(plain?.ms ?? []);
    const plainCpuMs = median(plain?.cpuMs ?? []);
    const seconds = (values: number[]) => values.map((value) => (value / 1000).toFixed(1)).join(', ');
    for (const variant of variants) {
      const ms = median(variant.ms);
      const cpuMs = median(variant.cpuMs);
      report({
        name: `pulumi preview, ${label}, ${variant.label}`,
        value: ms / 1000,
        unit: 's',
        note: `median of ${RUNS}: ${seconds(variant.ms)}`,
      });
      report({ name: '  its CPU time (all processes)', value: cpuMs / 1000, unit: 's', note: seconds(variant.cpuMs) });
      if (variant === plain) continue;
      report({ name: '  what it adds: wall (median difference)', value: (ms - plainMs) / 1000, unit: 's' });
      report({ name: '  what it adds: CPU (median difference)', value: (cpuMs - plainCpuMs) / 1000, unit: 's' });
      report({ name: '  its share of the preview', value: ms / plainMs, unit: 'ratio', note: 'goal ≤ 1.15 for ours' });
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
