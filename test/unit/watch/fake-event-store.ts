/**
 * An event store that answers like Keycloak's GET /events: time >= dateFrom, ordered by time
 * only — ties in a different random order on every request, as a database without a second
 * sort key may give them — then `first`/`max`. Events can be added between requests.
 */
import type { WatchEvent } from '../../../watch/event.ts';

export class FakeEventStore {
  readonly events: WatchEvent[] = [];
  requests = 0;
  largestAnswer = 0;
  #seed: number;

  constructor(seed = 1) {
    this.#seed = seed;
  }

  #random(): number {
    // mulberry32: deterministic, so a failure replays.
    this.#seed = (this.#seed + 0x6d2b79f5) | 0;
    let t = this.#seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  add(time: number, count = 1): void {
    for (let index = 0; index < count; index++) {
      const id = `e${this.events.length.toString().padStart(6, '0')}`;
      this.events.push({ stream: 'user', id, time, realm: 'r', type: 'LOGIN_ERROR', details: {} });
    }
  }

  page = async (floor: number, max: number): Promise<WatchEvent[]> => {
    this.requests++;
    const matching = this.events
      .filter((event) => event.time >= floor)
      .map((event) => ({ event, tie: this.#random() }));
    matching.sort((a, b) => a.event.time - b.event.time || a.tie - b.tie);
    const answer = matching.slice(0, max).map(({ event }) => event);
    this.largestAnswer = Math.max(this.largestAnswer, answer.length);
    return answer;
  };
}
