/**
 * Reads everything new on one stream, page by page, handing each page to `process` before the
 * cursor moves past it and `persist` records the new position: a restart resumes after the last
 * page that was processed and persisted, never before it and never after it.
 */
import { Cursor, type CursorState } from './cursor.ts';
import type { WatchEvent } from './event.ts';
import type { PageFetcher } from './event-pages.ts';

export interface StreamReadOptions {
  pageSize: number;
  process: (events: WatchEvent[]) => Promise<void>;
  persist: (state: CursorState) => Promise<void> | void;
}

/** Returns how many new events were processed. */
export async function readStream(fetchPage: PageFetcher, cursor: Cursor, options: StreamReadOptions): Promise<number> {
  let processed = 0;
  for (;;) {
    const max = cursor.requestSize(options.pageSize);
    const answer = await fetchPage(cursor.floor, max);
    const fresh = cursor.unseen(answer);
    if (fresh.length > 0) {
      await options.process(fresh);
      await options.persist(cursor.advance(fresh));
      processed += fresh.length;
    }
    // A short answer holds everything there is from the floor on.
    if (answer.length < max) return processed;
  }
}
