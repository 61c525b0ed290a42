/**
 * A state file written before the watcher kept the realm's parts, end to end: the next run reads
 * the parts, says so on stderr (changes to them before now are not judged) and keeps when it read
 * them (partsTime); the run after that has them and says nothing more.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealmFixture } from '../incident/support/realm-fixture.ts';
import { enableEvents } from './support/events.ts';
import { runWatch } from './support/run-watch.ts';

let fx: RealmFixture;
let state: string;

beforeAll(async () => {
  fx = await RealmFixture.create('watch-old-state');
  await enableEvents(fx);
  state = join(mkdtempSync(join(tmpdir(), 'realmguard-watch-old-state-')), 'state.json');
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

const watchOnce = (more: string[] = []) =>
  runWatch(['--realm', fx.realm, '--once', '--format', 'json', '--state', state, ...more]);

interface StoredSnapshot {
  time: number;
  parts?: unknown;
  partsTime?: number;
}
const snapshotIn = () =>
  (JSON.parse(readFileSync(state, 'utf8')) as { snapshots: Record<string, StoredSnapshot> }).snapshots[fx.realm]!;

describe('watch: a state file without the realm parts', () => {
  it('reads them on the next run, says so once, and keeps when it read them', async () => {
    // An event to read, so that the first run writes its state.
    await fx.createUser('olga');
    const first = await watchOnce(['--since', '1m']);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/read now/);
    expect(snapshotIn().parts).toBeDefined();
    expect(snapshotIn().partsTime).toBeUndefined();

    // As a watcher before the parts were kept wrote it.
    const old = JSON.parse(readFileSync(state, 'utf8')) as { snapshots: Record<string, StoredSnapshot> };
    delete old.snapshots[fx.realm]!.parts;
    writeFileSync(state, JSON.stringify(old));
    const oldTime = old.snapshots[fx.realm]!.time;

    const before = Date.now();
    await fx.createUser('otto');
    const second = await watchOnce();
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(
      `realm ${fx.realm}: the state file holds no flows, identity providers, key providers, clients' scopes or user profile: read now, so changes to them before now are not judged (older than the first read)`,
    );
    const kept = snapshotIn();
    expect(kept.parts).toBeDefined();
    expect(kept.partsTime).toBeGreaterThanOrEqual(before);
    expect(kept.time).toBe(oldTime);

    await fx.createUser('oona');
    const third = await watchOnce();
    expect(third.stderr).not.toMatch(/read now/);
    expect(snapshotIn().partsTime).toBe(kept.partsTime);
  });
});
