/**
 * Token misuse as Keycloak 26.7 records it (test/integration/watch/keycloak-events.test.ts):
 * a REFRESH_TOKEN_ERROR with details.reason
 *  - "Maximum allowed refresh token reuse exceeded": a rotated refresh token was replayed;
 *  - "Session not active": a refresh token used after its session was ended;
 *  - "Stale token": a refresh token older than the realm's or client's not-before.
 * The error event names the user only in details.refresh_token_sub (event.ts takes it from there).
 */
import { RFC9700 } from '../../policies/sources.ts';
import { fromEvent, type Detection } from '../detection.ts';
import type { WatchEvent } from '../event.ts';
import type { Detector } from './detector.ts';

const cited = (section: string) => {
  const source = RFC9700(section);
  return `${source.document} ${source.section}`;
};

const REASONS: Record<string, Omit<Detection, 'id' | 'realm' | 'time' | 'eventIds' | 'summary'> & { says: string }> = {
  'Maximum allowed refresh token reuse exceeded': {
    kind: 'refresh-token-replay',
    severity: 'critical',
    source: cited('§4.14.2 (a replayed rotated refresh token means it was stolen)'),
    says: 'a rotated refresh token was replayed: treat it as stolen',
  },
  'Session not active': {
    kind: 'token-after-logout',
    severity: 'high',
    source: cited('§4.14 (refresh tokens of an ended session must not be usable)'),
    says: 'a refresh token was used after its session ended',
  },
  'Stale token': {
    kind: 'token-after-not-before',
    severity: 'high',
    source: cited('§4.14 (revoked refresh tokens)'),
    says: 'a refresh token issued before not-before was used',
  },
};

export function tokenMisuse(): Detector {
  return {
    kind: 'token-misuse',
    onEvent(event: WatchEvent): Detection[] {
      if (event.stream !== 'user' || event.type !== 'REFRESH_TOKEN_ERROR') return [];
      const known = event.details.reason === undefined ? undefined : REASONS[event.details.reason];
      if (!known) return [];
      const { says, ...rest } = known;
      return [{ ...rest, id: `${known.kind}:${event.id}`, ...fromEvent(event), eventIds: [event.id], summary: says }];
    },
  };
}
