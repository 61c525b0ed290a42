/**
 * A storm against the real Keycloak: 10,000 failed logins (user events), read across pages while
 * half of them are still arriving, the reader killed after a few pages and restarted from what it
 * persisted — and every event is processed exactly once, checked against the full list Keycloak
 * holds. Memory stays bounded: no answer is larger than the remembered window plus one page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealmFixture } from '../incident/support/realm-fixture.ts';
import { Cursor, startCursor, type CursorState } from '../../../watch/cursor.ts';
import { eventPages } from '../../../watch/event-pages.ts';
import { readStream } from '../../../watch/read-stream.ts';
import { enableEvents, userEvents } from './support/events.ts';

const TOTAL = 10_000;
const PAGE = 500;
let fx: RealmFixture;

/** `count` failed password grants for users that do not exist: one LOGIN_ERROR each, no hashing. */
async function failedLogins(count: number, from: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = from + next++;
      const response = await fetch(fx.endpoint('token'), {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'web',
          username: `ghost-${index}`,
          password: 'x',
        }),
      });
      await response.text();
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

beforeAll(async () => {
  fx = await RealmFixture.create('watch-storm');
  await enableEvents(fx);
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

describe('watch: a storm of 10,000 events', () => {
  it('is read exactly once across pages, arrivals during the reads and a restart', async () => {
    const start = Date.now() - 1000;
    await failedLogins(TOTAL / 2, 0);
    const http = fx.context().http;
    const pages = eventPages(http, fx.realm, 'user');
    let largestAnswer = 0;
    const fetchPage = async (floor: number, max: number) => {
      const answer = await pages(floor, max);
      largestAnswer = Math.max(largestAnswer, answer.length);
      return answer;
    };
    const counts = new Map<string, number>();
    const process = async (events: Array<{ id: string }>) => {
      for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    };
    let saved: CursorState = startCursor(start);
    let peakHeap = 0;
    const persist = (state: CursorState) => {
      saved = structuredClone(state);
      peakHeap = Math.max(peakHeap, globalThis.process.memoryUsage().heapUsed);
    };

    // The second half arrives while the first reader runs; the reader is killed after 6 pages.
    const arriving = failedLogins(TOTAL / 2, TOTAL / 2);
    let persisted = 0;
    const killed = new Error('killed');
    await readStream(fetchPage, new Cursor(saved, 2_000), {
      pageSize: PAGE,
      process,
      persist: (state) => {
        persist(state);
        if (++persisted === 6) throw killed;
      },
    }).catch((error: unknown) => {
      if (error !== killed) throw error;
    });
    const beforeRestart = counts.size;
    await arriving;
    // The restart: a new cursor from what was persisted, polling until nothing new comes.
    const cursor = new Cursor(saved, 2_000);
    while ((await readStream(fetchPage, cursor, { pageSize: PAGE, process, persist })) > 0);

    const truth = (await userEvents(fx, { dateFrom: start, max: TOTAL * 2 })).map((event) => event.id);
    expect(truth.length).toBeGreaterThanOrEqual(TOTAL);
    expect(beforeRestart).toBeGreaterThan(0);
    expect(beforeRestart).toBeLessThan(truth.length);
    expect(counts.size).toBe(truth.length);
    expect(new Set(truth)).toEqual(new Set(counts.keys()));
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    // Bounded: an answer holds the remembered window plus one page, never the whole storm.
    expect(largestAnswer).toBeLessThan(truth.length);
    globalThis.process.stderr.write(
      `[storm] ${truth.length} events, ${beforeRestart} before the restart, largest answer ${largestAnswer}, ids remembered at the end ${saved.seen.length}, peak heap ${(peakHeap / 1024 / 1024).toFixed(0)} MiB\n`,
    );
    // Generating 10,000 events on a shared, loaded server takes minutes: the storm's own budget.
  }, 900_000);
});
