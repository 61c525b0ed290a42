/**
 * `realmguard watch` on a real Keycloak: events read and run through every detection per second
 * (beside plain offset paging of the same events without detections, in the same run), and in
 * --follow mode the time from a refresh-token replay to its report and to the user's containment;
 * and the admin changes beyond the realm's own settings: the first start's read of the realm's
 * parts, and identity-provider updates judged per second through diff's classification.
 * Figures only. Uses the server KEYCLOAK_URL names (with KEYCLOAK_USER / KEYCLOAK_PASSWORD) or starts one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { IncidentHttp } from '../incident/index.ts';
import { Journal } from '../incident/journal.ts';
import { DEFAULT_WATCH_CONFIG } from '../watch/config.ts';
import { emptyState, StateFile } from '../watch/state-file.ts';
import { responder } from '../watch/respond.ts';
import { responseOutput } from '../cli/commands/watch.ts';
import { watchRealms } from '../watch/watcher.ts';
import { WATCHED_EVENT_TYPES } from '../policies/rules/realm/watch-events.ts';
import { readParts } from '../watch/realm-start.ts';
import { median } from './measure.ts';
import type { Report } from './run.ts';
import { benchServer } from './server.ts';

const EVENTS = Number(process.env.REALMGUARD_BENCH_WATCH_EVENTS ?? 3_000);
const REPLAYS = Number(process.env.REALMGUARD_BENCH_WATCH_REPLAYS ?? 3);
const INTERVAL_MS = 250;
const IDP_UPDATES = Number(process.env.REALMGUARD_BENCH_WATCH_IDP_UPDATES ?? 200);

async function token(url: string, realm: string, fields: Record<string, string>): Promise<{ refresh_token?: string }> {
  const response = await fetch(`${url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: 'web', ...fields }),
  });
  return (await response.json()) as { refresh_token?: string };
}

async function failedLogins(url: string, realm: string, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await token(url, realm, { grant_type: 'password', username: `ghost-${index}`, password: 'x' });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

export default async function bench(report: Report): Promise<void> {
  const server = await benchServer();
  const kc = new KcAdminClient({ baseUrl: server.url, realmName: 'master' });
  await kc.auth({
    grantType: 'password',
    clientId: 'admin-cli',
    username: server.adminUser,
    password: server.adminPassword,
  });
  const realm = `bench-watch-${Date.now().toString(36)}`;
  await kc.realms.create({
    realm,
    enabled: true,
    passwordPolicy: 'hashIterations(1)',
    eventsEnabled: true,
    enabledEventTypes: [...WATCHED_EVENT_TYPES, 'REFRESH_TOKEN'],
    adminEventsEnabled: true,
    adminEventsDetailsEnabled: true,
    revokeRefreshToken: true,
    refreshTokenMaxReuse: 0,
  });
  const http = () =>
    new IncidentHttp({
      url: server.url,
      authRealm: 'master',
      credentials: {
        grant: 'password',
        clientId: 'admin-cli',
        username: server.adminUser,
        password: server.adminPassword,
      },
    });
  try {
    await kc.clients.create({
      realm,
      clientId: 'web',
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    const start = Date.now() - 1_000;
    await failedLogins(server.url, realm, EVENTS);

    // Throughput: --once over the storm, every detection on.
    const once = Date.now();
    const outcome = await watchRealms(http(), {
      realms: [realm],
      startAt: start,
      follow: false,
      intervalMs: INTERVAL_MS,
      config: DEFAULT_WATCH_CONFIG,
      state: new StateFile(undefined, emptyState()),
      emit: () => undefined,
      note: () => undefined,
    });
    const onceSeconds = (Date.now() - once) / 1000;
    report({
      name: `watch --once: ${outcome.events} events read and judged`,
      value: outcome.events / onceSeconds,
      unit: 'ops/s',
      note: `${onceSeconds.toFixed(1)} s, ${outcome.detections} detections`,
    });

    // Admin changes judged against the kept parts: identity-provider updates, every other one weakening.
    await kc.identityProviders.create({
      realm,
      alias: 'corp',
      providerId: 'oidc',
      enabled: true,
      config: {
        clientId: 'broker',
        clientSecret: 'bench-secret',
        authorizationUrl: 'https://idp.example/auth',
        tokenUrl: 'https://idp.example/token',
        syncMode: 'FORCE',
      },
    });
    // The first start learns the realm (events config, realm, parts); the updates come after it.
    const kept = new StateFile(undefined, emptyState());
    const watchKept = (startAt: number) =>
      watchRealms(http(), {
        realms: [realm],
        startAt,
        follow: false,
        intervalMs: INTERVAL_MS,
        config: DEFAULT_WATCH_CONFIG,
        state: kept,
        emit: () => undefined,
        note: () => undefined,
      });
    const partsStart = Date.now();
    await readParts(http(), realm);
    report({ name: 'watch first start: read the realm parts', value: Date.now() - partsStart, unit: 'ms' });
    await watchKept(Date.now());
    const idp = await kc.identityProviders.findOne({ realm, alias: 'corp' });
    if (!idp) throw new Error('bench: the identity provider was not created');
    const changesFrom = Date.now();
    for (let index = 0; index < IDP_UPDATES; index++)
      await kc.identityProviders.update({ realm, alias: 'corp' }, { ...idp, trustEmail: index % 2 === 0 });
    const judging = Date.now();
    // A pass that read no event keeps no cursor: the window starts at the first update.
    const judged = await watchKept(changesFrom);
    const judgingSeconds = (Date.now() - judging) / 1000;
    report({
      name: `watch --once: ${judged.events} events with ${IDP_UPDATES} identity-provider updates judged`,
      value: judged.events / judgingSeconds,
      unit: 'ops/s',
      note: `${judgingSeconds.toFixed(1)} s, ${judged.detections} detections (every other update weakens)`,
    });

    // The alternative: offset paging (first/max) of the same events, no detections.
    const plain = Date.now();
    const client = http();
    let read = 0;
    for (let first = 0; ; first += DEFAULT_WATCH_CONFIG.pageSize) {
      const path = `/admin/realms/${realm}/events?dateFrom=${start}&direction=asc&first=${first}&max=${DEFAULT_WATCH_CONFIG.pageSize}`;
      const page = (await client.admin(
        { method: 'GET', path, changesState: false, idempotent: true, role: 'view-events' },
        realm,
      )) as unknown[];
      read += page.length;
      if (page.length < DEFAULT_WATCH_CONFIG.pageSize) break;
    }
    const plainSeconds = (Date.now() - plain) / 1000;
    report({
      name: `offset paging of the same ${read} events, no detections`,
      value: read / plainSeconds,
      unit: 'ops/s',
      note: 'may miss or repeat ties; the comparison',
    });

    // Latency in --follow: replay → report, replay → containment.
    const journal = join(mkdtempSync(join(tmpdir(), 'realmguard-bench-')), 'journal.jsonl');
    const followHttp = http();
    const state = new StateFile(undefined, emptyState());
    const toReport: number[] = [];
    const toContainment: number[] = [];
    let replayedAt = 0;
    const stop = new AbortController();
    const answer = responder(followHttp, DEFAULT_WATCH_CONFIG, state, {
      dryRun: false,
      ...responseOutput(new Journal(journal, followHttp.secrets), () => undefined),
    });
    const following = watchRealms(followHttp, {
      realms: [realm],
      startAt: Date.now(),
      follow: true,
      intervalMs: INTERVAL_MS,
      config: DEFAULT_WATCH_CONFIG,
      state,
      emit: (detection) => {
        if (detection.kind === 'refresh-token-replay') toReport.push(Date.now() - replayedAt);
      },
      note: () => undefined,
      responder: {
        async respond(detection) {
          const result = await answer.respond(detection);
          if (result && detection.kind === 'refresh-token-replay') toContainment.push(Date.now() - replayedAt);
          return result;
        },
      },
      signal: stop.signal,
    });
    for (let index = 0; index < REPLAYS; index++) {
      const username = `victim-${index}`;
      await kc.users.create({
        realm,
        username,
        enabled: true,
        email: `${username}@bench.test`,
        firstName: 'B',
        lastName: 'V',
        credentials: [{ type: 'password', value: 'pw', temporary: false }],
      });
      const { refresh_token: refreshToken } = await token(server.url, realm, {
        grant_type: 'password',
        username,
        password: 'pw',
      });
      if (refreshToken === undefined) throw new Error(`no refresh token for ${username}`);
      await token(server.url, realm, { grant_type: 'refresh_token', refresh_token: refreshToken });
      replayedAt = Date.now();
      await token(server.url, realm, { grant_type: 'refresh_token', refresh_token: refreshToken });
      const deadline = Date.now() + 30_000;
      while (toContainment.length <= index && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop.abort();
    await following;
    report({
      name: `--follow (poll ${INTERVAL_MS} ms): replay → report, median of ${toReport.length}`,
      value: median(toReport),
      unit: 'ms',
    });
    report({
      name: `--follow: replay → contain-user done, median of ${toContainment.length}`,
      value: median(toContainment),
      unit: 'ms',
      note: 'logout everywhere + token-version bump, with evidence',
    });
  } finally {
    await kc.auth({
      grantType: 'password',
      clientId: 'admin-cli',
      username: server.adminUser,
      password: server.adminPassword,
    });
    await kc.realms.del({ realm });
    await server.stop?.();
  }
}
