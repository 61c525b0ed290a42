/**
 * `watch` as a function: for each realm, check that events are recorded, then read both streams
 * from their cursors, run every event through the detections, write each detection, and answer
 * it when asked. --once reads what is there and returns; --follow polls until the signal aborts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncidentHttp } from '../keycloak/core.ts';
import type { Profile } from '../model/profiles.ts';
import type { PolicyConfig } from '../policies/config.ts';
import type { WatchConfig } from './config.ts';
import { Cursor, startCursor } from './cursor.ts';
import type { Detection } from './detection.ts';
import { detectorsFor } from './detections/index.ts';
import type { EventStream } from './event.ts';
import { eventPages } from './event-pages.ts';
import { readStream } from './read-stream.ts';
import { missingTypes, readEventsConfig, readParts, readSnapshot, withPartsReadAt } from './realm-start.ts';
import { RealmSnapshot } from './realm-snapshot.ts';
import type { Responder } from './respond.ts';
import { cursorKey, type StateFile } from './state-file.ts';

export interface WatchRun {
  realms: string[];
  /** Where a realm without a cursor starts, epoch ms. */
  startAt: number;
  follow: boolean;
  intervalMs: number;
  config: WatchConfig;
  profile?: Profile;
  policy?: PolicyConfig;
  state: StateFile;
  emit: (detection: Detection) => void;
  /** Notes for people (stderr): what the watcher cannot see. */
  note: (line: string) => void;
  responder?: Responder;
  signal?: AbortSignal;
  /** Called after each pass over every realm (tests and the bench measure with it). */
  onPass?: () => void;
}

export interface WatchOutcome {
  events: number;
  detections: number;
}

const STREAMS: EventStream[] = ['user', 'admin'];

export async function watchRealms(http: IncidentHttp, run: WatchRun): Promise<WatchOutcome> {
  const outcome: WatchOutcome = { events: 0, detections: 0 };
  const report = async (detection: Detection) => {
    outcome.detections++;
    run.emit(detection);
    await run.responder?.respond(detection);
  };
  const realms = [];
  for (const realm of run.realms) {
    const events = await readEventsConfig(http, realm);
    if (!events.eventsEnabled || !events.adminEventsEnabled) {
      const off = [
        events.eventsEnabled ? undefined : 'user events',
        events.adminEventsEnabled ? undefined : 'admin events',
      ]
        .filter(Boolean)
        .join(' and ');
      await report({
        id: `events-off:${realm}`,
        kind: 'events-off',
        severity: 'high',
        source: 'OWASP ASVS 5.0 V16.3 (security events logged)',
        realm,
        time: Date.now(),
        eventIds: [],
        summary: `realm ${realm} does not record ${off}: the watcher cannot see what it should detect — switch them on (rule watch-events)`,
      });
    }
    const missing = missingTypes(events);
    if (events.eventsEnabled && missing.length > 0)
      run.note(
        `realm ${realm} does not store the event types ${missing.join(', ')}: detections built on them stay silent (rule watch-events)`,
      );
    if (events.adminEventsEnabled && !events.adminEventsDetailsEnabled)
      run.note(
        `realm ${realm} stores admin events without their representation: weakening changes cannot be classified (set adminEventsDetailsEnabled)`,
      );
    const stored = run.state.state.snapshots[realm];
    let kept = stored ?? (await readSnapshot(http, realm));
    if (!kept)
      run.note(
        `realm ${realm}: no view-realm, so admin changes are compared with Keycloak's defaults, not the realm's earlier state`,
      );
    else {
      // A state file written before the watcher kept the parts has none: they are read now, and the
      // changes to them since its last run are already in them, so they count as older than the read.
      if (!kept.parts) {
        const time = Date.now();
        const parts = await readParts(http, realm);
        if (parts) kept = stored ? withPartsReadAt(stored, parts, time) : { ...kept, parts };
        if (parts && stored)
          run.note(
            `realm ${realm}: the state file holds no flows, identity providers, key providers, clients' scopes or user profile: read now, so changes to them before now are not judged (older than the first read)`,
          );
      }
      if (!kept.parts)
        run.note(
          `realm ${realm}: the account may not read flows, identity providers, key providers, clients and the user profile (view-realm, view-clients, view-users, view-identity-providers): changes to them, and grants of client roles, are not judged`,
        );
      run.state.state.snapshots[realm] = kept;
    }
    const snapshot = new RealmSnapshot(realm, kept);
    const detect = detectorsFor(run.config, snapshot, {
      ...(run.profile ? { profile: run.profile } : {}),
      ...(run.policy ? { policy: run.policy } : {}),
    });
    const cursors = STREAMS.map((stream) => {
      const key = cursorKey(realm, stream);
      return {
        key,
        stream,
        cursor: new Cursor(run.state.cursor(key) ?? startCursor(run.startAt), run.config.overlapMs),
        pages: eventPages(http, realm, stream),
      };
    });
    realms.push({ detect, cursors });
  }

  for (;;) {
    for (const { detect, cursors } of realms) {
      for (const { key, cursor, pages } of cursors) {
        outcome.events += await readStream(pages, cursor, {
          pageSize: run.config.pageSize,
          process: async (events) => {
            for (const event of events) for (const detection of detect(event)) await report(detection);
          },
          persist: (state) => run.state.setCursor(key, state),
        });
      }
    }
    run.onPass?.();
    if (!run.follow || run.signal?.aborted) return outcome;
    try {
      await sleep(run.intervalMs, undefined, run.signal ? { signal: run.signal } : {});
    } catch {
      return outcome; // aborted while waiting
    }
  }
}
