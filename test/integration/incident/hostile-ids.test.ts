/**
 * Hostile identifiers against the real Keycloak (issue 10, item 1): realm, user, client, session,
 * key and consent identifiers of '.', '..', '../x', '%2e%2e', 'a/b', '?', '#', spaces and unicode.
 * A snapshot of the realm (users, clients, every user's session counts, keys, the server's realm
 * list) before and after each action shows that nothing outside the target was touched — in
 * particular the user still exists after logout-user when a client named '..' held an offline grant.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createContext,
  IncidentHttp,
  logoutSession,
  logoutUser,
  notBefore,
  rotateKeys,
  type IncidentContext,
} from '../../../incident/index.ts';
import { InputError } from '../../../model/errors.ts';
import { keycloak } from '../../support/keycloak.ts';
import { createHostileClients, HOSTILE_IDS, loginThrough } from './support/hostile.ts';
import { PASSWORD, RealmFixture } from './support/realm-fixture.ts';
import { startProxy, stateChanging, type RecordingProxy } from './support/recording-proxy.ts';
import { adminEnv, runCli } from './support/run-cli.ts';

let fx: RealmFixture;
let proxy: RecordingProxy;
let uuids: Map<string, string>;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-hostile');
  uuids = await createHostileClients(fx);
  proxy = await startProxy(fx.url);
}, 300_000);
afterAll(async () => {
  await (proxy as RecordingProxy | undefined)?.close(); // unset when beforeAll failed before it
  await (fx as RealmFixture | undefined)?.destroy();
});

/** An online session (web) and an offline grant through every hostile client. */
async function expose(name: string): Promise<string> {
  const id = await fx.createUser(name);
  await fx.login(name, 'web');
  for (const clientId of HOSTILE_IDS) await loginThrough(fx, name, clientId, PASSWORD, true);
  return id;
}

interface Snapshot {
  realms: string[];
  users: Array<{ id?: string; username?: string; enabled?: boolean }>;
  clients: Array<{ id?: string; clientId?: string; enabled?: boolean; notBefore?: number }>;
  sessions: Record<string, { online: number; offline: number }>;
  keys: Array<{ kid?: string; status?: string }>;
}

/** Read with the admin client, through ids only (UUIDs): the snapshot itself addresses nothing by name. */
async function snapshot(): Promise<Snapshot> {
  const realm = fx.realm;
  const users = (await fx.kc.users.find({ realm, max: 1000 }))
    .map(({ id, username, enabled }) => ({ id, username, enabled }))
    .sort((a, b) => a.id!.localeCompare(b.id!));
  const clients = (await fx.kc.clients.find({ realm, max: 1000 }))
    .map(({ id, clientId, enabled, notBefore }) => ({ id, clientId, enabled, notBefore }))
    .sort((a, b) => a.id!.localeCompare(b.id!));
  const sessions: Snapshot['sessions'] = {};
  for (const user of users) {
    const online = (await fx.kc.users.listSessions({ realm, id: user.id! })).length;
    let offline = 0;
    for (const client of clients)
      offline += (await fx.kc.users.listOfflineSessions({ realm, id: user.id!, clientId: client.id! })).length;
    sessions[user.username!] = { online, offline };
  }
  const keys = ((await fx.kc.realms.getKeys({ realm })).keys ?? [])
    .map(({ kid, status }) => ({ kid, status }))
    .sort((a, b) => a.kid!.localeCompare(b.kid!));
  const realms = (await fx.kc.realms.find()).map((rep) => rep.realm!).sort();
  return { realms, users, clients, sessions, keys };
}

/** The master admin through the proxy, acting on the given realm (createContext checks the name). */
function ctx(realm = fx.realm): IncidentContext {
  return createContext(fx.context({ url: proxy.url, retries: 0 }).http, realm);
}

describe('consent identifiers: logout-user', () => {
  it('the user survives a client named "..": its offline grant is ended session by session; nothing else changes', async () => {
    const victim = await expose('victim');
    await expose('bystander');
    const before = await snapshot();
    expect(before.sessions.victim).toEqual({ online: 1, offline: HOSTILE_IDS.length });

    const from = proxy.log.length;
    const result = await logoutUser(ctx(), { user: 'victim' });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    const after = await snapshot();

    expect(await fx.kc.users.findOne({ realm: fx.realm, id: victim })).toMatchObject({
      id: victim,
      username: 'victim',
      enabled: true,
    });
    expect(after.sessions.victim).toEqual({ online: 0, offline: 0 });
    expect(await fx.kc.users.listConsents({ realm: fx.realm, id: victim })).toEqual([]);
    // Everything but the victim's sessions is as it was.
    expect({ ...after, sessions: { ...after.sessions, victim: before.sessions.victim } }).toEqual(before);

    const sent = proxy.log.slice(from).map((request) => `${request.method} ${request.path}`);
    for (const clientId of HOSTILE_IDS) {
      const consent = `DELETE /admin/realms/${fx.realm}/users/${victim}/consents/${encodeURIComponent(clientId)}`;
      if (clientId === '.' || clientId === '..') {
        expect(sent).not.toContain(consent);
        expect(sent).toContain(`GET /admin/realms/${fx.realm}/users/${victim}/offline-sessions/${uuids.get(clientId)}`);
      } else {
        expect(sent).toContain(consent);
      }
    }
    expect(
      sent.filter(
        (line) => line.startsWith('DELETE ') && line.includes('/sessions/') && line.endsWith('?isOffline=true'),
      ),
    ).toHaveLength(2);
    expect(result.notes.join('\n')).toMatch(
      /client "\.\." \([0-9a-f-]+\): Keycloak's consent endpoint cannot address this clientId safely/,
    );
  });

  it('the same through the command line: exit 0, the note printed, the journal shows what was sent', async () => {
    const victim = await expose('victim-cli');
    const before = await snapshot();
    const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-hostile-')), 'journal.jsonl');
    const from = proxy.log.length;
    const run = await runCli([
      'logout-user',
      '--realm',
      fx.realm,
      '--user',
      'victim-cli',
      '--url',
      proxy.url,
      '--journal',
      journal,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `client ".." (${uuids.get('..')}): Keycloak's consent endpoint cannot address this clientId safely`,
    );
    const after = await snapshot();
    expect((await fx.kc.users.findOne({ realm: fx.realm, id: victim }))?.username).toBe('victim-cli');
    expect({ ...after, sessions: { ...after.sessions, 'victim-cli': before.sessions['victim-cli'] } }).toEqual(before);
    const entry = JSON.parse(readFileSync(journal, 'utf8').trim()) as { requests: string[] };
    const sent = proxy.log
      .slice(from)
      .filter((request) => !request.path.endsWith('/realms/master/protocol/openid-connect/token'))
      .map((request) => `${request.method} ${request.path}`);
    expect(entry.requests).toEqual(sent);
  });
});

describe('realm identifiers', () => {
  it.each(['.', '..', ''])('%j is refused at input: no request at all, not even a token', async (realm) => {
    expect(() => ctx(realm)).toThrow(InputError);
    const from = proxy.log.length;
    const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-hostile-')), 'journal.jsonl');
    const run = await runCli(['logout-realm', '--realm', realm, '--yes', '--url', proxy.url, '--journal', journal]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--realm: realm .* cannot be used: (it is empty|the URL parser would resolve it)/);
    expect(proxy.log.slice(from)).toEqual([]);
  });

  it.each([
    ['--auth-realm', '.'],
    ['--auth-realm', '..'],
    ['KEYCLOAK_REALM', '..'],
  ])('%s %j is refused at input: the admin password goes nowhere', async (where, value) => {
    const from = proxy.log.length;
    const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-hostile-')), 'journal.jsonl');
    const args = [
      'not-before',
      '--realm',
      fx.realm,
      '--yes',
      '--url',
      proxy.url,
      '--journal',
      journal,
      ...(where === '--auth-realm' ? ['--auth-realm', value] : []),
    ];
    const run = await runCli(args, { env: adminEnv(where === 'KEYCLOAK_REALM' ? { KEYCLOAK_REALM: value } : {}) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${where}: realm "${value}" cannot be used`);
    expect(proxy.log.slice(from)).toEqual([]);
    expect(run.stderr + run.stdout).not.toContain(keycloak().adminPassword);
  });

  it.each(HOSTILE_IDS.filter((id) => id !== '.' && id !== '..'))(
    '%j stays one segment: Keycloak answers for that (missing) realm, nothing else is touched',
    async (realm) => {
      const before = await snapshot();
      const from = proxy.log.length;
      const result = await notBefore(ctx(realm), {});
      expect(result.ok).toBe(false);
      expect(result.error).toMatch(/^404 Not Found for PUT \/admin\/realms\/\S+: unknown realm/);
      const admin = proxy.log.slice(from).filter((request) => request.path.startsWith('/admin/'));
      expect(admin.length).toBeGreaterThan(0);
      for (const request of admin)
        expect(request.path.startsWith(`/admin/realms/${encodeURIComponent(realm)}`)).toBe(true);
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe('user, session, key and client identifiers', () => {
  it.each(HOSTILE_IDS)('user %j: unknown user, only reads sent', async (user) => {
    const from = proxy.log.length;
    const result = await logoutUser(ctx(), { user });
    expect(result.error).toBe(`unknown user '${user}' in realm '${fx.realm}': no user has that username or id`);
    expect(stateChanging(proxy.log.slice(from))).toEqual([]);
  });

  it.each(HOSTILE_IDS)('session %j: unknown session, only reads sent', async (session) => {
    const from = proxy.log.length;
    const result = await logoutSession(ctx(), { user: 'bystander', session });
    expect(result.error).toMatch(/^unknown session/);
    expect(stateChanging(proxy.log.slice(from))).toEqual([]);
  });

  it('key ids and key provider names: unknown, nothing changed', async () => {
    const before = await snapshot();
    for (const id of HOSTILE_IDS) {
      expect((await rotateKeys(ctx(), { mode: 'emergency', kid: id })).error).toBe(
        `unknown key id '${id}' in realm '${fx.realm}': GET /keys does not list it`,
      );
      expect((await rotateKeys(ctx(), { mode: 'emergency', provider: id })).error).toMatch(/^unknown key provider/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(HOSTILE_IDS)('client %j: not-before reaches that client and no other', async (client) => {
    const before = await snapshot();
    const result = await notBefore(ctx(), { client });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    const after = await snapshot();
    const uuid = uuids.get(client)!;
    expect(after.clients.find((rep) => rep.id === uuid)?.notBefore).toBeGreaterThan(0);
    const untouched = (snap: Snapshot) => ({ ...snap, clients: snap.clients.filter((rep) => rep.id !== uuid) });
    expect(untouched(after)).toEqual(untouched(before));
  });
});

// Keeps the helper honest: a context on an unsafe realm is refused where it is made.
it('createContext refuses "..", whoever calls it', () => {
  const { url, adminUser, adminPassword } = keycloak();
  const http = new IncidentHttp({
    url,
    authRealm: 'master',
    credentials: { grant: 'password', clientId: 'admin-cli', username: adminUser, password: adminPassword },
  });
  expect(() => createContext(http, '..')).toThrow('realm ".." cannot be used');
});
