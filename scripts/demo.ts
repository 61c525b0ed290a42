/**
 * npm run demo — the tour: starts a local Keycloak, then runs every realmguard job against it:
 * validate and check the example baselines, review a weakening change, apply the baselines with
 * `pulumi up` (when the Pulumi toolchain is present), audit a live realm, and contain a user whose
 * token leaked. Stops what it started at the end; `--keep` leaves Keycloak running and prints
 * how to reach it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { UnmanagedAttributePolicy } from '@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js';
import { startKeycloak, PrerequisiteError, type KeycloakServer } from './lib/keycloak-server.ts';
import { pulumiToolchain, ToolchainMissing, type PulumiToolchainEnv } from './lib/pulumi-toolchain.ts';
import { scaffoldRealmguardProject } from './lib/pulumi-project.ts';

const keep = process.argv.includes('--keep');
const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'realmguard-demo-'));

function heading(text: string): void {
  const bold = process.stdout.isTTY && !process.env.NO_COLOR;
  process.stdout.write(bold ? `\n\x1b[1m== ${text}\x1b[0m\n` : `\n== ${text}\n`);
}

/** Runs `realmguard ARGS` as a user would and shows its output; returns the exit code. */
function realmguard(args: string[], env: NodeJS.ProcessEnv, input?: string): number {
  process.stdout.write(`$ realmguard ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [join(root, 'bin/realmguard.js'), ...args], {
    cwd: root,
    env,
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'inherit', 'inherit'],
  });
  process.stdout.write(`(exit ${result.status})\n`);
  return result.status ?? 1;
}

async function passwordGrant(
  url: string,
  realm: string,
  clientId: string,
  secret: string,
  username: string,
  password: string,
): Promise<{ access_token: string }> {
  const response = await fetch(`${url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      client_secret: secret,
      username,
      password,
      scope: 'openid',
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`the demo could not log in its demo user (HTTP ${response.status})`);
  return { access_token: body.access_token };
}

async function tour(server: { url: string; adminUser: string; adminPassword: string }): Promise<void> {
  const env = {
    ...process.env,
    KEYCLOAK_URL: server.url,
    KEYCLOAK_USER: server.adminUser,
    KEYCLOAK_PASSWORD: server.adminPassword,
    KEYCLOAK_REALM: 'master',
    NO_COLOR: process.env.NO_COLOR,
  };
  const admin = new KcAdminClient({ baseUrl: server.url, realmName: 'master' });
  await admin.auth({
    grantType: 'password',
    clientId: 'admin-cli',
    username: server.adminUser,
    password: server.adminPassword,
  });

  heading('1. Declare: validate the example baselines');
  realmguard(['validate', 'baselines/hardened.yaml', 'baselines/strict-fapi.yaml', 'baselines/weak-legacy.yaml'], env);

  heading('2. Check: the hardened baseline passes, the weak one does not');
  realmguard(['check', 'baselines/hardened.yaml', 'baselines/strict-fapi.yaml'], env);
  realmguard(['check', 'baselines/weak-legacy.yaml', '--fail-on', 'high'], env);

  heading('3. Review: a pull request that loosens the hardened baseline');
  // The change a hurried pull request might make: longer access tokens, rotation off, a
  // catch-all redirect.
  const weakened = readFileSync(join(root, 'baselines/hardened.yaml'), 'utf8')
    .replace(/accessTokenLifespan: 5m/, 'accessTokenLifespan: 1h')
    .replace(/revokeRefreshToken: true/, 'revokeRefreshToken: false')
    .replace('- https://app.acme.example/callback', '- https://app.acme.example/*');
  const headFile = join(work, 'hardened-after-change.yaml');
  writeFileSync(headFile, weakened);
  realmguard(['diff', 'baselines/hardened.yaml', headFile, '--format', 'markdown', '--fail-on-weaken'], env);

  heading('4. Apply: pulumi up of the hardened and strict baselines');
  let toolchain: PulumiToolchainEnv | undefined;
  try {
    toolchain = pulumiToolchain();
  } catch (error) {
    if (!(error instanceof ToolchainMissing)) throw error;
    process.stdout.write(
      'Not run: the Pulumi toolchain is not complete on this machine (the tests fail on this, the demo goes on).\n' +
        error.message.replace(/^/gm, '  ') +
        "\nWith it installed, this step runs `pulumi up` with Pulumi.dev.yaml's baselines, `pulumi preview --expect-no-changes`,\n" +
        'an audit of the applied realm against its baseline, and `pulumi destroy`.\n',
    );
  }
  if (toolchain) {
    const pulumiEnv = {
      ...env,
      ...toolchain.env,
      PULUMI_BACKEND_URL: `file://${work}`,
      PULUMI_CONFIG_PASSPHRASE: 'realmguard-demo',
      KEYCLOAK_CLIENT_ID: 'admin-cli',
    };
    // A copy of the project (the real program, symlinked code) so the demo's stack file stays out of the checkout.
    const project = scaffoldRealmguardProject('demo');
    const pulumi = (args: string[]): void => {
      process.stdout.write(`$ pulumi ${args.join(' ')}\n`);
      execFileSync('pulumi', [...args, '--non-interactive'], { cwd: project, env: pulumiEnv, stdio: 'inherit' });
    };
    pulumi(['stack', 'init', 'demo']);
    pulumi(['config', 'set', 'keycloak:url', server.url, '--stack', 'demo']);
    pulumi([
      'config',
      'set',
      '--path',
      'realmguard:baselines[0]',
      join(root, 'baselines/hardened.yaml'),
      '--stack',
      'demo',
    ]);
    pulumi([
      'config',
      'set',
      '--path',
      'realmguard:baselines[1]',
      join(root, 'baselines/strict-fapi.yaml'),
      '--stack',
      'demo',
    ]);
    pulumi(['up', '--yes', '--stack', 'demo']);
    pulumi(['preview', '--expect-no-changes', '--stack', 'demo']);
    heading('   ...and audit the applied realm against its baseline: no drift');
    const hardenedRealm =
      /^realm:\s*(\S+)/m.exec(readFileSync(join(root, 'baselines/hardened.yaml'), 'utf8'))?.[1] ?? 'hardened';
    realmguard(['audit', '--realm', hardenedRealm, '--baseline', 'baselines/hardened.yaml', '--fail-on-drift'], env);
    pulumi(['destroy', '--yes', '--stack', 'demo']);
    rmSync(project, { recursive: true, force: true });
  }

  heading("5. Audit: a realm created with Keycloak's defaults, read live");
  const stock = JSON.parse(readFileSync(join(root, 'test/fixtures/exports/stock-realm.json'), 'utf8')) as {
    realm: string;
  };
  stock.realm = 'demo-stock';
  await admin.realms.create(stock);
  realmguard(['audit', '--realm', 'demo-stock'], env);

  heading("6. Respond: a user's access token leaked — contain the user");
  await admin.realms.create({ realm: 'demo-incident', enabled: true });
  admin.setConfig({ realmName: 'demo-incident' });
  const secret = 'demo-only-secret';
  // The audience mapper lets demo-app introspect its own access tokens (Keycloak 26 answers
  // introspection only for a client in the token's audience): the evidence can then be checked.
  await admin.clients.create({
    clientId: 'demo-app',
    publicClient: false,
    secret,
    directAccessGrantsEnabled: true,
    standardFlowEnabled: false,
    protocolMappers: [
      {
        name: 'audience demo-app',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: { 'included.client.audience': 'demo-app', 'access.token.claim': 'true', 'id.token.claim': 'false' },
      },
    ],
  });
  // Keycloak 26 drops user attributes its user profile does not declare; the demo realm lets
  // the token-version attribute through (the TokenVersionClaim component declares it instead).
  const profile = await admin.users.getProfile();
  await admin.users.updateProfile({ ...profile, unmanagedAttributePolicy: UnmanagedAttributePolicy.Enabled });
  await admin.users.create({
    username: 'alice',
    enabled: true,
    email: 'alice@example.test',
    firstName: 'Alice',
    lastName: 'Demo',
    emailVerified: true,
    credentials: [{ type: 'password', value: 'alice-demo-pass', temporary: false }],
  });
  admin.setConfig({ realmName: 'master' });
  const leaked = await passwordGrant(server.url, 'demo-incident', 'demo-app', secret, 'alice', 'alice-demo-pass');
  const tokenFile = join(work, 'leaked-token');
  writeFileSync(tokenFile, leaked.access_token, { mode: 0o600 });
  const secretFile = join(work, 'introspect-secret');
  writeFileSync(secretFile, secret, { mode: 0o600 });
  const journal = join(work, 'incident.jsonl');
  const incident = [
    '--realm',
    'demo-incident',
    '--user',
    'alice',
    '--journal',
    journal,
    '--token-file',
    tokenFile,
    '--introspect-client-id',
    'demo-app',
    '--introspect-client-secret-file',
    secretFile,
  ];
  realmguard(['incident', 'sessions', '--realm', 'demo-incident', '--user', 'alice', '--journal', journal], env);
  realmguard(['incident', 'contain-user', ...incident, '--dry-run'], env);
  realmguard(['incident', 'contain-user', ...incident, '--yes'], env);
  process.stdout.write(
    `\nThe journal (${journal}) holds what was done, and no token or secret:\n${readFileSync(journal, 'utf8')}`,
  );

  await admin.realms.del({ realm: 'demo-stock' });
  await admin.realms.del({ realm: 'demo-incident' });
}

let server: KeycloakServer | undefined;
try {
  heading('Starting Keycloak (dev mode, loopback, in-memory database)');
  server = await startKeycloak();
  process.stdout.write(`Keycloak is up at ${server.url} after ${(server.startupMs / 1000).toFixed(1)}s\n`);
  await tour(server);
  heading('Done');
  process.stdout.write(
    'Where to look next: README.md (every command), docs/rules.md (the rule reference), baselines/ (the examples).\n',
  );
  if (keep) {
    process.stdout.write(
      `Keycloak keeps running (--keep): ${server.url}/admin  user ${server.adminUser}, password in ${join(work, 'admin-password')}\n` +
        'Press Ctrl-C to stop it.\n',
    );
    writeFileSync(join(work, 'admin-password'), `${server.adminPassword}\n`, { mode: 0o600 });
    await new Promise(() => {});
  }
} catch (error) {
  process.stderr.write(
    `realmguard demo: ${error instanceof PrerequisiteError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 2;
} finally {
  if (!keep) {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
