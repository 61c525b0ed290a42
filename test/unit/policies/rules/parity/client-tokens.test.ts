/** Rule tables: offline-access-optional and token-exchange-public (on the hardened realm's 'web-app'). */
import offlineAccessOptional from '../../../../../policies/rules/clients/offline-access-optional.ts';
import tokenExchangePublic from '../../../../../policies/rules/clients/token-exchange-public.ts';
import { client, ruleTable } from '../../rule-table.ts';

ruleTable(offlineAccessOptional, {
  valid: [
    {
      name: 'optional offline_access on a client without refresh tokens',
      change: (r) => {
        const app = client(r, 'web-app');
        app.optionalClientScopes = ['offline_access'];
        app.attributes['use.refresh.tokens'] = 'false';
      },
    },
  ],
  invalid: [
    {
      name: "Keycloak's default under baseline: info",
      change: (r) => {
        client(r, 'web-app').optionalClientScopes = ['phone', 'offline_access'];
      },
      errors: [{ messageId: 'optional', path: ['clients', 'web-app', 'optionalClientScopes'], severity: 'info' }],
    },
    {
      name: 'under strict: low',
      profile: 'strict',
      change: (r) => {
        client(r, 'web-app').optionalClientScopes = ['offline_access'];
      },
      errors: [{ messageId: 'optional', path: ['clients', 'web-app', 'optionalClientScopes'], severity: 'low' }],
    },
  ],
});

ruleTable(tokenExchangePublic, {
  valid: [
    {
      name: 'a confidential client may exchange tokens',
      change: (r) => {
        client(r, 'portal').attributes['standard.token.exchange.enabled'] = 'true';
      },
    },
    {
      name: 'switched off on a public client',
      change: (r) => {
        client(r, 'web-app').attributes['standard.token.exchange.enabled'] = 'false';
      },
    },
  ],
  invalid: [
    {
      name: 'switched on for a public client',
      change: (r) => {
        client(r, 'web-app').attributes['standard.token.exchange.enabled'] = 'true';
      },
      errors: [
        {
          messageId: 'enabled',
          path: ['clients', 'web-app', 'attributes', 'standard.token.exchange.enabled'],
        },
      ],
    },
  ],
});
