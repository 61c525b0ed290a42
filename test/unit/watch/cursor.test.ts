/**
 * The cursor's promise: every event is processed exactly once, across pages and restarts, when
 * thousands share one millisecond, when Keycloak returns ties in a new order on every request,
 * and when events arrive while a page is being read — and what it holds stays bounded.
 */
import { describe, expect, it } from 'vitest';
import { Cursor, startCursor, type CursorState } from '../../../watch/cursor.ts';
import { readStream } from '../../../watch/read-stream.ts';
import { FakeEventStore } from './fake-event-store.ts';

function counter() {
  const counts = new Map<string, number>();
  return {
    counts,
    process: async (events: Array<{ id: string }>) => {
      for (const event of events) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
    },
  };
}

const exactlyOnce = (store: FakeEventStore, counts: Map<string, number>) => {
  expect(counts.size).toBe(store.events.length);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
};

describe('cursor', () => {
  it('reads 10,000 events sharing few timestamps across pages, with a restart in the middle, each once', async () => {
    const store = new FakeEventStore(7);
    for (let ms = 0; ms < 20; ms++) store.add(1_000 + ms, 500);
    const { counts, process } = counter();
    let saved: CursorState = startCursor(0);
    // First run: stops after 7 pages, as a killed process would after persisting its last page.
    let pages = 0;
    const stop = new Error('killed');
    await expect(
      readStream(store.page, new Cursor(saved, 0), {
        pageSize: 300,
        process,
        persist: (state) => {
          saved = JSON.parse(JSON.stringify(state)) as CursorState;
          if (++pages === 7) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    // Each page brings at least a page of new events (more when remembered ones sort later).
    expect(counts.size).toBeGreaterThanOrEqual(7 * 300);
    expect(counts.size).toBeLessThan(store.events.length);
    // The restart resumes from the state file's content.
    await readStream(store.page, new Cursor(saved, 0), {
      pageSize: 300,
      process,
      persist: (state) => void (saved = state),
    });
    exactlyOnce(store, counts);
    // Bounded: one millisecond's events plus one page.
    expect(store.largestAnswer).toBeLessThanOrEqual(500 + 300);
    expect(saved.seen.length).toBeLessThanOrEqual(500);
  });

  it('reads 2,000 events all in one millisecond, ties reordered on every request', async () => {
    const store = new FakeEventStore(3);
    store.add(5_000, 2_000);
    const { counts, process } = counter();
    await readStream(store.page, new Cursor(startCursor(0), 0), { pageSize: 128, process, persist: () => undefined });
    exactlyOnce(store, counts);
  });

  it('takes events that arrive while pages are read, at the newest timestamp and later', async () => {
    const store = new FakeEventStore(11);
    store.add(100, 250);
    const { counts, process } = counter();
    let arrivals = 0;
    const cursor = new Cursor(startCursor(0), 0);
    await readStream(store.page, cursor, {
      pageSize: 100,
      process: async (events) => {
        await process(events);
        // Each page brings new events: some at the newest time already seen, some later.
        if (arrivals++ < 5) {
          store.add(events.at(-1)!.time, 30);
          store.add(events.at(-1)!.time + 1, 30);
        }
      },
      persist: () => undefined,
    });
    // What arrived after the last answer is the next poll's.
    await readStream(store.page, cursor, { pageSize: 100, process, persist: () => undefined });
    exactlyOnce(store, counts);
  });

  it('with an overlap, still finds an event committed late with an older time', async () => {
    const store = new FakeEventStore(5);
    store.add(1_000, 10);
    const { counts, process } = counter();
    let saved = startCursor(0);
    await readStream(store.page, new Cursor(saved, 2_000), {
      pageSize: 50,
      process,
      persist: (state) => void (saved = state),
    });
    store.add(1_500, 1); // newest seen is 1000; this one is stamped later but …
    store.add(900, 1); // … this one was stamped before the newest seen and committed after it was read
    await readStream(store.page, new Cursor(saved, 2_000), {
      pageSize: 50,
      process,
      persist: (state) => void (saved = state),
    });
    exactlyOnce(store, counts);
  });

  it('without an overlap, an event older than the floor is out of reach (why the default overlap is 2 s)', async () => {
    const store = new FakeEventStore(5);
    store.add(1_000, 3);
    const { counts, process } = counter();
    let saved = startCursor(0);
    await readStream(store.page, new Cursor(saved, 0), {
      pageSize: 50,
      process,
      persist: (state) => void (saved = state),
    });
    store.add(900, 1);
    await readStream(store.page, new Cursor(saved, 0), {
      pageSize: 50,
      process,
      persist: (state) => void (saved = state),
    });
    expect(counts.size).toBe(3);
  });

  it('forgets ids once the floor has passed them', () => {
    const cursor = new Cursor(startCursor(0), 100);
    const state = cursor.advance([
      { id: 'a', time: 10 },
      { id: 'b', time: 500 },
      { id: 'c', time: 1_000 },
    ]);
    expect(state).toEqual({ floor: 900, seen: [['c', 1_000]] });
  });
});
