/**
 * How each realm-level baseline key maps to a RealmSettings field. One table drives the
 * adapter, the source positions and docs/baseline-format.md; client and key options are mapped
 * in to-settings.ts because they land in Keycloak attributes and components.
 */
import type { RealmProfileValues } from '../profiles.ts';

export interface RealmFieldMapping {
  /** Where the key sits in the baseline, e.g. ['security', 'bruteForce', 'waitIncrement']. */
  docPath: readonly string[];
  /** The RealmSettings field it sets. */
  field: keyof RealmProfileValues;
  kind: 'duration' | 'boolean' | 'integer' | 'string';
}

const section = (name: string, kind: RealmFieldMapping['kind'], keys: (keyof RealmProfileValues)[]): RealmFieldMapping[] =>
  keys.map((key) => ({ docPath: [name, key], field: key, kind }));

export const REALM_FIELD_MAPPINGS: readonly RealmFieldMapping[] = [
  { docPath: ['enabled'], field: 'enabled', kind: 'boolean' },
  ...section('tokens', 'duration', ['accessTokenLifespan', 'accessCodeLifespan', 'accessTokenLifespanForImplicitFlow']),
  { docPath: ['tokens', 'revokeRefreshToken'], field: 'revokeRefreshToken', kind: 'boolean' },
  { docPath: ['tokens', 'refreshTokenMaxReuse'], field: 'refreshTokenMaxReuse', kind: 'integer' },
  ...section('sessions', 'duration', [
    'ssoSessionIdleTimeout',
    'ssoSessionMaxLifespan',
    'ssoSessionIdleTimeoutRememberMe',
    'ssoSessionMaxLifespanRememberMe',
    'clientSessionIdleTimeout',
    'clientSessionMaxLifespan',
    'offlineSessionIdleTimeout',
    'offlineSessionMaxLifespan',
  ]),
  ...section('sessions', 'boolean', ['rememberMe', 'offlineSessionMaxLifespanEnabled']),
  { docPath: ['security', 'sslRequired'], field: 'sslRequired', kind: 'string' },
  { docPath: ['security', 'defaultSignatureAlgorithm'], field: 'defaultSignatureAlgorithm', kind: 'string' },
  { docPath: ['security', 'bruteForce', 'enabled'], field: 'bruteForceProtected', kind: 'boolean' },
  { docPath: ['security', 'bruteForce', 'permanentLockout'], field: 'permanentLockout', kind: 'boolean' },
  { docPath: ['security', 'bruteForce', 'failureFactor'], field: 'failureFactor', kind: 'integer' },
  { docPath: ['security', 'bruteForce', 'waitIncrement'], field: 'waitIncrementSeconds', kind: 'duration' },
  { docPath: ['security', 'bruteForce', 'maxFailureWait'], field: 'maxFailureWaitSeconds', kind: 'duration' },
  { docPath: ['security', 'bruteForce', 'minimumQuickLoginWait'], field: 'minimumQuickLoginWaitSeconds', kind: 'duration' },
  { docPath: ['security', 'bruteForce', 'quickLoginCheckMilliSeconds'], field: 'quickLoginCheckMilliSeconds', kind: 'integer' },
  { docPath: ['security', 'bruteForce', 'maxDeltaTime'], field: 'maxDeltaTimeSeconds', kind: 'duration' },
  { docPath: ['events', 'enabled'], field: 'eventsEnabled', kind: 'boolean' },
  { docPath: ['events', 'expiration'], field: 'eventsExpiration', kind: 'duration' },
  { docPath: ['events', 'adminEvents'], field: 'adminEventsEnabled', kind: 'boolean' },
  { docPath: ['events', 'adminEventsDetails'], field: 'adminEventsDetailsEnabled', kind: 'boolean' },
];

/** Client attribute keys the typed client options own (setting them under `attributes` is refused). */
export const MANAGED_CLIENT_ATTRIBUTES: Readonly<Record<string, string>> = {
  'pkce.code.challenge.method': 'pkce',
  'use.refresh.tokens': 'refreshTokens',
  'dpop.bound.access.tokens': 'tokenBinding',
  'tls.client.certificate.bound.access.tokens': 'tokenBinding',
  'require.pushed.authorization.requests': 'requirePar',
  'post.logout.redirect.uris': 'postLogoutRedirectUris',
  'access.token.lifespan': 'lifespans.accessToken',
  'client.session.idle.timeout': 'lifespans.clientSessionIdle',
  'client.session.max.lifespan': 'lifespans.clientSessionMax',
  'client.offline.session.idle.timeout': 'lifespans.offlineSessionIdle',
  'client.offline.session.max.lifespan': 'lifespans.offlineSessionMax',
};

export const CLIENT_LIFESPAN_ATTRIBUTES = {
  accessToken: 'access.token.lifespan',
  clientSessionIdle: 'client.session.idle.timeout',
  clientSessionMax: 'client.session.max.lifespan',
  offlineSessionIdle: 'client.offline.session.idle.timeout',
  offlineSessionMax: 'client.offline.session.max.lifespan',
} as const;
