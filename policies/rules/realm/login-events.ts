import { defineRule } from '../../define-rule.ts';
import { humanSeconds } from '../../entities.ts';
import { ASVS, SEED_GUIDE } from '../../sources.ts';

export default defineRule('realm', {
  id: 'login-events',
  title: 'Login and token events are recorded and kept',
  severity: 'medium',
  sources: [
    ASVS('V16.3.1 (authentication events logged)'),
    ASVS('V16.3.2 (failed authorization and token events logged)'),
    SEED_GUIDE('Best practices: audit login and token usage patterns'),
  ],
  why: 'Without login, token and logout events there is no way to see a stolen token being used, nor to tell afterwards which sessions an incident touched.',
  remediation: {
    baselineKey: 'events.enabled',
    value: true,
    note: 'with events.expiration 0 (forever) or ≥ 90d, and events.types including LOGIN, LOGIN_ERROR, CODE_TO_TOKEN, REFRESH_TOKEN, REVOKE_GRANT, LOGOUT',
  },
  params: {
    baseline: {
      minRetention: 7_776_000,
      types: ['LOGIN', 'LOGIN_ERROR', 'CODE_TO_TOKEN', 'REFRESH_TOKEN', 'REVOKE_GRANT', 'LOGOUT'],
    },
    strict: {
      minRetention: 7_776_000,
      types: ['LOGIN', 'LOGIN_ERROR', 'CODE_TO_TOKEN', 'REFRESH_TOKEN', 'REVOKE_GRANT', 'LOGOUT'],
    },
  },
  paramDocs: {
    minRetention: 'Shortest accepted event retention (eventsExpiration), in seconds; 0 = kept forever is fine.',
    types: 'Event types that must be enabled.',
  },
  messages: {
    off: 'User events are not recorded (eventsEnabled is off).',
    shortRetention: 'Events are kept {{actual}}; at least {{min}} is required.',
    missingTypes: 'Event types not recorded: {{missing}}.',
  },
  reads: ['events'],
  *check(realm, { minRetention, types }) {
    if (!realm.eventsEnabled) {
      yield { path: ['eventsEnabled'], messageId: 'off' };
      return;
    }
    if (realm.eventsExpiration > 0 && realm.eventsExpiration < minRetention) {
      yield {
        path: ['eventsExpiration'],
        messageId: 'shortRetention',
        data: { actual: humanSeconds(realm.eventsExpiration), min: humanSeconds(minRetention) },
      };
    }
    // An empty enabledEventTypes means Keycloak records every type.
    if (realm.enabledEventTypes.length > 0) {
      const missing = types.filter((type) => !realm.enabledEventTypes.includes(type));
      if (missing.length > 0)
        yield { path: ['enabledEventTypes'], messageId: 'missingTypes', data: { missing: missing.join(', ') } };
    }
  },
});
