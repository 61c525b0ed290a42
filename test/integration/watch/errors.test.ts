/**
 * What goes wrong, each as one clear line and an exit code: an account without view-events (403
 * naming the role), a server that does not answer, local mistakes (flags, a bad watch section) —
 * and, beside it, that view-events alone is enough to watch.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEnv } from '../incident/support/run-cli.ts';
import { RealmFixture } from '../incident/support/realm-fixture.ts';
import { enableEvents } from './support/events.ts';
import { runWatch } from './support/run-watch.ts';

const BOT_SECRET = 'watch-bot-secret-0123456789';
let fx: RealmFixture;
let dir: string;

/** A service account of the watched realm holding exactly these realm-management roles. */
async function serviceAccount(clientId: string, roles: string[]): Promise<NodeJS.ProcessEnv> {
  await fx.kc.clients.create({
    realm: fx.realm,
    clientId,
    publicClient: false,
    secret: BOT_SECRET,
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
  });
  const uuid = await fx.clientUuid(clientId);
  const user = await fx.kc.clients.getServiceAccountUser({ realm: fx.realm, id: uuid });
  const management = await fx.clientUuid('realm-management');
  const available = await fx.kc.clients.listRoles({ realm: fx.realm, id: management });
  const wanted = available
    .filter((role) => roles.includes(role.name!))
    .map((role) => ({ id: role.id!, name: role.name! }));
  await fx.kc.users.addClientRoleMappings({ realm: fx.realm, id: user.id!, clientUniqueId: management, roles: wanted });
  const env = adminEnv({ KEYCLOAK_CLIENT_ID: clientId, KEYCLOAK_CLIENT_SECRET: BOT_SECRET, KEYCLOAK_REALM: fx.realm });
  delete env.KEYCLOAK_USER;
  delete env.KEYCLOAK_PASSWORD;
  return env;
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  fx = await RealmFixture.create('watch-errors');
  await enableEvents(fx);
  dir = mkdtempSync(join(tmpdir(), 'realmguard-watch-'));
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

describe('watch: errors', () => {
  it('says which role is missing on a 403 (no view-events), exit 2', async () => {
    const env = await serviceAccount('no-events-bot', ['view-realm', 'view-users']);
    const run = await runWatch(['--realm', fx.realm, '--once'], { env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^realmguard: 403 Forbidden for GET .*\/events\/config.*lacks the realm-management role 'view-events'/,
      ),
    ]);
  });

  it('watches with view-events alone (admin changes then compared with defaults, and it says so)', async () => {
    const env = await serviceAccount('events-only-bot', ['view-events']);
    await fx.kc.realms.update({ realm: fx.realm }, { accessTokenLifespan: 3600 });
    const run = await runWatch(['--realm', fx.realm, '--once', '--since', '10m', '--format', 'json'], { env });
    expect(run.stderr).toMatch(/no view-realm, so admin changes are compared with Keycloak's defaults/);
    const weakening = run.detections.find(
      (detection) =>
        detection.kind === 'admin-weakening' &&
        detection.changes?.some((change) => change.setting === 'accessTokenLifespan'),
    );
    expect(weakening?.summary).toMatch(/earlier state unknown/);
    expect(run.code).toBe(1);
  });

  it('watches with view-events and view-realm, saying that the other admin changes are not judged', async () => {
    const env = await serviceAccount('realm-only-bot', ['view-events', 'view-realm']);
    const run = await runWatch(['--realm', fx.realm, '--once', '--since', '1m', '--format', 'json'], { env });
    expect(run.code).not.toBe(2);
    expect(run.stderr).toMatch(
      /may not read flows, identity providers, key providers, clients and the user profile .*: changes to them, and grants of client roles, are not judged/,
    );
  });

  it('names an unreachable server in one line, exit 2', async () => {
    const port = await closedPort();
    const run = await runWatch(['--realm', fx.realm, '--once', '--retries', '1'], {
      env: adminEnv({ KEYCLOAK_URL: `http://127.0.0.1:${port}` }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `realmguard: cannot connect to http://127.0.0.1:${port}: connection refused — is Keycloak running there, and is KEYCLOAK_URL right?`,
    ]);
  });

  it('refuses --once with --follow, --dry-run without --respond, and a wrong watch section, before any request', async () => {
    const offline = adminEnv({ KEYCLOAK_URL: `http://127.0.0.1:${await closedPort()}` });
    const both = await runWatch(['--realm', fx.realm, '--once', '--follow'], { env: offline });
    expect([both.code, both.stderr.trim()]).toEqual([
      2,
      'realmguard: --follow: --once and --follow exclude each other — give one of them',
    ]);
    const dry = await runWatch(['--realm', fx.realm, '--dry-run'], { env: offline });
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/--dry-run applies to --respond/);
    const config = join(dir, 'policy.yaml');
    writeFileSync(config, 'watch:\n  userFailures:\n    count: 0\n    windowSeconds: 60\n');
    const bad = await runWatch(['--realm', fx.realm, '--config', config], { env: offline });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      `realmguard: ${config}:3:12: watch.userFailures.count: Expected integer to be greater or equal to 1 — see the watch section in README.md`,
    );
  });
});
