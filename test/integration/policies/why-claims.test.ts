/**
 * Three more `why` texts shown on the real Keycloak, each test naming the rule it backs:
 * refresh-token rotation is a realm switch with no per-client counterpart (refresh-token-rotation,
 * client-refresh-tokens, components/hardened-client.ts), expired events are deleted by Keycloak's
 * scheduled cleanup (watch-events), and without a `length` policy a one-character password is
 * accepted (password-policy); and with full scope allowed a client's own scope mappings neither
 * add nor take away a role (sensitive-role-client reads them only for clients with full scope off).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { startKeycloak, type KeycloakServer } from '../../../scripts/lib/keycloak-server.ts';
import { adminClient, createLoginUser, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const realms: string[] = [];

beforeAll(async () => {
  admin = await adminClient();
});
afterAll(async () => {
  for (const realm of realms) await admin.realms.del({ realm }).catch(() => undefined);
});

/** A realm of this file's, deleted afterwards. */
async function realmWith(prefix: string, settings: Record<string, unknown>): Promise<string> {
  const realm = uniqueRealmName(prefix);
  await admin.realms.create({ realm, enabled: true, ...settings });
  realms.push(realm);
  return realm;
}

interface TokenAnswer {
  status: number;
  body: { access_token?: string; refresh_token?: string; error?: string; error_description?: string };
}

async function token(baseUrl: string, realm: string, form: Record<string, string>): Promise<TokenAnswer> {
  const response = await fetch(`${baseUrl}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as TokenAnswer['body'] };
}

const PASSWORD = 'why-claims-pw-1234';

async function passwordGrant(realm: string, clientId: string, username: string, password = PASSWORD) {
  return token(keycloak().url, realm, { grant_type: 'password', client_id: clientId, username, password });
}

/** Logs in, refreshes once, then presents the first refresh token again: the answer to the replay. */
async function replayFirstRefreshToken(realm: string, clientId: string, username: string): Promise<TokenAnswer> {
  const login = await passwordGrant(realm, clientId, username);
  expect(login.status).toBe(200);
  const form = { grant_type: 'refresh_token', client_id: clientId, refresh_token: login.body.refresh_token! };
  const rotated = await token(keycloak().url, realm, form);
  expect(rotated.status).toBe(200);
  return token(keycloak().url, realm, form);
}

/**
 * Every refresh-related name a client could be thought to carry: the realm field's own name, its
 * dotted spelling as Keycloak spells client attributes, and the reuse count. Keycloak's OIDC client
 * attributes (OIDCConfigAttributes) have use.refresh.tokens and client_credentials.use_refresh_token
 * only — on or off, never rotation.
 */
const ROTATION_GUESSES: Readonly<Record<string, string>> = {
  revokeRefreshToken: 'true',
  'revoke.refresh.token': 'true',
  'refresh.token.rotation': 'true',
  'refresh.token.max.reuse': '0',
};

describe('refresh-token-rotation, client-refresh-tokens: rotation is realm-wide, with no per-client switch', () => {
  const client = (realm: string, clientId: string, attributes: Record<string, string> = {}) =>
    admin.clients.create({ realm, clientId, publicClient: true, directAccessGrantsEnabled: true, attributes });

  it('with the realm switch off, a client asking for rotation in its attributes still accepts a replayed refresh token', async () => {
    const realm = await realmWith('rg-why-rotation-off', { revokeRefreshToken: false });
    await client(realm, 'asks-for-rotation', ROTATION_GUESSES);
    await createLoginUser(admin, realm, 'rotation-user', PASSWORD);
    // Keycloak keeps the attributes (they are not refused) and ignores them.
    const [stored] = await admin.clients.find({ realm, clientId: 'asks-for-rotation' });
    expect(stored?.attributes).toMatchObject(ROTATION_GUESSES);
    const replay = await replayFirstRefreshToken(realm, 'asks-for-rotation', 'rotation-user');
    expect(replay.status).toBe(200);
    expect(replay.body.refresh_token).toBeDefined();
  });

  it('with the realm switch on, every client rotates — one whose attributes say otherwise too', async () => {
    const realm = await realmWith('rg-why-rotation-on', { revokeRefreshToken: true, refreshTokenMaxReuse: 0 });
    await client(realm, 'plain');
    await client(realm, 'asks-for-no-rotation', { revokeRefreshToken: 'false', 'revoke.refresh.token': 'false' });
    await createLoginUser(admin, realm, 'rotation-user', PASSWORD);
    for (const clientId of ['plain', 'asks-for-no-rotation']) {
      const replay = await replayFirstRefreshToken(realm, clientId, 'rotation-user');
      expect([clientId, replay.status, replay.body.error]).toEqual([clientId, 400, 'invalid_grant']);
    }
  });
});

describe('password-policy: without a length policy, Keycloak accepts a one-character password', () => {
  const setPassword = (realm: string, id: string, value: string) =>
    admin.users.resetPassword({ realm, id, credential: { type: 'password', value, temporary: false } });

  it('no policy: the admin API sets "x" and the user logs in with it; an empty password is refused', async () => {
    const realm = await realmWith('rg-why-no-length', {});
    expect((await admin.realms.findOne({ realm }))?.passwordPolicy ?? '').toBe('');
    await admin.clients.create({ realm, clientId: 'cli', publicClient: true, directAccessGrantsEnabled: true });
    const id = await createLoginUser(admin, realm, 'short-pw', PASSWORD);
    await setPassword(realm, id, 'x');
    expect((await passwordGrant(realm, 'cli', 'short-pw', 'x')).status).toBe(200);
    await expect(setPassword(realm, id, '')).rejects.toThrow();
  });

  it('length(12): the same "x" is refused with the length message', async () => {
    const realm = await realmWith('rg-why-length', { passwordPolicy: 'length(12)' });
    const id = await createLoginUser(admin, realm, 'long-pw', PASSWORD);
    await expect(setPassword(realm, id, 'x')).rejects.toThrow(/invalidPasswordMinLengthMessage/);
  });
});

describe("sensitive-role-client: with full scope allowed, a client's own scope mappings change nothing", () => {
  const realmManagementRoles = (jwt: string) => {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as {
      resource_access?: Record<string, { roles: string[] }>;
    };
    return (payload.resource_access?.['realm-management']?.roles ?? []).sort();
  };

  it('a realm-admin user gets the same realm-management roles in the token with or without a view-users mapping', async () => {
    const realm = await realmWith('rg-why-full-scope', {});
    const { id } = await admin.clients.create({
      realm,
      clientId: 'full-scope-app',
      publicClient: true,
      directAccessGrantsEnabled: true,
      fullScopeAllowed: true,
    });
    const userId = await createLoginUser(admin, realm, 'full-scope-admin', PASSWORD);
    const [management] = await admin.clients.find({ realm, clientId: 'realm-management' });
    const role = async (name: string) =>
      (await admin.clients.findRole({ realm, id: management!.id!, roleName: name }))!;
    const realmAdmin = await role('realm-admin');
    await admin.users.addClientRoleMappings({
      realm,
      id: userId,
      clientUniqueId: management!.id!,
      roles: [{ id: realmAdmin.id!, name: realmAdmin.name! }],
    });
    const roles = async () => {
      const login = await passwordGrant(realm, 'full-scope-app', 'full-scope-admin');
      expect(login.status).toBe(200);
      return realmManagementRoles(login.body.access_token!);
    };
    const unmapped = await roles();
    expect(unmapped).toEqual(expect.arrayContaining(['manage-users', 'realm-admin']));
    await admin.clients.addClientScopeMappings({ realm, id, client: management!.id! }, [await role('view-users')]);
    expect(await admin.clients.listClientScopeMappings({ realm, id, client: management!.id! })).toHaveLength(1);
    expect(await roles()).toEqual(unmapped);
  });
});

/**
 * Keycloak deletes expired events in a scheduled task (ClearExpiredEvents: events older than
 * eventsExpiration, in realms with events on), run every `spi-scheduled-interval` seconds — 900
 * by default (DefaultDatastoreProviderFactory). A test cannot wait 15 minutes for the shared
 * server's run, so this one starts a Keycloak of its own with a 2-second interval: the same
 * release, only the task runs sooner.
 */
describe('watch-events: Keycloak deletes events older than eventsExpiration', () => {
  const SCHEDULED_INTERVAL_SECONDS = 2;
  let server: KeycloakServer;
  let own: KcAdminClient;

  beforeAll(async () => {
    server = await startKeycloak({ env: { KC_SPI_SCHEDULED_INTERVAL: String(SCHEDULED_INTERVAL_SECONDS) } });
    own = new KcAdminClient({ baseUrl: server.url, realmName: 'master' });
    await own.auth({
      grantType: 'password',
      clientId: 'admin-cli',
      username: server.adminUser,
      password: server.adminPassword,
    });
  }, 300_000);
  afterAll(async () => {
    await (server as KeycloakServer | undefined)?.stop();
  });

  /** A realm recording LOGIN events kept `expiration` seconds (0: forever), with one login in it. */
  async function realmWithOneLogin(prefix: string, expiration: number): Promise<string> {
    const realm = uniqueRealmName(prefix);
    await own.realms.create({
      realm,
      enabled: true,
      eventsEnabled: true,
      eventsExpiration: expiration,
      enabledEventTypes: ['LOGIN'],
    });
    await own.clients.create({ realm, clientId: 'cli', publicClient: true, directAccessGrantsEnabled: true });
    await createLoginUser(own, realm, 'event-user', PASSWORD);
    const login = await token(server.url, realm, {
      grant_type: 'password',
      client_id: 'cli',
      username: 'event-user',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    return realm;
  }

  const logins = async (realm: string) => (await own.realms.findEvents({ realm, type: 'LOGIN' })).length;

  it('a recorded LOGIN event is gone once the realm keeps events 1 s and the cleanup runs; one kept a day, or forever (0), stays', async () => {
    const kept = [await realmWithOneLogin('rg-why-events-day', 86_400), await realmWithOneLogin('rg-why-events-0', 0)];
    // Recorded while kept forever, so it is seen before any expiration applies to it.
    const expiring = await realmWithOneLogin('rg-why-events-1s', 0);
    expect(await logins(expiring)).toBe(1);
    await own.realms.update({ realm: expiring }, { eventsExpiration: 1 });
    // Poll until a cleanup has run after the change (a bound for the wait, not a timing claim).
    await expect.poll(() => logins(expiring), { timeout: 60_000, interval: 1_000 }).toBe(0);
    for (const realm of kept) expect([realm, await logins(realm)]).toEqual([realm, 1]);
  });
});
