/**
 * A state file written before the watcher kept the realm's parts: it still loads, the parts are
 * read late (at `partsTime`, after the file's own time), and a change to them between the file's
 * last run and that read is already in them — not judged, not applied — while one after the read
 * is judged; `partsTime` survives the next save. Judged against the parts read later, an older
 * change would be compared with a state that came after it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCH_CONFIG } from '../../../watch/config.ts';
import { detectorsFor } from '../../../watch/detections/index.ts';
import { toWatchEvent } from '../../../watch/event.ts';
import type { RealmParts } from '../../../watch/realm-parts.ts';
import { RealmSnapshot } from '../../../watch/realm-snapshot.ts';
import { withPartsReadAt } from '../../../watch/realm-start.ts';
import { loadState, StateFile } from '../../../watch/state-file.ts';

const LAST_RUN = 1_000;
const READ_NOW = 5_000;

/** The parts as read now: OTP required again (by the change at 4_000 below). */
const partsNow = (): RealmParts => ({
  clients: {},
  serviceAccounts: {},
  clientScopes: {},
  flows: {
    browser: [
      { id: 'cookie', level: 0, requirement: 'ALTERNATIVE', providerId: 'auth-cookie' },
      { id: 'forms', level: 0, requirement: 'ALTERNATIVE', subFlow: 'browser forms' },
      { id: 'password', level: 1, requirement: 'REQUIRED', providerId: 'auth-username-password-form' },
      { id: '2fa', level: 1, requirement: 'REQUIRED', subFlow: 'browser 2fa' },
      { id: 'otp', level: 2, requirement: 'REQUIRED', providerId: 'auth-otp-form' },
    ],
  },
  identityProviders: [],
  identityProviderMappers: [],
  keyComponents: [],
});

const stepChange = (id: string, time: number, requirement: string) =>
  toWatchEvent('admin', 'shop', {
    id,
    time,
    operationType: 'UPDATE',
    resourceType: 'AUTH_EXECUTION',
    resourcePath: 'authentication/flows/browser/executions',
    authDetails: { userId: 'admin-1', ipAddress: '198.51.100.2' },
    representation: JSON.stringify({ id: 'otp', requirement, providerId: 'auth-otp-form' }),
  })!;

function oldStateFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'realmguard-old-state-')), 'state.json');
  const old = {
    version: 1,
    cursors: { 'shop/admin': { floor: LAST_RUN, seen: [] } },
    responded: [],
    // As a watcher before the parts were kept wrote it: no parts, no partsTime.
    snapshots: { shop: { time: LAST_RUN, realm: { realm: 'shop', accessTokenLifespan: 300 }, clients: {} } },
  };
  writeFileSync(file, `${JSON.stringify(old)}\n`);
  return file;
}

describe('a state file written before the watcher kept the parts', () => {
  it('loads; a change to the parts before they were read is not judged, one after is, and partsTime is kept', () => {
    const file = oldStateFile();
    const state = loadState(file);
    const stored = state.snapshots.shop!;
    expect(stored.parts).toBeUndefined();

    state.snapshots.shop = withPartsReadAt(stored, partsNow(), READ_NOW);
    const snapshot = new RealmSnapshot('shop', state.snapshots.shop);
    const detect = detectorsFor(DEFAULT_WATCH_CONFIG, snapshot);

    // Between the last run and the read, OTP was still off (touched at 3_000) and then switched on (4_000):
    // both are in the parts already. Judged against them, the first would read as "switched off".
    expect(detect(stepChange('a1', 3_000, 'DISABLED'))).toEqual([]);
    expect(detect(stepChange('a2', 4_000, 'REQUIRED'))).toEqual([]);
    expect(snapshot.parts()).toEqual(partsNow());
    // After the read: judged against the parts as read.
    const [found, ...more] = detect(stepChange('a3', 6_000, 'DISABLED'));
    expect(more).toEqual([]);
    expect(found?.kind).toBe('admin-weakening');
    expect(found?.changes?.[0]?.rules).toEqual(['browser-flow-second-factor']);

    new StateFile(file, state).save();
    expect(loadState(file).snapshots.shop?.partsTime).toBe(READ_NOW);
  });
});
