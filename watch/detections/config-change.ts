/**
 * A weakening change to the parts of a realm other than its own settings and clients: a flow
 * step's requirement, a flow step added, deleted or moved, an identity provider changed or added,
 * a key provider, the user profile, a client's default scopes (watch/config-changes/*). The kept parts before the event and after it are adapted by
 * the live reader's adapter and judged by diff's classification (watch/judge-change.ts). Without
 * kept parts (the account may not read them) nothing here is judged; the watcher says so at start.
 */
import { InputError } from '../../model/errors.ts';
import { partsChange } from '../config-changes/index.ts';
import type { Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import { weakeningChanges, weakeningDetection, type JudgeOptions } from '../judge-change.ts';
import { loadedFromParts } from '../parts-answers.ts';
import type { RealmSnapshot } from '../realm-snapshot.ts';
import type { Detector } from './detector.ts';

export function configChange(snapshot: RealmSnapshot, options: JudgeOptions = {}): Detector {
  return {
    kind: 'admin-weakening',
    onEvent(event: WatchEvent): Detection[] {
      const admin = event.admin;
      const parts = snapshot.parts();
      // An event from before the parts were read (the first run's --since window) is already in them.
      if (!admin || !parts || !snapshot.isAfterSnapshot(event.time)) return [];
      const change = partsChange(admin, parts);
      if (!change) return [];
      const realm = snapshot.realm();
      try {
        const before = loadedFromParts(realm, parts);
        const after = loadedFromParts(realm, change.parts);
        snapshot.updateParts(change.parts, event.time);
        if (!change.judge) return [];
        const changes = weakeningChanges(before, after, options);
        return changes.length === 0 ? [] : [weakeningDetection(event, admin, change.subject, changes, change.caveat)];
      } catch (error) {
        // A representation the model cannot read (not a Keycloak 26 shape) leaves the kept parts as they were.
        if (error instanceof InputError) return [];
        throw error;
      }
    },
  };
}
