/**
 * The exactly-once cursor over one event stream. Keycloak orders GET /events and /admin-events
 * by time only (JpaEventQuery / JpaAdminEventQuery: ORDER BY time, no second key), so events that
 * share a millisecond come back in no stable order, and `first` offsets shift while events
 * arrive. The cursor therefore never pages by offset across calls: it asks from a time floor
 * (dateFrom, inclusive) in ascending order, and remembers the ids it has seen at or after that
 * floor. Each call asks for as many events as it remembers plus one page, so the answer holds at
 * least one page of unseen events whenever there are that many — whatever order Keycloak gives
 * to ties.
 *
 * The floor trails the newest event by `overlapMs`: an event whose transaction commits late
 * (Keycloak stamps the time when the event is built, the row appears at commit) is still found.
 * Memory is the events of that window plus one page.
 */

export interface CursorState {
  /** dateFrom of the next request, epoch ms. */
  floor: number;
  /** Ids already processed whose time is >= floor, with their time. */
  seen: Array<[id: string, time: number]>;
}

export interface Timed {
  id: string;
  time: number;
}

export function startCursor(from: number): CursorState {
  return { floor: from, seen: [] };
}

export class Cursor {
  readonly #seen: Map<string, number>;
  #floor: number;

  constructor(
    state: CursorState,
    readonly overlapMs: number,
  ) {
    this.#floor = state.floor;
    this.#seen = new Map(state.seen);
  }

  get floor(): number {
    return this.#floor;
  }

  /** How many events the next request asks for. */
  requestSize(pageSize: number): number {
    return this.#seen.size + pageSize;
  }

  /** The events of an answer not processed yet, oldest first (ties by id, for a stable report). */
  unseen<T extends Timed>(answer: readonly T[]): T[] {
    return answer
      .filter((event) => !this.#seen.has(event.id))
      .sort((a, b) => a.time - b.time || a.id.localeCompare(b.id));
  }

  /** Records processed events and moves the floor; returns the state to persist. */
  advance(processed: readonly Timed[]): CursorState {
    let newest = this.#floor;
    for (const event of processed) {
      this.#seen.set(event.id, event.time);
      newest = Math.max(newest, event.time);
    }
    this.#floor = Math.max(this.#floor, newest - this.overlapMs);
    for (const [id, time] of this.#seen) if (time < this.#floor) this.#seen.delete(id);
    return this.state();
  }

  state(): CursorState {
    return { floor: this.#floor, seen: [...this.#seen] };
  }
}
