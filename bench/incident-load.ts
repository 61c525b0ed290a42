/**
 * The work the incident bench times, apart from our own run: the users and their sessions, the
 * raw-HTTP replay (the limit any client could reach) and the plain admin-client loop (what an
 * operator would write by hand). Each timed run needs users that hold sessions; the same users
 * are logged in again before every run, so every run meets the same realm.
 */
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import pLimit from 'p-limit';
import type { RequestRecord } from '../incident/index.ts';

export const BENCH_PASSWORD = 'bench-password-123';

/**
 * The bench realm's password policy: every timed run needs 1,000 fresh logins, and Keycloak 26's
 * default hash (argon2) made them take minutes on a loaded 2-core host. Not part of what is timed.
 */
export const CHEAP_PASSWORDS = 'hashAlgorithm(pbkdf2-sha256) and hashIterations(1)';

/** Logins run at this concurrency; not timed. */
const SETUP_CONCURRENCY = 8;

async function login(url: string, realm: string, username: string, offline: boolean): Promise<void> {
  const response = await fetch(`${url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'web',
      username,
      password: BENCH_PASSWORD,
      scope: offline ? 'openid offline_access' : 'openid',
    }),
  });
  await response.text();
  if (!response.ok) throw new Error(`bench: login of ${username} failed with ${response.status}`);
}

export interface BenchUser {
  id: string;
  username: string;
}

/** Creates `count` users with a password; returns their ids and usernames. */
export async function createUsers(kc: KcAdminClient, realm: string, count: number): Promise<BenchUser[]> {
  const limit = pLimit(SETUP_CONCURRENCY);
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      limit(async () => {
        const username = `bench-${index}`;
        const { id } = await kc.users.create({
          realm,
          username,
          enabled: true,
          email: `${username}@bench.test`,
          firstName: 'Bench',
          lastName: 'User',
          credentials: [{ type: 'password', value: BENCH_PASSWORD, temporary: false }],
        });
        return { id, username };
      }),
    ),
  );
}

/** Gives each user one online and one offline session (with its offline grant), as an attacker's logins would. */
export async function logIn(url: string, realm: string, users: BenchUser[]): Promise<void> {
  const limit = pLimit(SETUP_CONCURRENCY);
  await Promise.all(
    users.map(({ username }) =>
      limit(async () => {
        await login(url, realm, username, false);
        await login(url, realm, username, true);
      }),
    ),
  );
}

/** Online plus offline sessions left in the realm: 0 after a run that did its work. */
export async function sessionsLeft(kc: KcAdminClient, realm: string): Promise<number> {
  const stats = await kc.realms.getClientSessionStats({ realm });
  return stats.reduce((sum, stat) => sum + Number(stat.active) + Number(stat.offline), 0);
}

/**
 * The limit: the very requests our run sent for one user (logout-user's record), replayed with
 * bare fetch for each of `ids` at the given concurrency — one admin token fetched beforehand, no
 * evidence kept, no journal, no retries, no answer read beyond its bytes and status. At
 * concurrency 1 it is the raw sequential loop. The record keeps paths, not query strings;
 * logout-user sends none on this path (ids given, consent endpoint addressable).
 */
export async function rawReplay(
  url: string,
  token: string,
  template: { requests: RequestRecord[]; id: string },
  ids: string[],
  concurrency: number,
): Promise<number> {
  const limit = pLimit(concurrency);
  let requests = 0;
  await Promise.all(
    ids.map((id) =>
      limit(async () => {
        for (const request of template.requests) {
          const response = await fetch(`${url}${request.path.replaceAll(template.id, id)}`, {
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
  return requests;
}

/** What an operator writes by hand: a sequential admin-client loop, logout and revoke each offline grant, no checks. */
export async function adminClientLoop(kc: KcAdminClient, realm: string, ids: string[]): Promise<number> {
  let requests = 0;
  for (const id of ids) {
    await kc.users.logout({ realm, id });
    const consents = await kc.users.listConsents({ realm, id });
    requests += 2;
    for (const consent of consents) {
      if (!consent.clientId) continue;
      await kc.users.revokeConsent({ realm, id, clientId: consent.clientId });
      requests++;
    }
  }
  return requests;
}
