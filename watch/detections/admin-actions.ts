/**
 * Admin events worth a line whatever they change (keycloak-events.test.ts shows each one):
 * key providers added or deleted (CREATE/DELETE COMPONENT), client secrets regenerated
 * (ACTION CLIENT on clients/{id}/client-secret), users and clients disabled or enabled (UPDATE
 * USER/CLIENT with `enabled` in the representation), and events switched off (UPDATE REALM with
 * eventsEnabled or adminEventsEnabled false) — the last blinds the watcher itself.
 */
import { ASVS, SEED_GUIDE } from '../../policies/sources.ts';
import type { Severity } from '../../policies/finding.ts';
import type { Detection } from '../detection.ts';
import type { AdminPart, WatchEvent } from '../event.ts';
import type { Detector } from './detector.ts';

const LOGGING = `${ASVS('V16.3.1').document} V16.3 (security events logged)`;
const RESPONSE = SEED_GUIDE('incident response').document;

function detection(
  event: WatchEvent,
  admin: AdminPart,
  kind: string,
  severity: Severity,
  summary: string,
  source: string,
): Detection {
  return {
    id: `${kind}:${event.id}`,
    kind,
    severity,
    source,
    realm: event.realm,
    time: event.time,
    ...(admin.actorUserId ? { user: admin.actorUserId } : {}),
    ...(event.ipAddress ? { ipAddress: event.ipAddress } : {}),
    eventIds: [event.id],
    summary: `${summary} by ${admin.actorUserId ? `admin ${admin.actorUserId}` : 'an admin'}${admin.resourcePath ? ` (${admin.resourcePath})` : ''}`,
  };
}

export function adminActions(): Detector {
  return {
    kind: 'admin-actions',
    onEvent(event): Detection[] {
      const admin = event.admin;
      if (!admin) return [];
      const representation = admin.representation ?? {};
      const found: Detection[] = [];
      if (
        admin.resourceType === 'COMPONENT' &&
        (admin.operationType === 'CREATE' || admin.operationType === 'DELETE')
      ) {
        // A DELETE carries no representation: the component type is unknown then, so every deleted component is reported.
        const keyProvider =
          admin.operationType === 'DELETE' || representation.providerType === 'org.keycloak.keys.KeyProvider';
        if (keyProvider)
          found.push(
            detection(
              event,
              admin,
              admin.operationType === 'CREATE' ? 'key-provider-added' : 'key-provider-deleted',
              'medium',
              admin.operationType === 'CREATE' ? 'key provider added' : 'component (key provider) deleted',
              RESPONSE,
            ),
          );
      }
      if (
        admin.resourceType === 'CLIENT' &&
        admin.operationType === 'ACTION' &&
        admin.resourcePath?.endsWith('/client-secret')
      ) {
        found.push(
          detection(event, admin, 'client-secret-regenerated', 'medium', 'client secret regenerated', RESPONSE),
        );
      }
      if (
        (admin.resourceType === 'USER' || admin.resourceType === 'CLIENT') &&
        admin.operationType === 'UPDATE' &&
        typeof representation.enabled === 'boolean'
      ) {
        const what = admin.resourceType === 'USER' ? 'user' : 'client';
        // The console sends the whole representation on every save, so `enabled: true` is usually no change:
        // disabling is always reported, enabling only when the update carries nothing else.
        const toggleOnly = Object.keys(representation).every((key) => key === 'enabled' || key === 'id');
        if (!representation.enabled || toggleOnly) {
          found.push(
            detection(
              event,
              admin,
              `${what}-${representation.enabled ? 'enabled' : 'disabled'}`,
              'low',
              `${what} ${representation.enabled ? 'enabled' : 'disabled'}`,
              RESPONSE,
            ),
          );
        }
      }
      if (
        admin.resourceType === 'REALM' &&
        admin.operationType === 'UPDATE' &&
        (representation.eventsEnabled === false || representation.adminEventsEnabled === false)
      ) {
        const which = [
          representation.eventsEnabled === false ? 'user events' : undefined,
          representation.adminEventsEnabled === false ? 'admin events' : undefined,
        ]
          .filter(Boolean)
          .join(' and ');
        found.push(
          detection(
            event,
            admin,
            'events-switched-off',
            'high',
            `${which} switched off — the watcher is blind from here`,
            LOGGING,
          ),
        );
      }
      return found;
    },
  };
}
