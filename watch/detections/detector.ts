/** A detection as code: it sees every event of its realm, oldest first, and may report. */
import type { Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';

export interface Detector {
  kind: string;
  onEvent(event: WatchEvent): Detection[];
}

/** Drops timestamps older than the window, from the front of an ascending list. */
export function trimWindow(times: number[], now: number, windowMs: number): void {
  const cutoff = now - windowMs;
  let first = times[0];
  while (first !== undefined && first <= cutoff) {
    times.shift();
    first = times[0];
  }
}
