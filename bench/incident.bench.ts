/**
 * Bulk logout on a real Keycloak: users with a live online and a live offline session each, logged
 * out by a sequential loop over the admin client (logout + revoke each offline grant, no checks)
 * beside our bulk run of logoutUser (the same changes plus id resolution and the read-back
 * evidence, about twice the requests) at concurrency 1 and at bounded concurrency, in the same run.
 * On a server with few cores Keycloak's CPU, not the round trips, bounds the rate. Figures only. Uses the server KEYCLOAK_URL names
 * (with KEYCLOAK_USER / KEYCLOAK_PASSWORD) or starts one.
 */
import KcAdminClient from '@keycloak/keycloak-admin-client';
import pLimit from 'p-limit';
import {
  createContext,
  DEFAULT_BULK_CONCURRENCY,
  IncidentHttp,
  logoutUser,
  runBulk,
  type RequestRecord,
} from '../incident/index.ts';
import type { Report } from './run.ts';
import { benchServer } from './server.ts';

const USERS = Number(process.env.REALMGUARD_BENCH_INCIDENT_USERS ?? 500);
const CONCURRENCY = Number(process.env.REALMGUARD_BENCH_INCIDENT_CONCURRENCY ?? DEFAULT_BULK_CONCURRENCY);
const PASSWORD = 'bench-password-123';

async function login(url: string, realm: string, username: string, offline: boolean): Promise<void> {
  const response = await fetch(`${url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'web',
      username,
      password: PASSWORD,
      scope: offline ? 'openid offline_access' : 'openid',
    }),
  });
  await response.text();
  if (!response.ok) throw new Error(`bench: login of ${username} failed with ${response.status}`);
}

/** Creates users, each with one online and one offline session; returns their ids. */
async function seed(kc: KcAdminClient, url: string, realm: string, prefix: string, count: number): Promise<string[]> {
  const limit = pLimit(8);
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      limit(async () => {
        const username = `${prefix}-${index}`;
        const { id } = await kc.users.create({
          realm,
          username,
          enabled: true,
          email: `${username}@bench.test`,
          firstName: 'Bench',
          lastName: 'User',
          credentials: [{ type: 'password', value: PASSWORD, temporary: false }],
        });
        await login(url, realm, username, false);
        await login(url, realm, username, true);
        return id;
      }),
    ),
  );
}

/**
 * The limit: the very requests our run sent for one user (logout-user's record), replayed with
 * bare fetch for each of `ids` at the same concurrency — one admin token, no evidence kept, no
 * journal, no retries, no answer checked beyond the status. The record keeps paths, not query
 * strings; logout-user sends none on this path (ids given, consent endpoint addressable).
 */
async function rawReplay(
  url: string,
  token: string,
  template: RequestRecord[],
  templateId: string,
  ids: string[],
  concurrency: number,
): Promise<{ seconds: number; requests: number }> {
  const limit = pLimit(concurrency);
  let requests = 0;
  const start = performance.now();
  await Promise.all(
    ids.map((id) =>
      limit(async () => {
        for (const request of template) {
          const response = await fetch(`${url}${request.path.replaceAll(templateId, id)}`, {
            method: request.method,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          });
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`bench: raw ${request.method} ${request.path} answered ${response.status}`);
          requests++;
        }
      }),
    ),
  );
  return { seconds: (performance.now() - start) / 1000, requests };
}

async function sessionsLeft(kc: KcAdminClient, realm: string): Promise<number> {
  const stats = await kc.realms.getClientSessionStats({ realm });
  return stats.reduce((sum, stat) => sum + Number(stat.active) + Number(stat.offline), 0);
}

export default async function bench(report: Report): Promise<void> {
  const target = await benchServer();
  const kc = new KcAdminClient({ baseUrl: target.url, realmName: 'master' });
  await kc.auth({
    grantType: 'password',
    clientId: 'admin-cli',
    username: target.adminUser,
    password: target.adminPassword,
  });
  const realm = `bench-incident-${Date.now().toString(36)}`;
  try {
    await kc.realms.create({ realm, enabled: true, passwordPolicy: 'hashIterations(1)' });
    await kc.clients.create({
      realm,
      clientId: 'web',
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    // Our concurrency-1 run separates the cost of the evidence reads from the gain of concurrency.
    const singleCount = Math.min(100, USERS);
    const seedStart = performance.now();
    const sequentialIds = await seed(kc, target.url, realm, 'seq', USERS);
    const singleIds = await seed(kc, target.url, realm, 'one', singleCount);
    const boundedIds = await seed(kc, target.url, realm, 'bulk', USERS);
    const rawIds = await seed(kc, target.url, realm, 'raw', USERS);
    report({
      name: `seed: ${3 * USERS + singleCount} users, each 1 online + 1 offline session`,
      value: (performance.now() - seedStart) / 1000,
      unit: 's',
    });

    // The alternative: a plain loop over the admin client.
    let sequentialRequests = 0;
    const sequentialStart = performance.now();
    for (const id of sequentialIds) {
      await kc.users.logout({ realm, id });
      const consents = await kc.users.listConsents({ realm, id });
      sequentialRequests += 2;
      for (const consent of consents) {
        if (!consent.clientId) continue;
        await kc.users.revokeConsent({ realm, id, clientId: consent.clientId });
        sequentialRequests++;
      }
    }
    const sequentialSeconds = (performance.now() - sequentialStart) / 1000;

    const http = new IncidentHttp({
      url: target.url,
      authRealm: 'master',
      credentials: {
        grant: 'password',
        clientId: 'admin-cli',
        username: target.adminUser,
        password: target.adminPassword,
      },
    });
    const ctx = createContext(http, realm);
    const timed = async (ids: string[], concurrency: number) => {
      const start = performance.now();
      const summary = await runBulk(ids, (user) => logoutUser(ctx, { user }), { concurrency });
      const seconds = (performance.now() - start) / 1000;
      const requests = summary.results.reduce((sum, { result }) => sum + result.requests.length, 0);
      return { seconds, requests, failed: summary.failed.length, first: summary.results[0] };
    };
    const single = await timed(singleIds, 1);
    const bounded = await timed(boundedIds, CONCURRENCY);
    if (!bounded.first) throw new Error('bench: the bulk run returned no result to replay');
    await kc.auth({
      grantType: 'password',
      clientId: 'admin-cli',
      username: target.adminUser,
      password: target.adminPassword,
    });
    const template = bounded.first.result.requests.filter((request) => request.sent);
    const templateId = bounded.first.result.targets[0]?.id;
    if (!kc.accessToken || !templateId)
      throw new Error('bench: no admin token or no user id to replay the requests with');
    const raw = await rawReplay(target.url, kc.accessToken, template, templateId, rawIds, CONCURRENCY);
    const leftAfterBoth = await sessionsLeft(kc, realm);

    report({
      name: `sequential admin-client loop: logout ${USERS} users (no checks)`,
      value: USERS / sequentialSeconds,
      unit: 'ops/s',
      note: `${sequentialSeconds.toFixed(1)} s, ${(sequentialRequests / USERS).toFixed(1)} requests/user, ${(sequentialRequests / sequentialSeconds).toFixed(0)} requests/s`,
    });
    report({
      name: `realmguard logout-user, concurrency 1, ${singleCount} users (with evidence)`,
      value: singleCount / single.seconds,
      unit: 'ops/s',
      note: `${(single.requests / singleCount).toFixed(1)} requests/user, ${single.failed} failed`,
    });
    report({
      name: `realmguard bulk logout-user, concurrency ${CONCURRENCY}, ${USERS} users (with evidence)`,
      value: USERS / bounded.seconds,
      unit: 'ops/s',
      note: `${bounded.seconds.toFixed(1)} s, ${(bounded.requests / USERS).toFixed(1)} requests/user, ${(bounded.requests / bounded.seconds).toFixed(0)} requests/s, ${bounded.failed} failed`,
    });
    report({
      name: `raw-HTTP limit: the same requests, bare fetch, concurrency ${CONCURRENCY}`,
      value: USERS / raw.seconds,
      unit: 'ops/s',
      note: `${raw.seconds.toFixed(1)} s, ${(raw.requests / USERS).toFixed(1)} requests/user, ${(raw.requests / raw.seconds).toFixed(0)} requests/s`,
    });
    report({
      name: 'users/s, our bulk run vs the raw-HTTP limit',
      value: raw.seconds / bounded.seconds,
      unit: 'ratio',
      note: 'goal >= 0.8',
    });
    report({
      name: `speed-up, concurrency ${CONCURRENCY} vs our concurrency 1`,
      value: USERS / bounded.seconds / (singleCount / single.seconds),
      unit: 'ratio',
    });
    report({
      name: 'users/s, our bulk run vs the sequential loop',
      value: sequentialSeconds / bounded.seconds,
      unit: 'ratio',
      note: 'goal >= 4',
    });
    report({
      name: 'sessions left in the realm after all runs',
      value: leftAfterBoth,
      unit: 'count',
      note: `of ${2 * (3 * USERS + singleCount)}`,
    });
  } finally {
    await kc.realms.del({ realm }).catch(() => undefined);
    await target.stop?.();
  }
}
