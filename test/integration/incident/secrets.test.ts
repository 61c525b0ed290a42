/**
 * Secrets never printed (issue 10, item 3). Every incident action and `audit` run through the
 * command line — with a service account whose secret is 4 characters, an admin whose password is
 * 3, a suspect token, an introspecting client, a rotated client secret — and every stdout, stderr
 * and journal they produce is searched for every secret used. A KEYCLOAK_URL with credentials is
 * refused and shown without them; a server that echoes the password back gets it redacted.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keycloak } from '../../support/keycloak.ts';
import { spawnRealmguard, type CliRun } from '../../support/realmguard-process.ts';
import { API_SECRET, INTROSPECTOR_SECRET, PASSWORD, RealmFixture } from './support/realm-fixture.ts';

/** Shorter than the 8 characters below which secrets used to go unredacted; '!' never occurs in ids or base64url. */
const SHORT_SECRET = 'k!7x';
const SHORT_PASSWORD = 'p!w';
// audit reads identity providers too (view-identity-providers), beside what the incident actions need.
const ROLES = [
  'view-users',
  'manage-users',
  'view-realm',
  'manage-realm',
  'view-clients',
  'manage-clients',
  'view-identity-providers',
];

let fx: RealmFixture;
let dir: string;
const outputs: Array<{ what: string; text: string }> = [];
const secrets = new Map<string, string>();

beforeAll(async () => {
  fx = await RealmFixture.create('incident-secrets');
  dir = mkdtempSync(join(tmpdir(), 'realmguard-secrets-'));
  const realmManagement = await fx.clientUuid('realm-management');
  const roles = await Promise.all(
    ROLES.map((roleName) => fx.kc.clients.findRole({ realm: fx.realm, id: realmManagement, roleName })),
  );
  const mappings = roles.map((role) => ({ id: role!.id!, name: role!.name! }));
  const { id } = await fx.kc.clients.create({
    realm: fx.realm,
    clientId: 'ops',
    publicClient: false,
    secret: SHORT_SECRET,
    serviceAccountsEnabled: true,
    standardFlowEnabled: false,
  });
  const serviceUser = await fx.kc.clients.getServiceAccountUser({ realm: fx.realm, id });
  await fx.kc.users.addClientRoleMappings({
    realm: fx.realm,
    id: serviceUser.id!,
    clientUniqueId: realmManagement,
    roles: mappings,
  });
  const { id: admId } = await fx.kc.users.create({
    realm: fx.realm,
    username: 'adm',
    enabled: true,
    email: 'adm@example.test',
    firstName: 'A',
    lastName: 'Dm',
    emailVerified: true,
    credentials: [{ type: 'password', value: SHORT_PASSWORD, temporary: false }],
  });
  await fx.kc.users.addClientRoleMappings({
    realm: fx.realm,
    id: admId,
    clientUniqueId: realmManagement,
    roles: mappings,
  });
  for (const name of ['tess', 'tom', 'tia', 'tod']) await fx.createUser(name);
  secrets.set('service-account secret (4 chars)', SHORT_SECRET);
  secrets.set('admin password (3 chars)', SHORT_PASSWORD);
  secrets.set('api client secret', API_SECRET);
  secrets.set('introspector secret', INTROSPECTOR_SECRET);
  secrets.set('user password', PASSWORD);
  secrets.set('master admin password', keycloak().adminPassword);
}, 300_000);
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

type Run = CliRun;

async function run(args: string[], env: Record<string, string>, what = args.slice(0, 2).join(' ')): Promise<Run> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('KEYCLOAK_') && !key.startsWith('REALMGUARD_')),
  );
  const result = await spawnRealmguard(args, { env: { ...base, NO_COLOR: '1', ...env } });
  outputs.push({ what: `${what} (stdout)`, text: result.stdout }, { what: `${what} (stderr)`, text: result.stderr });
  return result;
}

let journals = 0;
function journal(): string[] {
  return ['--journal', join(dir, `journal-${++journals}.jsonl`)];
}

function serviceAccountEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    KEYCLOAK_URL: fx.url,
    KEYCLOAK_REALM: fx.realm,
    KEYCLOAK_CLIENT_ID: 'ops',
    KEYCLOAK_CLIENT_SECRET: SHORT_SECRET,
    ...extra,
  };
}

function passwordEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    KEYCLOAK_URL: fx.url,
    KEYCLOAK_REALM: fx.realm,
    KEYCLOAK_USER: 'adm',
    KEYCLOAK_PASSWORD: SHORT_PASSWORD,
    ...extra,
  };
}

describe('every incident action and audit, with short secrets', () => {
  it('runs them all (service account with a 4-character secret)', async () => {
    const tokens = await fx.login('tess', 'web');
    await fx.login('tess', 'api', true);
    secrets.set('tess access token', tokens.access_token);
    secrets.set('tess refresh token', tokens.refresh_token);
    const env = serviceAccountEnv({
      SUSPECT: tokens.access_token,
      REALMGUARD_INTROSPECT_CLIENT_SECRET: INTROSPECTOR_SECRET,
    });
    const realm = ['--realm', fx.realm];
    const evidence = ['--token-env', 'SUSPECT', '--introspect-client-id', 'introspector'];
    for (const json of [[], ['--json']]) {
      for (const dry of [['--dry-run'], []]) {
        const common = () => [...realm, ...journal(), ...dry, ...json];
        expect((await run(['incident', 'sessions', ...common(), '--user', 'tess'], env)).code).toBe(0);
        expect((await run(['incident', 'logout-user', ...common(), '--user', 'tess', ...evidence], env)).stderr).toBe(
          '',
        );
        expect((await run(['incident', 'bump-token-version', ...common(), '--user', 'tom'], env)).stderr).toBe('');
        expect((await run(['incident', 'not-before', ...common(), '--client', 'web', ...evidence], env)).stderr).toBe(
          '',
        );
        expect((await run(['incident', 'rotate-client-secret', ...common(), '--client', 'api'], env)).stderr).toBe('');
        expect((await run(['incident', 'rotate-keys', ...common(), '--yes'], env)).stderr).toBe('');
        expect((await run(['incident', 'disable-user', ...common(), '--user', 'tia'], env)).stderr).toBe('');
        expect((await run(['incident', 'contain-user', ...common(), '--user', 'tod'], env)).stderr).toBe('');
      }
    }
    const fresh = await fx.login('tom', 'web');
    secrets.set('tom refresh token', fresh.refresh_token);
    const revoke = await run(['incident', 'revoke-token', ...realm, ...journal(), '--token-env', 'VICTIM'], {
      ...env,
      VICTIM: fresh.refresh_token,
    });
    expect(revoke.stderr).toBe('');
    expect(revoke.code).toBe(0);
    await run(['incident', 'logout-realm', ...realm, ...journal(), '--yes'], env);
    await run(['incident', 'contain-realm', ...realm, ...journal(), '--yes', '--dry-run'], env);
    await run(['incident', 'disable-client', ...realm, ...journal(), '--client', 'introspector'], env);
    // The rotated secret is a secret too: it was never asked to be shown.
    const apiSecret = (await fx.kc.clients.getClientSecret({ realm: fx.realm, id: await fx.clientUuid('api') })).value!;
    expect(apiSecret).not.toBe(API_SECRET);
    secrets.set('rotated api secret', apiSecret);
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const audit = await run(['audit', ...realm, '--format', format], serviceAccountEnv());
      expect(audit.stderr).not.toMatch(/internal error/);
      expect([0, 1]).toContain(audit.code);
    }
  });

  it('runs some with the password grant of an admin whose password has 3 characters', async () => {
    const sessions = await run(
      ['incident', 'sessions', '--realm', fx.realm, ...journal(), '--user', 'tess'],
      passwordEnv(),
    );
    expect(sessions.stderr).toBe('');
    expect(sessions.code).toBe(0);
    await run(['incident', 'logout-user', '--realm', fx.realm, ...journal(), '--user', 'tess'], passwordEnv());
    await run(['audit', '--realm', fx.realm, '--format', 'json'], passwordEnv());
    // A wrong password is refused by Keycloak: the message names the account, never the password.
    const wrong = await run(
      ['incident', 'sessions', '--realm', fx.realm, ...journal(), '--user', 'tess'],
      passwordEnv({ KEYCLOAK_PASSWORD: 'x!y' }),
    );
    secrets.set('wrong admin password', 'x!y');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/authentication failed: Keycloak refused user 'adm'/);
  });

  it('a KEYCLOAK_URL (or --url) with credentials is refused, and shown without them', async () => {
    const withCredentials = `http://adm:${SHORT_PASSWORD}@${new URL(fx.url).host}`;
    for (const [args, env] of [
      [
        ['incident', 'sessions', '--realm', fx.realm, ...journal(), '--user', 'tess'],
        { ...passwordEnv(), KEYCLOAK_URL: withCredentials },
      ],
      [
        ['incident', 'sessions', '--realm', fx.realm, ...journal(), '--user', 'tess', '--url', withCredentials],
        passwordEnv(),
      ],
      [['audit', '--realm', fx.realm], { ...serviceAccountEnv(), KEYCLOAK_URL: withCredentials }],
    ] as const) {
      const refused = await run([...args], { ...env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `the Keycloak URL 'http://***@${new URL(fx.url).host}' carries credentials (user:password@)`,
      );
      expect(refused.stdout).toBe('');
    }
    // A URL that does not even parse still loses its user info in the message.
    const broken = await run(['incident', 'sessions', '--realm', fx.realm, ...journal(), '--user', 'tess'], {
      ...passwordEnv(),
      KEYCLOAK_URL: `http://adm:${SHORT_PASSWORD}@[bad`,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain("'http://***@[bad' is not a URL");
  });

  it('a server that echoes the password back: redacted in every line', async () => {
    const echo: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const form = new URLSearchParams(body);
        response.writeHead(401, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error: 'invalid_grant',
            error_description: `bad password ${form.get('password') ?? form.get('client_secret')} for ${form.get('username') ?? form.get('client_id')}`,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      const incident = await run(
        ['incident', 'logout-user', '--realm', fx.realm, ...journal(), '--user', 'tess'],
        passwordEnv({ KEYCLOAK_URL: url }),
      );
      expect(incident.code).toBe(1);
      expect(incident.stderr).toContain('(invalid_grant: bad password [redacted] for adm)');
      const audit = await run(['audit', '--realm', fx.realm], serviceAccountEnv({ KEYCLOAK_URL: url }));
      expect(audit.code).toBe(2);
      expect(audit.stderr).toContain('(invalid_grant: bad password [redacted] for ops)');
    } finally {
      await new Promise((resolve) => echo.close(resolve));
    }
  });

  it('no secret in any stdout, stderr or journal above', () => {
    const journalFiles = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
    expect(journalFiles.length).toBeGreaterThan(20);
    const texts = [
      ...outputs,
      ...journalFiles.map((name) => ({ what: `journal ${name}`, text: readFileSync(join(dir, name), 'utf8') })),
    ];
    expect(texts.filter((item) => item.text.length > 0).length).toBeGreaterThan(60);
    expect(secrets.size).toBeGreaterThanOrEqual(10);
    const leaks = texts.flatMap((item) =>
      [...secrets].filter(([, value]) => item.text.includes(value)).map(([name]) => `${name} in ${item.what}`),
    );
    expect(leaks).toEqual([]);
  });
});
