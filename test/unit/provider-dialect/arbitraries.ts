/** fast-check generators for model values, shared by the dialect round-trip tests. */
import fc from 'fast-check';
import type { ClientSettings, RealmSettings } from '../../../model/realm-settings.ts';

const seconds = fc.integer({ min: 0, max: 2_147_483_647 });
const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const headerValue = fc.string({ maxLength: 40 });

/** A complete browserSecurityHeaders map, as Keycloak reports it. */
export const headers = fc.record({
  contentSecurityPolicy: headerValue,
  contentSecurityPolicyReportOnly: headerValue,
  referrerPolicy: headerValue,
  strictTransportSecurity: headerValue,
  xContentTypeOptions: headerValue,
  xFrameOptions: headerValue,
  xRobotsTag: headerValue,
  xXSSProtection: headerValue,
});

export const realmSettings: fc.Arbitrary<RealmSettings> = fc.record({
  realm: word,
  enabled: fc.boolean(),
  sslRequired: fc.constantFrom('all', 'external', 'none'),
  accessTokenLifespan: seconds,
  accessTokenLifespanForImplicitFlow: seconds,
  accessCodeLifespan: seconds,
  actionTokenGeneratedByUserLifespan: seconds,
  actionTokenGeneratedByAdminLifespan: seconds,
  revokeRefreshToken: fc.boolean(),
  refreshTokenMaxReuse: fc.nat(10),
  notBefore: fc.constant(0),
  ssoSessionIdleTimeout: seconds,
  ssoSessionMaxLifespan: seconds,
  rememberMe: fc.boolean(),
  ssoSessionIdleTimeoutRememberMe: seconds,
  ssoSessionMaxLifespanRememberMe: seconds,
  clientSessionIdleTimeout: seconds,
  clientSessionMaxLifespan: seconds,
  offlineSessionIdleTimeout: seconds,
  offlineSessionMaxLifespanEnabled: fc.boolean(),
  offlineSessionMaxLifespan: seconds,
  bruteForceProtected: fc.boolean(),
  permanentLockout: fc.boolean(),
  failureFactor: fc.nat(100),
  waitIncrementSeconds: fc.nat(3_600),
  maxFailureWaitSeconds: fc.nat(86_400),
  minimumQuickLoginWaitSeconds: fc.nat(3_600),
  quickLoginCheckMilliSeconds: fc.nat(10_000),
  maxDeltaTimeSeconds: fc.nat(86_400),
  passwordPolicy: fc.constantFrom('', 'length(12) and notUsername()', 'length(15) and passwordHistory(5)'),
  defaultSignatureAlgorithm: fc.constantFrom('RS256', 'PS256', 'ES256'),
  browserSecurityHeaders: headers,
  registrationAllowed: fc.boolean(),
  verifyEmail: fc.boolean(),
  otpPolicyType: fc.constantFrom('totp', 'hotp'),
  otpPolicyAlgorithm: fc.constantFrom('HmacSHA1', 'HmacSHA256', 'HmacSHA512'),
  otpPolicyDigits: fc.constantFrom(6, 8),
  otpPolicyPeriod: fc.integer({ min: 1, max: 120 }),
  otpPolicyLookAheadWindow: fc.nat(5),
  otpPolicyCodeReusable: fc.boolean(),
  eventsEnabled: fc.boolean(),
  eventsExpiration: seconds,
  enabledEventTypes: fc.uniqueArray(fc.constantFrom('LOGIN', 'LOGIN_ERROR', 'LOGOUT', 'REFRESH_TOKEN', 'REVOKE_GRANT')),
  eventsListeners: fc.uniqueArray(fc.constantFrom('jboss-logging', 'email')),
  adminEventsEnabled: fc.boolean(),
  adminEventsDetailsEnabled: fc.boolean(),
  keyProviders: fc.constant([]),
  compromisedKeys: fc.constant([]),
  clients: fc.constant([]),
  clientPolicies: fc.constant([]),
  clientProfiles: fc.constant([]),
});

const uri = fc.constantFrom(
  'https://app.example.com/callback',
  'https://app.example.com/*',
  'http://127.0.0.1:3000/cb',
);
const numericSeconds = seconds.map(String);

/** Attributes with Keycloak's keys: both the ones with provider arguments and free ones. */
export const clientAttributes: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'pkce.code.challenge.method': fc.constantFrom('S256', 'plain'),
      'dpop.bound.access.tokens': fc.constantFrom('true', 'false'),
      'use.refresh.tokens': fc.constantFrom('true', 'false'),
      'client_credentials.use_refresh_token': fc.constantFrom('true', 'false'),
      'access.token.lifespan': numericSeconds,
      'client.session.idle.timeout': numericSeconds,
      'client.session.max.lifespan': numericSeconds,
      'client.offline.session.idle.timeout': numericSeconds,
      'client.offline.session.max.lifespan': numericSeconds,
      'post.logout.redirect.uris': fc.uniqueArray(uri, { minLength: 1 }).map((list) => list.join('##')),
      'backchannel.logout.url': fc.constant('https://app.example.com/logout'),
      'oauth2.device.authorization.grant.enabled': fc.constantFrom('true', 'false'),
      'tls.client.certificate.bound.access.tokens': fc.constantFrom('true', 'false'),
      'require.pushed.authorization.requests': fc.constantFrom('true', 'false'),
      'token.endpoint.auth.signing.alg': fc.constantFrom('PS256', 'ES256'),
      'x509.subjectdn': fc.constant('CN=service'),
    },
    { requiredKeys: ['use.refresh.tokens'] },
  )
  .map((attributes) => attributes as Record<string, string>);

export const clientSettings: fc.Arbitrary<ClientSettings> = fc
  .record({
    clientId: word,
    name: fc.option(word, { nil: undefined }),
    enabled: fc.boolean(),
    accessType: fc.constantFrom('public', 'confidential', 'bearer-only'),
    standardFlowEnabled: fc.boolean(),
    implicitFlowEnabled: fc.boolean(),
    directAccessGrantsEnabled: fc.boolean(),
    serviceAccountsEnabled: fc.boolean(),
    redirectUris: fc.uniqueArray(uri),
    webOrigins: fc.uniqueArray(fc.constantFrom('https://app.example.com', '+')),
    clientAuthenticatorType: fc.constantFrom('client-secret', 'client-jwt', 'client-x509'),
    fullScopeAllowed: fc.boolean(),
    attributes: clientAttributes,
  })
  .map(({ accessType, name, ...rest }) => {
    const browser = rest.standardFlowEnabled || rest.implicitFlowEnabled;
    return {
      ...rest,
      ...(name === undefined ? {} : { name }),
      protocol: 'openid-connect',
      publicClient: accessType === 'public',
      bearerOnly: accessType === 'bearer-only',
      // Keycloak holds these empty when no flow uses them (the provider cannot set them then).
      redirectUris: browser ? rest.redirectUris : [],
      webOrigins: browser || rest.directAccessGrantsEnabled ? rest.webOrigins : [],
      defaultClientScopes: [],
      optionalClientScopes: [],
    } satisfies ClientSettings;
  });
