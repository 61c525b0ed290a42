/** Rule tables: redirect-uris-missing, redirect-uri-unresolvable and web-origins-bare (on the hardened realm's 'web-app'). */
import redirectUriUnresolvable from '../../../../../policies/rules/clients/redirect-uri-unresolvable.ts';
import redirectUrisMissing from '../../../../../policies/rules/clients/redirect-uris-missing.ts';
import webOriginsBare from '../../../../../policies/rules/clients/web-origins-bare.ts';
import { client, ruleTable } from '../../rule-table.ts';

ruleTable(redirectUrisMissing, {
  valid: [
    {
      name: 'no redirect URI and no browser flow',
      change: (r) => {
        const app = client(r, 'web-app');
        app.redirectUris = [];
        app.standardFlowEnabled = false;
        app.directAccessGrantsEnabled = true;
      },
    },
  ],
  invalid: [
    {
      name: 'standard flow, no redirect URI',
      change: (r) => {
        client(r, 'web-app').redirectUris = [];
      },
      errors: [{ messageId: 'none', path: ['clients', 'web-app', 'redirectUris'] }],
    },
    {
      name: 'implicit flow only, an empty entry',
      change: (r) => {
        const app = client(r, 'web-app');
        app.standardFlowEnabled = false;
        app.implicitFlowEnabled = true;
        app.redirectUris = [''];
      },
      errors: [{ messageId: 'none', path: ['clients', 'web-app', 'redirectUris'] }],
    },
  ],
});

ruleTable(redirectUriUnresolvable, {
  valid: [
    {
      name: 'a relative URI with an absolute rootUrl',
      change: (r) => {
        const app = client(r, 'web-app');
        app.rootUrl = 'https://app.example.com';
        app.redirectUris = ['/callback'];
      },
    },
    {
      name: "Keycloak's own placeholder as rootUrl (its built-in clients)",
      change: (r) => {
        const app = client(r, 'web-app');
        app.rootUrl = '${authBaseUrl}';
        app.redirectUris = ['/realms/hardened/account/*'];
      },
    },
    {
      name: "'*' and '+' are other rules' business",
      change: (r) => {
        client(r, 'web-app').attributes['post.logout.redirect.uris'] = '+##*';
      },
    },
    {
      name: 'no browser flow: its URIs are not used for logins',
      change: (r) => {
        const app = client(r, 'web-app');
        app.standardFlowEnabled = false;
        app.directAccessGrantsEnabled = true;
        app.redirectUris = ['/callback'];
      },
    },
  ],
  invalid: [
    {
      name: 'a relative redirect URI without rootUrl',
      change: (r) => {
        client(r, 'web-app').redirectUris = ['https://app.example.com/callback', '/callback'];
      },
      errors: [{ messageId: 'noRoot', path: ['clients', 'web-app', 'redirectUris', '1'] }],
    },
    {
      name: 'a relative post-logout URI without rootUrl',
      change: (r) => {
        client(r, 'web-app').attributes['post.logout.redirect.uris'] = 'https://app.example.com/bye##/bye';
      },
      errors: [{ messageId: 'noRoot', path: ['clients', 'web-app', 'attributes', 'post.logout.redirect.uris'] }],
    },
    {
      name: 'a redirect URI without a scheme',
      change: (r) => {
        client(r, 'web-app').redirectUris = ['app.example.com/callback'];
      },
      errors: [{ messageId: 'noScheme', path: ['clients', 'web-app', 'redirectUris', '0'] }],
    },
  ],
});

ruleTable(webOriginsBare, {
  valid: [
    {
      name: "'+', '*' and a port",
      change: (r) => {
        client(r, 'web-app').webOrigins = ['+', '*', 'http://localhost:3000'];
      },
    },
  ],
  invalid: [
    {
      name: 'a path',
      change: (r) => {
        client(r, 'web-app').webOrigins = ['https://app.example.com', 'https://app.example.com/app'];
      },
      errors: [{ messageId: 'notBare', path: ['clients', 'web-app', 'webOrigins', '1'] }],
    },
    {
      name: 'a trailing slash',
      change: (r) => {
        client(r, 'web-app').webOrigins = ['https://app.example.com/'];
      },
      errors: [{ messageId: 'notBare', path: ['clients', 'web-app', 'webOrigins', '0'] }],
    },
    {
      name: 'no scheme',
      change: (r) => {
        client(r, 'web-app').webOrigins = ['app.example.com'];
      },
      errors: [{ messageId: 'notBare', path: ['clients', 'web-app', 'webOrigins', '0'] }],
    },
  ],
});
