import clientAuthentication from '../../../../policies/rules/clients/client-authentication.ts';
import clientPolicyProfile from '../../../../policies/rules/clients/client-policy-profile.ts';
import clientRefreshTokens from '../../../../policies/rules/clients/client-refresh-tokens.ts';
import clientSessionLifespan from '../../../../policies/rules/clients/client-session-lifespan.ts';
import clientTokenLifespan from '../../../../policies/rules/clients/client-token-lifespan.ts';
import fullScopeAllowed from '../../../../policies/rules/clients/full-scope-allowed.ts';
import implicitFlow from '../../../../policies/rules/clients/implicit-flow.ts';
import offlineAccessDefault from '../../../../policies/rules/clients/offline-access-default.ts';
import parRequired from '../../../../policies/rules/clients/par-required.ts';
import passwordGrant from '../../../../policies/rules/clients/password-grant.ts';
import pkcePlain from '../../../../policies/rules/clients/pkce-plain.ts';
import pkceRequired from '../../../../policies/rules/clients/pkce-required.ts';
import redirectUriScheme from '../../../../policies/rules/clients/redirect-uri-scheme.ts';
import redirectUriWildcard from '../../../../policies/rules/clients/redirect-uri-wildcard.ts';
import senderConstrainedTokens from '../../../../policies/rules/clients/sender-constrained-tokens.ts';
import serviceAccountMixed from '../../../../policies/rules/clients/service-account-mixed.ts';
import webOriginsWildcard from '../../../../policies/rules/clients/web-origins-wildcard.ts';
import type { Rule } from '../../../../policies/define-rule.ts';
import { client, ruleTable } from '../rule-table.ts';

const rule = (r: unknown) => r as Rule;
const PKCE = 'pkce.code.challenge.method';

ruleTable(rule(implicitFlow), {
  valid: [
    {
      name: 'implicit on a disabled client',
      change: (r) => {
        client(r, 'retired-app').implicitFlowEnabled = true;
      },
    },
  ],
  invalid: [
    {
      name: 'implicit on',
      change: (r) => {
        client(r, 'web-app').implicitFlowEnabled = true;
      },
      errors: [{ messageId: 'enabled', path: ['clients', 'web-app', 'implicitFlowEnabled'] }],
    },
  ],
});

ruleTable(rule(passwordGrant), {
  valid: [
    {
      name: 'password grant on a bearer-only client',
      change: (r) => {
        client(r, 'legacy-api').directAccessGrantsEnabled = true;
      },
    },
  ],
  invalid: [
    {
      name: 'public client',
      change: (r) => {
        client(r, 'web-app').directAccessGrantsEnabled = true;
      },
      errors: [{ messageId: 'enabled', path: ['clients', 'web-app', 'directAccessGrantsEnabled'], severity: 'high' }],
    },
    {
      name: 'confidential client',
      change: (r) => {
        client(r, 'portal').directAccessGrantsEnabled = true;
      },
      errors: [{ messageId: 'enabled', path: ['clients', 'portal', 'directAccessGrantsEnabled'], severity: 'medium' }],
    },
  ],
});

ruleTable(rule(pkceRequired), {
  valid: [
    {
      name: 'confidential without PKCE under baseline',
      change: (r) => {
        Reflect.deleteProperty(client(r, 'portal').attributes, PKCE);
      },
    },
    {
      name: 'public client without the standard flow',
      change: (r) => {
        const c = client(r, 'web-app');
        c.standardFlowEnabled = false;
        Reflect.deleteProperty(c.attributes, PKCE);
      },
    },
    {
      name: "'plain' (pkce-plain reports it)",
      change: (r) => {
        client(r, 'web-app').attributes[PKCE] = 'plain';
      },
    },
  ],
  invalid: [
    {
      name: 'public client without PKCE',
      change: (r) => {
        Reflect.deleteProperty(client(r, 'web-app').attributes, PKCE);
      },
      errors: [{ messageId: 'missing', path: ['clients', 'web-app', 'attributes', PKCE], severity: 'high' }],
    },
    {
      name: 'confidential without PKCE under strict',
      profile: 'strict',
      change: (r) => {
        client(r, 'portal').attributes[PKCE] = '';
      },
      errors: [{ messageId: 'missing', path: ['clients', 'portal', 'attributes', PKCE], severity: 'medium' }],
    },
  ],
});

ruleTable(rule(pkcePlain), {
  valid: [
    {
      name: 'S256',
      change: (r) => {
        client(r, 'portal').attributes[PKCE] = 'S256';
      },
    },
  ],
  invalid: [
    {
      name: 'plain',
      change: (r) => {
        client(r, 'portal').attributes[PKCE] = 'plain';
      },
      errors: [{ messageId: 'plain', path: ['clients', 'portal', 'attributes', PKCE] }],
    },
  ],
});

const LOGOUT = 'post.logout.redirect.uris';
const redirect = (clientId: string, index: string) => ['clients', clientId, 'redirectUris', index];

ruleTable(rule(redirectUriWildcard), {
  valid: [
    {
      name: 'custom-scheme exact URI',
      change: (r) => {
        client(r, 'web-app').redirectUris.push('com.example.app:/callback');
      },
    },
    {
      name: "'*' on a client without browser flows",
      change: (r) => {
        client(r, 'batch-service').redirectUris = ['*'];
      },
    },
    {
      name: "a '*' inside the path (literal)",
      change: (r) => {
        client(r, 'portal').redirectUris = ['https://portal.example.com/a*b'];
      },
    },
    {
      name: "post-logout '+' (the redirect URIs)",
      change: (r) => {
        client(r, 'web-app').attributes[LOGOUT] = '+';
      },
    },
  ],
  invalid: [
    {
      name: "'*'",
      change: (r) => {
        client(r, 'web-app').redirectUris = ['*'];
      },
      errors: [{ messageId: 'open', path: redirect('web-app', '0') }],
    },
    {
      name: "'https://*'",
      change: (r) => {
        client(r, 'web-app').redirectUris = ['https://*'];
      },
      errors: [{ messageId: 'open', path: redirect('web-app', '0') }],
    },
    {
      name: 'host wildcard (literal: dead)',
      change: (r) => {
        client(r, 'portal').redirectUris = ['https://*.example.com/cb'];
      },
      errors: [{ messageId: 'dead', path: redirect('portal', '0'), severity: 'low' }],
    },
    {
      name: 'host wildcard with a path wildcard (still dead)',
      change: (r) => {
        client(r, 'portal').redirectUris = ['https://*.example.com/*'];
      },
      errors: [{ messageId: 'dead', path: redirect('portal', '0'), severity: 'low' }],
    },
    {
      name: "'*' right after the host, version unknown",
      change: (r) => {
        client(r, 'portal').redirectUris.push('https://portal.example.com*');
      },
      errors: [{ messageId: 'hostPathUnknownVersion', path: redirect('portal', '1'), severity: 'medium' }],
    },
    {
      name: "'*' right after the host on 26.7.3",
      change: (r) => {
        r.keycloakVersion = '26.7.3';
        client(r, 'portal').redirectUris.push('https://portal.example.com*');
      },
      errors: [{ messageId: 'hostPath', path: redirect('portal', '1'), severity: 'medium' }],
    },
    {
      name: "'*' right after the host on 26.6.2 (prefix match)",
      change: (r) => {
        r.keycloakVersion = '26.6.2';
        client(r, 'portal').redirectUris.push('https://portal.example.com*');
      },
      errors: [{ messageId: 'hostPrefix', path: redirect('portal', '1') }],
    },
    {
      name: 'path wildcard',
      change: (r) => {
        client(r, 'portal').redirectUris = ['https://portal.example.com/*'];
      },
      errors: [{ messageId: 'path', path: redirect('portal', '0'), severity: 'medium' }],
    },
    {
      name: 'post-logout wildcard',
      change: (r) => {
        client(r, 'web-app').attributes[LOGOUT] = '*';
      },
      errors: [{ messageId: 'open', path: ['clients', 'web-app', 'attributes', LOGOUT] }],
    },
    {
      name: 'post-logout host wildcard (dead)',
      change: (r) => {
        client(r, 'web-app').attributes[LOGOUT] = 'https://*.example.com/bye##+';
      },
      errors: [{ messageId: 'dead', path: ['clients', 'web-app', 'attributes', LOGOUT], severity: 'low' }],
    },
  ],
});

ruleTable(rule(redirectUriScheme), {
  valid: [
    {
      name: 'http on 127.0.0.1',
      change: (r) => {
        client(r, 'web-app').redirectUris.push('http://127.0.0.1:8080/cb');
      },
    },
    {
      name: 'http on [::1]',
      change: (r) => {
        client(r, 'web-app').redirectUris.push('http://[::1]:8080/cb');
      },
    },
    {
      name: 'relative URI',
      change: (r) => {
        client(r, 'web-app').redirectUris.push('/callback');
      },
    },
  ],
  invalid: [
    {
      name: 'http to a real host',
      change: (r) => {
        client(r, 'portal').redirectUris = ['http://portal.example.com/cb'];
      },
      errors: [{ messageId: 'http', path: ['clients', 'portal', 'redirectUris', '0'] }],
    },
    {
      name: "http to 'localhost.evil.com'",
      change: (r) => {
        client(r, 'portal').redirectUris = ['http://localhost.evil.com/cb'];
      },
      errors: [{ messageId: 'http', path: ['clients', 'portal', 'redirectUris', '0'] }],
    },
    {
      name: 'custom scheme (noted)',
      change: (r) => {
        client(r, 'web-app').redirectUris.push('com.example.app:/callback');
      },
      errors: [{ messageId: 'custom', path: ['clients', 'web-app', 'redirectUris', '2'], severity: 'info' }],
    },
  ],
});

ruleTable(rule(webOriginsWildcard), {
  valid: [
    {
      name: "'+'",
      change: (r) => {
        client(r, 'web-app').webOrigins = ['+'];
      },
    },
  ],
  invalid: [
    {
      name: "'*'",
      change: (r) => {
        client(r, 'web-app').webOrigins.push('*');
      },
      errors: [{ messageId: 'wildcard', path: ['clients', 'web-app', 'webOrigins', '1'] }],
    },
  ],
});

ruleTable(rule(clientAuthentication), {
  valid: [
    {
      name: 'secret allowed in config',
      params: { allowed: ['client-jwt', 'client-x509', 'client-secret'] },
      change: (r) => {
        client(r, 'portal').clientAuthenticatorType = 'client-secret';
      },
    },
  ],
  invalid: [
    {
      name: 'client secret under baseline (advice)',
      change: (r) => {
        client(r, 'portal').clientAuthenticatorType = 'client-secret';
      },
      errors: [{ messageId: 'shared', path: ['clients', 'portal', 'clientAuthenticatorType'], severity: 'low' }],
    },
    {
      name: 'client secret JWT under strict',
      profile: 'strict',
      change: (r) => {
        client(r, 'portal').clientAuthenticatorType = 'client-secret-jwt';
      },
      errors: [{ messageId: 'shared', path: ['clients', 'portal', 'clientAuthenticatorType'], severity: 'medium' }],
    },
  ],
});

ruleTable(rule(senderConstrainedTokens), {
  valid: [
    {
      name: 'confidential bearer client under baseline',
      change: (r) => {
        delete client(r, 'portal').attributes['tls.client.certificate.bound.access.tokens'];
      },
    },
  ],
  invalid: [
    {
      name: 'public client with refresh tokens, unbound',
      change: (r) => {
        delete client(r, 'web-app').attributes['dpop.bound.access.tokens'];
      },
      errors: [
        {
          messageId: 'bearer',
          path: ['clients', 'web-app', 'attributes', 'dpop.bound.access.tokens'],
          severity: 'low',
        },
      ],
    },
    {
      name: 'confidential bearer client under strict',
      profile: 'strict',
      change: (r) => {
        delete client(r, 'portal').attributes['tls.client.certificate.bound.access.tokens'];
      },
      errors: [
        {
          messageId: 'bearer',
          path: ['clients', 'portal', 'attributes', 'dpop.bound.access.tokens'],
          severity: 'medium',
        },
      ],
    },
  ],
});

ruleTable(rule(clientRefreshTokens), {
  valid: [
    {
      name: 'rotation off but tokens DPoP-bound',
      change: (r) => {
        r.revokeRefreshToken = false;
      },
    },
    {
      name: 'rotation off, unbound, refresh tokens off',
      change: (r) => {
        r.revokeRefreshToken = false;
        const c = client(r, 'web-app');
        delete c.attributes['dpop.bound.access.tokens'];
        c.attributes['use.refresh.tokens'] = 'false';
      },
    },
  ],
  invalid: [
    {
      name: 'rotation off and unbound',
      change: (r) => {
        r.revokeRefreshToken = false;
        delete client(r, 'web-app').attributes['dpop.bound.access.tokens'];
      },
      errors: [{ messageId: 'unprotected', path: ['clients', 'web-app', 'attributes', 'use.refresh.tokens'] }],
    },
  ],
});

ruleTable(rule(clientTokenLifespan), {
  valid: [
    {
      name: 'override of 900 s under baseline',
      change: (r) => {
        client(r, 'web-app').attributes['access.token.lifespan'] = '900';
      },
    },
  ],
  invalid: [
    {
      name: 'override of 1 h',
      change: (r) => {
        client(r, 'web-app').attributes['access.token.lifespan'] = '3600';
      },
      errors: [{ messageId: 'tooLong', path: ['clients', 'web-app', 'attributes', 'access.token.lifespan'] }],
    },
    {
      name: 'override of 900 s under strict',
      profile: 'strict',
      change: (r) => {
        client(r, 'web-app').attributes['access.token.lifespan'] = '900';
      },
      errors: [{ messageId: 'tooLong', path: ['clients', 'web-app', 'attributes', 'access.token.lifespan'] }],
    },
  ],
});

ruleTable(rule(clientSessionLifespan), {
  valid: [
    {
      name: 'override 0 (none)',
      change: (r) => {
        client(r, 'portal').attributes['client.offline.session.max.lifespan'] = '0';
      },
    },
  ],
  invalid: [
    {
      name: 'idle 2 h',
      change: (r) => {
        client(r, 'portal').attributes['client.session.idle.timeout'] = '7200';
      },
      errors: [{ messageId: 'tooLong', path: ['clients', 'portal', 'attributes', 'client.session.idle.timeout'] }],
    },
    {
      name: 'offline max 1 year',
      change: (r) => {
        client(r, 'portal').attributes['client.offline.session.max.lifespan'] = '31536000';
      },
      errors: [
        { messageId: 'tooLong', path: ['clients', 'portal', 'attributes', 'client.offline.session.max.lifespan'] },
      ],
    },
  ],
});

ruleTable(rule(offlineAccessDefault), {
  valid: [
    {
      name: 'offline_access optional',
      change: (r) => {
        client(r, 'portal').optionalClientScopes = ['offline_access', 'phone'];
      },
    },
  ],
  invalid: [
    {
      name: 'offline_access default',
      change: (r) => {
        client(r, 'portal').defaultClientScopes.push('offline_access');
      },
      errors: [{ messageId: 'isDefault', path: ['clients', 'portal', 'defaultClientScopes'] }],
    },
  ],
});

ruleTable(rule(fullScopeAllowed), {
  valid: [
    {
      name: 'full scope on a disabled client',
      change: (r) => {
        client(r, 'retired-app').fullScopeAllowed = true;
      },
    },
  ],
  invalid: [
    {
      name: 'full scope on a SAML client (test/integration/policies/full-scope-saml.test.ts)',
      change: (r) => {
        client(r, 'saml-sp').fullScopeAllowed = true;
      },
      errors: [{ messageId: 'full', path: ['clients', 'saml-sp', 'fullScopeAllowed'] }],
    },
    {
      name: 'full scope',
      change: (r) => {
        client(r, 'portal').fullScopeAllowed = true;
      },
      errors: [{ messageId: 'full', path: ['clients', 'portal', 'fullScopeAllowed'] }],
    },
  ],
});

ruleTable(rule(parRequired), {
  valid: [
    {
      name: 'no PAR under baseline',
      change: (r) => {
        delete client(r, 'portal').attributes['require.pushed.authorization.requests'];
      },
    },
  ],
  invalid: [
    {
      name: 'no PAR under strict',
      profile: 'strict',
      change: (r) => {
        delete client(r, 'portal').attributes['require.pushed.authorization.requests'];
      },
      errors: [
        {
          messageId: 'notRequired',
          path: ['clients', 'portal', 'attributes', 'require.pushed.authorization.requests'],
        },
      ],
    },
  ],
});

ruleTable(rule(clientPolicyProfile), {
  valid: [
    {
      name: 'no policy under baseline',
      change: (r) => {
        r.clientPolicies = [];
      },
    },
  ],
  invalid: [
    {
      name: 'no policy under strict',
      profile: 'strict',
      change: (r) => {
        r.clientPolicies = [];
      },
      errors: [{ messageId: 'missing', path: ['clientPolicies'] }],
    },
    {
      name: 'the policy disabled under strict',
      profile: 'strict',
      change: (r) => {
        r.clientPolicies[0]!.enabled = false;
      },
      errors: [{ messageId: 'missing', path: ['clientPolicies'] }],
    },
    {
      name: 'a policy with only a FAPI 1 profile under strict',
      profile: 'strict',
      change: (r) => {
        r.clientPolicies[0]!.profiles = ['fapi-1-baseline'];
      },
      errors: [{ messageId: 'missing', path: ['clientPolicies'] }],
    },
  ],
});

ruleTable(rule(serviceAccountMixed), {
  valid: [
    {
      name: 'service account alone',
      change: (r) => {
        client(r, 'batch-service').standardFlowEnabled = false;
      },
    },
  ],
  invalid: [
    {
      name: 'service account with the standard flow',
      change: (r) => {
        client(r, 'batch-service').standardFlowEnabled = true;
      },
      errors: [{ messageId: 'mixed', path: ['clients', 'batch-service', 'serviceAccountsEnabled'] }],
    },
  ],
});
