import watchEvents from '../../../policies/rules/realm/watch-events.ts';
import { ruleTable } from '../policies/rule-table.ts';

ruleTable(watchEvents, {
  valid: [
    { name: 'the hardened profile (types listed, kept 90 days)' },
    {
      name: 'kept forever',
      change: (r) => {
        r.eventsExpiration = 0;
      },
    },
  ],
  invalid: [
    {
      name: 'events off',
      change: (r) => {
        r.eventsEnabled = false;
      },
      errors: [{ messageId: 'off', path: ['eventsEnabled'] }],
    },
    {
      name: "Keycloak's default types (enabledEventTypes empty): no REFRESH_TOKEN_ERROR",
      change: (r) => {
        r.enabledEventTypes = [
          'LOGIN',
          'LOGIN_ERROR',
          'IMPERSONATE',
          'USER_DISABLED_BY_PERMANENT_LOCKOUT',
          'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
        ];
      },
      errors: [{ messageId: 'missingTypes', path: ['enabledEventTypes'] }],
    },
    {
      name: 'kept one day',
      change: (r) => {
        r.eventsExpiration = 86_400;
      },
      errors: [{ messageId: 'shortRetention', path: ['eventsExpiration'] }],
    },
    {
      name: 'kept 10 days under strict',
      profile: 'strict',
      change: (r) => {
        r.eventsExpiration = 10 * 86_400;
      },
      errors: [{ messageId: 'shortRetention', path: ['eventsExpiration'] }],
    },
  ],
});
