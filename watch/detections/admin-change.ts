/**
 * An admin change that weakens the realm: the representation of an UPDATE REALM or UPDATE CLIENT
 * admin event is adapted to the model (the same adapter as a realm export and `audit`) and
 * compared with the known state through `realmguard diff`'s classification (watch/judge-change.ts).
 * A realm update is compared with the kept flows beside it, so a browser flow binding moved to a
 * flow that asks for no second factor is judged too.
 */
import type { JsonRecord } from '../../keycloak/answers.ts';
import type { LoadedRealm } from '../../model/realm-settings.ts';
import type { Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import { weakeningChanges, weakeningDetection, type JudgeOptions } from '../judge-change.ts';
import { bareAnswers, exportedFlows, loadedAnswers } from '../parts-answers.ts';
import type { RealmParts } from '../realm-parts.ts';
import type { RealmSnapshot } from '../realm-snapshot.ts';
import type { Detector } from './detector.ts';

function loaded(realm: JsonRecord, clients: JsonRecord[], flows?: RealmParts['flows']): LoadedRealm {
  return loadedAnswers({
    ...bareAnswers(realm),
    clients,
    ...(flows ? { entities: { authenticationFlows: exportedFlows(flows), authenticatorConfig: [] } } : {}),
  });
}

/** The kept flows, when both bindings the change compares are among them (an unknown flow would count as no flow). */
function knownFlows(snapshot: RealmSnapshot, before: JsonRecord, after: JsonRecord): RealmParts['flows'] | undefined {
  const flows = snapshot.parts()?.flows;
  if (!flows) return undefined;
  const bound = [before.browserFlow, after.browserFlow].filter((alias) => alias !== undefined);
  return bound.every((alias) => typeof alias === 'string' && Object.hasOwn(flows, alias)) ? flows : undefined;
}

const DEFAULTS_CAVEAT = 'earlier state unknown: compared with Keycloak defaults';

export function adminChange(snapshot: RealmSnapshot, options: JudgeOptions = {}): Detector {
  return {
    kind: 'admin-weakening',
    onEvent(event: WatchEvent): Detection[] {
      const admin = event.admin;
      if (!admin || admin.operationType !== 'UPDATE' || !admin.representation) return [];
      let before: LoadedRealm;
      let after: LoadedRealm;
      let subject: string;
      let known: boolean;
      if (admin.resourceType === 'REALM') {
        const change = snapshot.updateRealm(admin.representation, event.time);
        const previous = change.before ?? { realm: event.realm };
        const flows = change.known ? knownFlows(snapshot, previous, change.after) : undefined;
        before = loaded(previous, [], flows);
        after = loaded(change.after, [], flows);
        subject = `realm ${event.realm}`;
        known = change.known;
      } else if (
        admin.resourceType === 'CLIENT' &&
        admin.resourcePath?.startsWith('clients/') &&
        !admin.resourcePath.slice('clients/'.length).includes('/')
      ) {
        const id = admin.resourcePath.slice('clients/'.length);
        const change = snapshot.updateClient(id, admin.representation, event.time);
        const clientId = typeof change.after.clientId === 'string' ? change.after.clientId : id;
        // Without a known earlier state the client is compared with Keycloak's defaults for a new client.
        before = loaded(snapshot.realm(), [change.before ?? { id, clientId }]);
        after = loaded(snapshot.realm(), [{ clientId, ...change.after }]);
        subject = `client ${clientId}`;
        known = change.known;
      } else {
        return [];
      }
      const changes = weakeningChanges(before, after, options);
      if (changes.length === 0) return [];
      return [weakeningDetection(event, admin, subject, changes, known ? undefined : DEFAULTS_CAVEAT)];
    },
  };
}
