/**
 * The path listed is the path sent (issue 10, item 1): for every action, in a dry run and for
 * real, the requests the result lists (and the journal writes) are byte for byte the requests
 * that reach the server, as a recording proxy between the tool and Keycloak sees them. The realm
 * holds clients named '..', '.', '%2e%2e', 'a/b' … with offline grants, the case that once turned
 * DELETE users/{id}/consents/.. into DELETE users/{id}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bumpTokenVersion,
  containRealm,
  containUser,
  disableClient,
  disableUser,
  journalEntry,
  listSessions,
  logoutRealm,
  logoutSession,
  logoutUser,
  notBefore,
  revokeToken,
  rotateClientSecret,
  rotateKeys,
  type ActionResult,
  type IncidentContext,
} from '../../../incident/index.ts';
import { createHostileClients, HOSTILE_IDS, loginThrough } from './support/hostile.ts';
import { nextSecond, PASSWORD, RealmFixture } from './support/realm-fixture.ts';
import { startProxy, stateChanging, type RecordingProxy } from './support/recording-proxy.ts';

let fx: RealmFixture;
let proxy: RecordingProxy;
beforeAll(async () => {
  fx = await RealmFixture.create('incident-wire');
  await createHostileClients(fx);
  proxy = await startProxy(fx.url);
}, 300_000);
afterAll(async () => {
  await (proxy as RecordingProxy | undefined)?.close(); // unset when beforeAll failed before it
  await (fx as RealmFixture | undefined)?.destroy();
});

/** A user holding an online session and, through every hostile client, an offline grant. */
async function exposedUser(name: string): Promise<{ sid: string; access: string; refresh: string }> {
  await fx.createUser(name);
  const online = await fx.login(name, 'web');
  for (const clientId of HOSTILE_IDS) await loginThrough(fx, name, clientId, PASSWORD, true);
  return { sid: online.session_state!, access: online.access_token, refresh: online.refresh_token };
}

/** What reached the server since `from`, as "METHOD path", without the acting admin's own token requests. */
function wire(from: number): string[] {
  return proxy.log
    .slice(from)
    .filter(
      (request) => !(request.method === 'POST' && request.path === '/realms/master/protocol/openid-connect/token'),
    )
    .map((request) => `${request.method} ${request.path}`);
}

/** Runs the action through the proxy; asserts listed = sent, journal = sent, and in a dry run no write. */
async function onTheWire(dryRun: boolean, act: (ctx: IncidentContext) => Promise<ActionResult>): Promise<ActionResult> {
  const from = proxy.log.length;
  const ctx = fx.context({ url: proxy.url, dryRun });
  const result = await act(ctx);
  expect(result.error).toBeUndefined();
  const sent = wire(from);
  const all = [result, ...(result.steps ?? [])].flatMap((step) => step.requests);
  expect(all.filter((request) => request.sent).map((request) => `${request.method} ${request.path}`)).toEqual(sent);
  const journal = journalEntry(result, { actor: ctx.http.actor, server: ctx.http.origin }).requests;
  expect(journal.filter((line) => !line.endsWith(' (not sent: dry run)'))).toEqual(sent);
  for (const line of sent) {
    // Nothing the URL parser would rewrite, and never a bare user resource being deleted.
    const path = line.slice(line.indexOf(' ') + 1);
    const parsed = new URL(`http://kc.example${path}`);
    expect(`${parsed.pathname}${parsed.search}`).toBe(path);
    expect(line).not.toMatch(/^DELETE \/admin\/realms\/[^/]+\/users\/[^/]+\/?$/);
  }
  if (dryRun) {
    expect(stateChanging(proxy.log.slice(from))).toEqual([]);
    expect(all.filter((request) => request.changesState).every((request) => !request.sent)).toBe(true);
  } else {
    expect(all.every((request) => request.sent)).toBe(true);
  }
  return result;
}

describe.each([true, false])('every action, dry run %s: listed = sent = journalled', (dryRun) => {
  const tag = dryRun ? 'd' : 'r';

  it('sessions, logout-session', async () => {
    const user = await exposedUser(`sess-${tag}`);
    await onTheWire(dryRun, (ctx) => listSessions(ctx, { user: `sess-${tag}` }));
    await onTheWire(dryRun, (ctx) => logoutSession(ctx, { user: `sess-${tag}`, session: user.sid }));
  });

  it('logout-user with offline grants of clients named "..", "." and the like: the user survives', async () => {
    await exposedUser(`lou-${tag}`);
    const result = await onTheWire(dryRun, (ctx) => logoutUser(ctx, { user: `lou-${tag}` }));
    expect(result.requests.map((request) => request.path).filter((path) => /\/consents\/\.{1,2}$/.test(path))).toEqual(
      [],
    );
    expect(result.notes.filter((note) => /^client "\.\.?" /.test(note))).toHaveLength(2);
    expect(await fx.kc.users.find({ realm: fx.realm, username: `lou-${tag}`, exact: true })).toHaveLength(1);
    if (!dryRun) expect(result.evidence.every((item) => item.status === 'pass')).toBe(true);
  });

  it('disable-user, bump-token-version, contain-user', async () => {
    await exposedUser(`acc-${tag}`);
    await onTheWire(dryRun, (ctx) => bumpTokenVersion(ctx, { user: `acc-${tag}` }));
    await onTheWire(dryRun, (ctx) => disableUser(ctx, { user: `acc-${tag}` }));
    await exposedUser(`con-${tag}`);
    await onTheWire(dryRun, (ctx) => containUser(ctx, { user: `con-${tag}`, disable: true }));
  });

  it('revoke-token, with introspection as evidence', async () => {
    await fx.createUser(`rev-${tag}`);
    const tokens = await fx.login(`rev-${tag}`, 'web');
    await onTheWire(dryRun, (ctx) =>
      revokeToken(ctx, { token: tokens.refresh_token, introspection: fx.introspector() }),
    );
  });

  it('not-before for the realm and for clients named "..", "a/b", "%2e%2e"; disable-client "../x"; rotate-client-secret', async () => {
    await nextSecond();
    await onTheWire(dryRun, (ctx) => notBefore(ctx, {}));
    for (const client of ['..', 'a/b', '%2e%2e']) await onTheWire(dryRun, (ctx) => notBefore(ctx, { client }));
    await onTheWire(dryRun, (ctx) => disableClient(ctx, { client: '../x' }));
    await onTheWire(dryRun, (ctx) => rotateClientSecret(ctx, { client: 'api' }));
  });

  it('rotate-keys routine and emergency, contain-realm, logout-realm', async () => {
    await onTheWire(dryRun, (ctx) => rotateKeys(ctx, { mode: 'routine' }));
    await onTheWire(dryRun, (ctx) => rotateKeys(ctx, { mode: 'emergency' }));
    await onTheWire(dryRun, (ctx) => containRealm(ctx, {}));
    await onTheWire(dryRun, (ctx) => logoutRealm(ctx));
  });
});
