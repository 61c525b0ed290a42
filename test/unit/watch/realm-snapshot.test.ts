/**
 * The kept realm: client ids come from event paths and are hostile. `__proto__`, `constructor`
 * and `hasOwnProperty` are ids like any other: unknown before, kept as own data after, and the
 * clients record keeps its prototype.
 */
import { describe, expect, it } from 'vitest';
import { RealmSnapshot, snapshotOf } from '../../../watch/realm-snapshot.ts';

describe('RealmSnapshot.updateClient', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('treats the id %s as data', (id) => {
    const state = snapshotOf({ realm: 'shop', accessTokenLifespan: 300 }, 1_000);
    const snapshot = new RealmSnapshot('shop', state);

    const first = snapshot.updateClient(id, { publicClient: true }, 2_000);
    expect(first).toEqual({ before: undefined, after: { publicClient: true, id }, known: false });
    expect(Object.getPrototypeOf(state.clients)).toBe(Object.prototype);
    expect(Object.hasOwn(state.clients, id)).toBe(true);
    expect(Object.keys(state.clients)).toEqual([id]);

    const second = snapshot.updateClient(id, { publicClient: false }, 3_000);
    expect(second).toEqual({
      before: { publicClient: true, id },
      after: { publicClient: false, id },
      known: true,
    });
    // What the state file would hold: the id survives a round trip as a plain key.
    expect(JSON.parse(JSON.stringify(state.clients))).toEqual(Object.fromEntries([[id, { publicClient: false, id }]]));
  });
});
