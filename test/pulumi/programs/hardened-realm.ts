/**
 * The piece of program text the pack suites build their stacks on: a keycloak.Realm hardened for
 * every realm rule, its RealmEvents and a public SPA client hardened for every client rule, as
 * `const realm` and `const spa` for what the test adds after it. With it, a violation in a test's
 * stack comes from what that test adds, not from the realm around it.
 */

/** `name`: the Realm resource's name; `realmName`: the expression that names the Keycloak realm. */
export function hardenedRealmProgram(name: string, realmName = "new pulumi.Config().require('realm')"): string {
  return `
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
const realm = new keycloak.Realm('${name}', {
  realm: ${realmName},
  sslRequired: 'external',
  accessTokenLifespan: '5m0s',
  accessCodeLifespan: '1m0s',
  revokeRefreshToken: true,
  refreshTokenMaxReuse: 0,
  ssoSessionIdleTimeout: '30m0s',
  ssoSessionMaxLifespan: '10h0m0s',
  offlineSessionIdleTimeout: '720h0m0s',
  offlineSessionMaxLifespanEnabled: true,
  offlineSessionMaxLifespan: '1440h0m0s',
  passwordPolicy: 'length(12) and notUsername and notEmail',
  verifyEmail: true,
  defaultSignatureAlgorithm: 'RS256',
  securityDefenses: { headers: {}, bruteForceDetection: { maxLoginFailures: 10 } },
});
new keycloak.RealmEvents('events', {
  realmId: realm.id,
  eventsEnabled: true,
  eventsExpiration: 7776000,
  enabledEventTypes: ['LOGIN', 'LOGIN_ERROR', 'CODE_TO_TOKEN', 'REFRESH_TOKEN', 'REFRESH_TOKEN_ERROR', 'REVOKE_GRANT', 'LOGOUT', 'IMPERSONATE', 'USER_DISABLED_BY_PERMANENT_LOCKOUT', 'USER_DISABLED_BY_TEMPORARY_LOCKOUT'],
  eventsListeners: ['jboss-logging'],
  adminEventsEnabled: true,
  adminEventsDetailsEnabled: true,
});
const spa = new keycloak.openid.Client('spa', {
  realmId: realm.id,
  clientId: 'spa',
  accessType: 'PUBLIC',
  standardFlowEnabled: true,
  validRedirectUris: ['https://app.example.com/callback'],
  webOrigins: ['https://app.example.com'],
  pkceCodeChallengeMethod: 'S256',
  requireDpopBoundTokens: true,
  fullScopeAllowed: false,
});
`;
}
