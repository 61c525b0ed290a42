/** An admin impersonated a user: the IMPERSONATE user event (details.impersonator). */
import { KC_THREAT_MODEL } from '../../policies/sources.ts';
import { fromEvent, type Detection } from '../detection.ts';
import type { Detector } from './detector.ts';

export function impersonation(): Detector {
  return {
    kind: 'impersonation',
    onEvent(event): Detection[] {
      if (event.stream !== 'user' || event.type !== 'IMPERSONATE') return [];
      return [
        {
          id: `impersonation:${event.id}`,
          kind: 'impersonation',
          severity: 'high',
          source: KC_THREAT_MODEL('impersonation').document,
          ...fromEvent(event),
          eventIds: [event.id],
          summary: `user impersonated by ${event.details.impersonator ?? 'an admin'}`,
        },
      ];
    },
  };
}
