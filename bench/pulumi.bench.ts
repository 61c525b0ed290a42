/**
 * The Pulumi side, with the real CLI, language host and Keycloak plugin:
 * - `pulumi preview` of 10 realms × 20 clients with the realmguard policy pack beside the same
 *   preview without it (goal: the pack adds ≤ 15 %);
 * - `pulumi up` of the hardened example, cold (a new stack, an empty realm).
 * Figures only. Needs the toolchain (scripts/pulumi-toolchain.sh finds or builds it) and a
 * Keycloak (KEYCLOAK_URL, or one is started).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const root = resolve(import.meta.dirname, '..');

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
    const plain: number[] = [];
    const withPack: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate the two so load on the machine falls on both alike.
      plain.push((await timed(() => pulumi(wide, ['preview']))).ms);
      withPack.push((await timed(() => pulumi(wide, ['preview', '--policy-pack', join(root, 'dist/policy-pack')]))).ms);
    }
    const label = `${REALMS} realms × ${CLIENTS} clients`;
    report({
      name: `pulumi preview, ${label}, without the pack`,
      value: median(plain) / 1000,
      unit: 's',
      note: `median of ${RUNS}`,
    });
    report({
      name: `pulumi preview, ${label}, with the realmguard pack`,
      value: median(withPack) / 1000,
      unit: 's',
      note: `median of ${RUNS}`,
    });
    report({
      name: "the policy pack's share of the preview",
      value: median(withPack) / median(plain),
      unit: 'ratio',
      note: 'goal ≤ 1.15',
    });
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
    await target.stop?.();
  }
}
