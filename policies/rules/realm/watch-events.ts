import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

/**
 * The event types `realmguard watch` detects on (watch/detections). REFRESH_TOKEN_ERROR is not
 * among the types Keycloak 26 saves when enabledEventTypes is empty (test/integration/watch/
 * keycloak-events.test.ts): a replayed refresh token then leaves no trace at all.
 */
export const WATCHED_EVENT_TYPES = [
  'IMPERSONATE',
  'LOGIN',
  'LOGIN_ERROR',
  'REFRESH_TOKEN_ERROR',
  'USER_DISABLED_BY_PERMANENT_LOCKOUT',
  'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
] as const;

export default defineRule('realm', {
  id: 'watch-events',
  title: 'The events token-misuse detection reads are recorded and kept',
  severity: 'medium',
  sources: [
    RFC9700('§4.14.2 (refresh token replay detection)'),
    ASVS('V16.3.2 (failed authorization and token events logged)'),
  ],
  why: 'A replayed refresh token, a token used after logout or not-before, a lockout and an impersonation are only visible in the events Keycloak stores; Keycloak does not store REFRESH_TOKEN_ERROR unless it is listed, and its scheduled cleanup deletes events older than eventsExpiration — before a watcher that was down could read them.',
  remediation: {
    baselineKey: 'events.types',
    value: [...WATCHED_EVENT_TYPES],
    note: 'with events.enabled true and events.expiration 0 (forever) or at least the minRetention',
  },
  params: {
    baseline: { minRetention: 7 * 86_400, types: [...WATCHED_EVENT_TYPES] },
    strict: { minRetention: 30 * 86_400, types: [...WATCHED_EVENT_TYPES] },
  },
  paramDocs: {
    minRetention:
      'Shortest accepted event retention (eventsExpiration) in seconds, so a watcher that was down can catch up; 0 = forever is fine.',
    types: 'Event types the detections read.',
  },
  messages: {
    off: 'User events are not recorded: token misuse cannot be detected.',
    missingTypes: 'Event types the detections read are not recorded: {{missing}}.',
    shortRetention:
      'Events are deleted after {{actual}}; a watcher needs at least {{min}} to catch up after an outage.',
  },
  reads: ['events'],
  *check(realm, { minRetention, types }) {
    if (!realm.eventsEnabled) {
      yield { path: ['eventsEnabled'], messageId: 'off' };
      return;
    }
    // The model lists the types Keycloak saves: the realm's list, or Keycloak's default set when it is empty.
    const missing = types.filter((type) => !realm.enabledEventTypes.includes(type));
    if (missing.length > 0)
      yield { path: ['enabledEventTypes'], messageId: 'missingTypes', data: { missing: missing.join(', ') } };
    if (realm.eventsExpiration > 0 && realm.eventsExpiration < minRetention) {
      yield {
        path: ['eventsExpiration'],
        messageId: 'shortRetention',
        data: { actual: humanSeconds(realm.eventsExpiration), min: humanSeconds(minRetention) },
      };
    }
  },
});
