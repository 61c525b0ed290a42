/**
 * The replay of a rotated refresh token, end to end against the real Keycloak: `watch --once`
 * names user, client and session; `--respond --dry-run` only lists; `--respond` contains the user
 * (its other sessions and offline token end: introspection says active: false), journals it, and
 * never acts on the same detection again, not even when the cursor is lost.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_SECRET,
  INTROSPECTOR_SECRET,
  PASSWORD,
  RealmFixture,
  type Tokens,
} from '../incident/support/realm-fixture.ts';
import { enableEvents } from './support/events.ts';
import { runWatch } from './support/run-watch.ts';

let fx: RealmFixture;
let dir: string;
let userId: string;
let replayed: Tokens;
let other: Tokens;
let offline: Tokens;
let secrets: string[];

async function refresh(refreshToken: string) {
  const response = await fetch(fx.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'web' }),
  });
  return (await response.json()) as Partial<Tokens>;
}

beforeAll(async () => {
  fx = await RealmFixture.create('watch-replay');
  await enableEvents(fx);
  dir = mkdtempSync(join(tmpdir(), 'realmguard-watch-'));
  userId = await fx.createUser('rita');
  replayed = await fx.login('rita', 'web');
  other = await fx.login('rita', 'web');
  offline = await fx.login('rita', 'api', true);
  const rotated = await refresh(replayed.refresh_token);
  // The attacker replays the stolen, already rotated token.
  await refresh(replayed.refresh_token);
  secrets = [
    PASSWORD,
    API_SECRET,
    INTROSPECTOR_SECRET,
    ...[replayed, other, offline].flatMap((tokens) => [tokens.access_token, tokens.refresh_token]),
    rotated.refresh_token!,
    rotated.access_token!,
  ];
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

const args = (...more: string[]) => ['--realm', fx.realm, '--once', '--since', '10m', '--format', 'json', ...more];

describe('watch: a replayed refresh token', () => {
  it('is reported with user, client and session, exit 1', async () => {
    const run = await runWatch(args('--state', join(dir, 'report.json')), { secrets });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const replays = run.detections.filter((detection) => detection.kind === 'refresh-token-replay');
    expect(replays).toHaveLength(1);
    expect(replays[0]).toMatchObject({
      severity: 'critical',
      realm: fx.realm,
      user: userId,
      client: 'web',
      session: replayed.session_state,
      eventIds: [expect.any(String)],
    });
    expect(replays[0]?.source).toMatch(/RFC 9700/);
    // The same state again: nothing new, exit 0.
    const again = await runWatch(args('--state', join(dir, 'report.json')), { secrets });
    expect([again.code, again.detections]).toEqual([0, []]);
  });

  it('--respond --dry-run lists the containment and sends nothing', async () => {
    const journal = join(dir, 'dry.jsonl');
    const run = await runWatch(args('--respond', '--dry-run', '--journal', journal, '--state', join(dir, 'dry.json')), {
      secrets,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/response to refresh-token-replay:.*contain-user/s);
    expect(run.stderr).toMatch(/DRY RUN/);
    const entries = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; result: string });
    expect(entries.map((entry) => [entry.action, entry.result])).toEqual([['contain-user', 'dry-run']]);
    expect(await fx.active(other.access_token)).toBe(true);
  });

  it('--respond contains the user once: other sessions and the offline token end, the journal records it', async () => {
    expect(await fx.active(other.access_token)).toBe(true);
    expect(await fx.active(offline.access_token)).toBe(true);
    const journal = join(dir, 'respond.jsonl');
    const state = join(dir, 'respond.json');
    const run = await runWatch(args('--respond', '--journal', journal, '--state', state), { secrets });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/response to refresh-token-replay:[^\n]*\n[\s\S]*done/);
    // The user's other session and its offline token are over.
    expect(await fx.active(other.access_token)).toBe(false);
    expect(await fx.active(offline.access_token)).toBe(false);
    expect((await refresh(other.refresh_token)).access_token).toBeUndefined();
    expect(await fx.sessionCounts(userId)).toEqual({ online: 0, offline: 0 });
    const entries = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { action: string; result: string; input: string; targets: Array<{ id?: string }> },
      );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'contain-user',
      result: 'ok',
      input: expect.stringMatching(/^refresh-token-replay:/) as unknown,
      targets: [expect.objectContaining({ id: userId })],
    });

    // A restart that lost its cursor reads the replay again, and still does not act twice.
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { cursors: object };
    writeFileSync(state, JSON.stringify({ ...saved, cursors: {} }));
    const rerun = await runWatch(args('--respond', '--journal', journal, '--state', state), { secrets });
    expect(rerun.detections.some((detection) => detection.kind === 'refresh-token-replay')).toBe(true);
    expect(rerun.stderr).not.toMatch(/response to refresh-token-replay/);
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
