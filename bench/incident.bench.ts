/**
 * Bulk logout on a real Keycloak, against its limits, in one run: users with a live online and a
 * live offline session each are logged out
 *   - by our bulk run of logoutUser as the CLI runs it (id resolution, the read-back evidence and
 *     a journal line per user: about twice the requests of the loop below),
 *   - by a bare fetch loop sending exactly our requests (the raw-HTTP limit: what any client could
 *     reach with them; at concurrency 1 the raw sequential loop),
 *   - by a sequential admin-client loop (logout + revoke each offline grant, no checks),
 * at each concurrency of REALMGUARD_BENCH_INCIDENT_CONCURRENCY (default 1,2,4,8,16), repeated
 * REALMGUARD_BENCH_INCIDENT_REPEATS times (default 3) in alternating order; medians are reported.
 *
 * raw(c) ÷ raw(1) is the ceiling of what concurrency can gain on this server: when Keycloak's CPU
 * is what bounds the rate (its CPU seconds per wall second near the core count), no client gets
 * past it. Keycloak's CPU is read from /proc (bench/incident-cpu.ts), so the bench runs on the
 * Keycloak host: the server KEYCLOAK_URL names (with KEYCLOAK_USER / KEYCLOAK_PASSWORD), or one
 * it starts. A quiet server gives steadier figures: `npm run keycloak` starts one of your own.
 * Figures only.
 */
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createContext,
  DEFAULT_BULK_CONCURRENCY,
  IncidentHttp,
  Journal,
  journalEntry,
  logoutUser,
  runBulk,
} from '../incident/index.ts';
import { CORES, measured, serverPid, type CpuSpan } from './incident-cpu.ts';
import {
  adminClientLoop,
  CHEAP_PASSWORDS,
  createUsers,
  logIn,
  rawReplay,
  sessionsLeft,
  type BenchUser,
} from './incident-load.ts';
import { median } from './measure.ts';
import type { Report } from './run.ts';
import { benchServer, type BenchServer } from './server.ts';

const USERS = Number(process.env.REALMGUARD_BENCH_INCIDENT_USERS ?? 500);
const CONCURRENCIES = (process.env.REALMGUARD_BENCH_INCIDENT_CONCURRENCY ?? '1,2,4,8,16').split(',').map(Number);
const REPEATS = Number(process.env.REALMGUARD_BENCH_INCIDENT_REPEATS ?? 3);

for (const [name, values] of [
  ['REALMGUARD_BENCH_INCIDENT_USERS', [USERS]],
  ['REALMGUARD_BENCH_INCIDENT_CONCURRENCY', CONCURRENCIES],
  ['REALMGUARD_BENCH_INCIDENT_REPEATS', [REPEATS]],
] as const) {
  if (values.some((value) => !Number.isInteger(value) || value < 1))
    throw new Error(`bench: ${name} must be whole numbers of at least 1 (a comma list for the concurrency)`);
}

interface Sample extends CpuSpan {
  requests: number;
}

type Kind = 'ours' | 'raw';

/** Our bulk run as `realmguard incident logout-user --users-file` does it: evidence and a journal line per user. */
async function ours(target: BenchServer, realm: string, ids: string[], concurrency: number, journalFile: string) {
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
  const journal = new Journal(journalFile, http.secrets);
  const summary = await runBulk(ids, (user) => logoutUser(ctx, { user }), {
    concurrency,
    onResult: (input, result) =>
      journal.append(journalEntry(result, { actor: http.actor, server: http.origin, input })),
  });
  if (summary.failed.length > 0 || summary.unrecorded)
    throw new Error(
      `bench: our run at concurrency ${concurrency} failed for ${summary.failed.length} users (first: ${summary.failed[0]?.error ?? summary.unrecorded?.[0]?.error})`,
    );
  return summary;
}

function perUser(sample: Sample, users: number) {
  return {
    usersPerSecond: users / sample.wallSeconds,
    serverMsPerUser: (1000 * sample.serverSeconds) / users,
    clientMsPerUser: (1000 * sample.clientSeconds) / users,
    serverCores: sample.serverSeconds / sample.wallSeconds,
  };
}

/** One line on where the time went: requests, Keycloak's CPU (and how many cores it kept busy), ours. */
function costNote(samples: Sample[], users: number): string {
  const figures = samples.map((sample) => perUser(sample, users));
  const pick = (key: keyof ReturnType<typeof perUser>) => median(figures.map((figure) => figure[key]));
  const requests = median(samples.map((sample) => sample.requests)) / users;
  return (
    `median of ${samples.length}; ${requests.toFixed(1)} requests/user; Keycloak CPU ${pick('serverMsPerUser').toFixed(1)} ms/user, ` +
    `${pick('serverCores').toFixed(2)} of ${CORES} cores busy; client CPU ${pick('clientMsPerUser').toFixed(1)} ms/user`
  );
}

export default async function bench(report: Report): Promise<void> {
  const target = await benchServer();
  const pid = serverPid(target.url);
  const kc = new KcAdminClient({ baseUrl: target.url, realmName: 'master' });
  // The master realm's admin token lives a minute: fetched again before each step.
  const authenticate = () =>
    kc.auth({
      grantType: 'password',
      clientId: 'admin-cli',
      username: target.adminUser,
      password: target.adminPassword,
    });
  await authenticate();
  const realm = `bench-incident-${Date.now().toString(36)}`;
  const journalDir = mkdtempSync(join(tmpdir(), 'realmguard-bench-'));
  try {
    await kc.realms.create({ realm, enabled: true, passwordPolicy: CHEAP_PASSWORDS });
    await kc.clients.create({
      realm,
      clientId: 'web',
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    const seedStart = performance.now();
    const users: BenchUser[] = await createUsers(kc, realm, USERS);
    const ids = users.map((user) => user.id);
    report({ name: `seed: ${USERS} users`, value: (performance.now() - seedStart) / 1000, unit: 's' });

    /** Logs every user in, times `work`, and proves it logged every user out. */
    const timedRun = async (label: string, work: () => Promise<number>): Promise<Sample> => {
      await logIn(target.url, realm, users);
      await authenticate(); // after the logins, which may take longer than the token lives
      const span = await measured(pid, work);
      await authenticate();
      const left = await sessionsLeft(kc, realm);
      if (left !== 0) throw new Error(`bench: ${label} left ${left} sessions: it did not log every user out`);
      return { ...span, requests: span.value };
    };
    const journalFile = (label: string) => join(journalDir, `${label}.jsonl`);
    const oursRun = (concurrency: number) =>
      timedRun(`our run at concurrency ${concurrency}`, async () => {
        const summary = await ours(target, realm, ids, concurrency, journalFile(`c${concurrency}`));
        return summary.results.reduce((sum, { result }) => sum + result.requests.length, 0);
      });

    // Warm-up (a cold server's first minutes are slower), and the requests the raw loop replays.
    await authenticate();
    await logIn(target.url, realm, users);
    const warm = await ours(target, realm, ids, DEFAULT_BULK_CONCURRENCY, journalFile('warm-up'));
    const first = warm.results[0]?.result;
    const template = {
      requests: first?.requests.filter((request) => request.sent) ?? [],
      id: first?.targets[0]?.id ?? '',
    };
    if (template.requests.length === 0 || !template.id)
      throw new Error('bench: the warm-up run returned no requests to replay');
    const rawRun = (concurrency: number) =>
      timedRun(`the raw loop at concurrency ${concurrency}`, async () => {
        if (!kc.accessToken) throw new Error('bench: no admin token for the raw loop');
        return rawReplay(target.url, kc.accessToken, template, ids, concurrency);
      });

    const samples = new Map<string, Sample[]>();
    const keep = (key: string, sample: Sample) => samples.set(key, [...(samples.get(key) ?? []), sample]);
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      keep('loop', await timedRun('the admin-client loop', () => adminClientLoop(kc, realm, ids)));
      // Alternate which goes first, so a load change on the host does not always favour one side.
      const order: Kind[] = repeat % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
      for (const concurrency of CONCURRENCIES) {
        for (const kind of order)
          keep(`${kind}@${concurrency}`, await (kind === 'ours' ? oursRun : rawRun)(concurrency));
      }
    }

    const get = (key: string): Sample[] => samples.get(key) ?? [];
    const rate = (sample: Sample | undefined) => (sample ? USERS / sample.wallSeconds : NaN);
    /** Median over the repeats of a ratio taken within each repeat (both sides under the same load). */
    const ratio = (top: string, bottom: string) =>
      median(get(top).map((sample, repeat) => rate(sample) / rate(get(bottom)[repeat])));

    report({
      name: `sequential admin-client loop (no checks), ${USERS} users`,
      value: median(get('loop').map(rate)),
      unit: 'ops/s',
      note: costNote(get('loop'), USERS),
    });
    const sequential = CONCURRENCIES.includes(1) ? 1 : undefined;
    for (const concurrency of CONCURRENCIES) {
      report({
        name: `c=${concurrency}: ours, with evidence and journal`,
        value: median(get(`ours@${concurrency}`).map(rate)),
        unit: 'ops/s',
        note: costNote(get(`ours@${concurrency}`), USERS),
      });
      report({
        name: `c=${concurrency}: raw-HTTP limit (bare fetch, same requests)`,
        value: median(get(`raw@${concurrency}`).map(rate)),
        unit: 'ops/s',
        note: costNote(get(`raw@${concurrency}`), USERS),
      });
      report({
        name: `c=${concurrency}: ours ÷ raw limit`,
        value: ratio(`ours@${concurrency}`, `raw@${concurrency}`),
        unit: 'ratio',
        note: 'goal >= 0.8',
      });
      report({
        name: `c=${concurrency}: ours ÷ sequential admin-client loop`,
        value: ratio(`ours@${concurrency}`, 'loop'),
        unit: 'ratio',
        note: `goal >= 4; raw limit ÷ loop: ${ratio(`raw@${concurrency}`, 'loop').toFixed(2)}`,
      });
      if (sequential !== undefined && concurrency !== sequential)
        report({
          name: `c=${concurrency}: ceiling, raw ÷ raw sequential`,
          value: ratio(`raw@${concurrency}`, `raw@${sequential}`),
          unit: 'ratio',
          note: `ours ÷ ours sequential: ${ratio(`ours@${concurrency}`, `ours@${sequential}`).toFixed(2)}`,
        });
    }
  } finally {
    rmSync(journalDir, { recursive: true, force: true });
    await authenticate()
      .then(() => kc.realms.del({ realm }))
      .catch(() => undefined);
    await target.stop?.();
  }
}
