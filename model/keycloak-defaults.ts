/**
 * Keycloak 26's values for the fields a realm export or an admin API answer may leave out.
 * Checked against a real Keycloak 26.7 (test/integration/model/keycloak-defaults.test.ts creates
 * a realm and a client with minimal fields and compares what the server reports).
 */
import type { ClientSettings, RealmSettings } from './realm-settings.ts';
import { KEYCLOAK_BROWSER_SECURITY_HEADERS } from './profiles.ts';

/** RealmSettings fields a realm gets when nothing sets them. */
export type RealmDefaults = Omit<
  RealmSettings,
  'realm' | 'keyProviders' | 'compromisedKeys' | 'clients' | 'clientPolicies' | 'clientProfiles' | 'tokenVersionClaim'
>;

export const KEYCLOAK_REALM_DEFAULTS: Readonly<RealmDefaults> = Object.freeze({
  enabled: false,
  sslRequired: 'external',
  accessTokenLifespan: 300,
  accessTokenLifespanForImplicitFlow: 900,
  accessCodeLifespan: 60,
  revokeRefreshToken: false,
  refreshTokenMaxReuse: 0,
  notBefore: 0,
  ssoSessionIdleTimeout: 1_800,
  ssoSessionMaxLifespan: 36_000,
  rememberMe: false,
  ssoSessionIdleTimeoutRememberMe: 0,
  ssoSessionMaxLifespanRememberMe: 0,
  clientSessionIdleTimeout: 0,
  clientSessionMaxLifespan: 0,
  offlineSessionIdleTimeout: 2_592_000,
  offlineSessionMaxLifespanEnabled: false,
  offlineSessionMaxLifespan: 5_184_000,
  bruteForceProtected: false,
  permanentLockout: false,
  failureFactor: 30,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  minimumQuickLoginWaitSeconds: 60,
  quickLoginCheckMilliSeconds: 1_000,
  maxDeltaTimeSeconds: 43_200,
  passwordPolicy: '',
  defaultSignatureAlgorithm: 'RS256',
  browserSecurityHeaders: { ...KEYCLOAK_BROWSER_SECURITY_HEADERS },
  eventsEnabled: false,
  eventsExpiration: 0,
  enabledEventTypes: [],
  eventsListeners: ['jboss-logging'],
  adminEventsEnabled: false,
  adminEventsDetailsEnabled: false,
});

/** ClientSettings fields a client gets when nothing sets them (besides clientId). */
export type ClientDefaults = Omit<ClientSettings, 'clientId' | 'id' | 'name' | 'notBefore'>;

export const KEYCLOAK_CLIENT_DEFAULTS: Readonly<ClientDefaults> = Object.freeze({
  protocol: 'openid-connect',
  enabled: true,
  publicClient: false,
  bearerOnly: false,
  standardFlowEnabled: true,
  implicitFlowEnabled: false,
  directAccessGrantsEnabled: false,
  serviceAccountsEnabled: false,
  redirectUris: [],
  webOrigins: [],
  clientAuthenticatorType: 'client-secret',
  fullScopeAllowed: true,
  defaultClientScopes: [],
  optionalClientScopes: [],
  attributes: {},
});

export { KEYCLOAK_KEY_DEFAULTS, KEYCLOAK_BUILT_IN_KEYS, isKeycloakBuiltInKey } from './keycloak-keys.ts';

/** A fresh copy of the realm defaults (arrays and maps not shared). */
export function realmDefaults(): RealmDefaults {
  return structuredClone({ ...KEYCLOAK_REALM_DEFAULTS, browserSecurityHeaders: { ...KEYCLOAK_REALM_DEFAULTS.browserSecurityHeaders } });
}

export function clientDefaults(): ClientDefaults {
  // Called once per client of an export (thousands): plain copies, not structuredClone.
  return { ...KEYCLOAK_CLIENT_DEFAULTS, redirectUris: [], webOrigins: [], defaultClientScopes: [], optionalClientScopes: [], attributes: {} };
}
