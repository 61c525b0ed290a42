/**
 * The fault test: a proxy between the tool and Keycloak fails some requests (502s, connection
 * resets) during a bulk logout of 200 users with live online and offline sessions. Retries absorb
 * the passing faults; the users whose logout keeps failing are listed, the journal holds a line
 * for every user, and a resumed run finishes exactly those.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { doneInputs, Journal, journalEntry, logoutUser, runBulk } from '../../../incident/index.ts';
import { RealmFixture } from './support/realm-fixture.ts';
import { startProxy } from './support/recording-proxy.ts';

const USERS = 200;
let fx: RealmFixture;
let ids: string[] = [];
beforeAll(async () => {
  fx = await RealmFixture.create('incident-faults');
  const limit = pLimit(8);
  ids = await Promise.all(
    Array.from({ length: USERS }, (_, index) =>
      limit(async () => {
        const name = `fault-${String(index).padStart(3, '0')}`;
        const id = await fx.createUser(name);
        await fx.login(name, 'web');
        await fx.login(name, 'web', true);
        return id;
      }),
    ),
  );
}, 600_000);
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

it('bulk logout of 200 users through a faulty proxy: persistent failures listed, resume finishes them', async () => {
  const stubborn = new Set([ids[3]!, ids[50]!, ids[99]!, ids[150]!, ids[199]!]);
  const proxy = await startProxy(fx.url);
  let injected = 0;
  // Every distinct request fails on its first attempt (a 502 or a reset, alternating), so each one
  // needs the core's retry; only the stubborn users' logouts keep failing. Keyed per request, not
  // by global order, so concurrency cannot line up a request's retries with more faults.
  const attempts = new Map<string, number>();
  proxy.fault = (request) => {
    if (!request.path.startsWith('/admin/')) return 'pass';
    const logoutOf = /\/users\/([0-9a-f-]+)\/logout$/.exec(request.path)?.[1];
    if (logoutOf && stubborn.has(logoutOf)) return 'bad-gateway';
    const key = `${request.method} ${request.path}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    if (attempt > 1) return 'pass';
    injected++;
    return injected % 2 === 0 ? 'bad-gateway' : 'reset';
  };
  const file = join(mkdtempSync(join(tmpdir(), 'realmguard-faults-')), 'journal.jsonl');
  const ctx = fx.context({ url: proxy.url, retries: 3 });
  const journal = new Journal(file, ctx.http.secrets);
  const onResult = (input: string, result: Awaited<ReturnType<typeof logoutUser>>) =>
    journal.append(journalEntry(result, { actor: ctx.http.actor, server: ctx.http.origin, input }));
  try {
    const summary = await runBulk(ids, (user) => logoutUser(ctx, { user }), { concurrency: 8, onResult });
    expect(injected).toBeGreaterThan(100);
    expect(summary.failed.map((failure) => failure.input).sort()).toEqual([...stubborn].sort());
    for (const failure of summary.failed)
      expect(failure.error).toMatch(/^502 for POST \/admin\/realms\/.+\/users\/.+\/logout/);
    expect(summary.ok).toBe(USERS - stubborn.size);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(USERS);
    for (const id of ids) {
      const counts = await fx.sessionCounts(id);
      expect(counts.online + counts.offline > 0).toBe(stubborn.has(id));
    }

    proxy.fault = () => 'pass';
    const skip = doneInputs(file, 'logout-user', fx.realm);
    expect(skip.size).toBeGreaterThanOrEqual(USERS - stubborn.size);
    const resumed = await runBulk(ids, (user) => logoutUser(ctx, { user }), { concurrency: 8, skip, onResult });
    expect(resumed.skipped).toHaveLength(USERS - stubborn.size);
    expect(resumed.failed).toEqual([]);
    expect(resumed.ok).toBe(stubborn.size);
    for (const id of ids) expect(await fx.sessionCounts(id)).toEqual({ online: 0, offline: 0 });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(USERS + stubborn.size);
  } finally {
    await proxy.close();
  }
}, 600_000);
