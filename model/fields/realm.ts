/**
 * The realm's field table: one row per realm-level field of RealmSettings, with everything the
 * project knows about it (see FieldRow). RealmSettings' realm-level fields, Keycloak's realm
 * defaults, the baseline keys, the export adapter's field list, the provider dialect's realm
 * durations and brute-force block, HardenedRealm's arguments and the diff classification are
 * derived from it. test/unit/model/field-tables.test.ts checks that each derived place shows
 * every row.
 *
 * To add a realm setting: add its row here, its profile value to model/profiles.ts when a
 * profile wants other than Keycloak's default, and a rule that judges it.
 */
import { SIGNATURE_ALGORITHMS } from '../keycloak-catalog.ts';
import type { AnyFieldRow, FieldValues, FieldsWhere } from './field-row.ts';

/** Keycloak 26's browser security headers (the security-headers rule wants them kept). */
export const KEYCLOAK_BROWSER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  contentSecurityPolicyReportOnly: '',
  xContentTypeOptions: 'nosniff',
  referrerPolicy: 'no-referrer',
  xRobotsTag: 'none',
  contentSecurityPolicy: "frame-src 'self'; frame-ancestors 'self'; object-src 'none';",
  xFrameOptions: 'SAMEORIGIN',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
};

const realmArg = (name: string) => ({ resource: 'keycloak.Realm', path: [name], conversion: 'as-is' }) as const;
/** A realm duration: the provider takes Go duration text ("5m0s"). */
const realmDuration = (name: string) =>
  ({ resource: 'keycloak.Realm', path: [name], conversion: 'go-duration' }) as const;
const bruteForceArg = (name: string) =>
  ({
    resource: 'keycloak.Realm',
    path: ['securityDefenses', 'bruteForceDetection', name],
    conversion: 'as-is',
  }) as const;
/** An argument of the provider's `otpPolicy` block. */
const otpArg = (name: string) =>
  ({ resource: 'keycloak.Realm', path: ['otpPolicy', name], conversion: 'as-is' }) as const;
const eventsArg = (name: string) => ({ resource: 'keycloak.RealmEvents', path: [name], conversion: 'as-is' }) as const;
const same = (key: string) => ({ key });

export const REALM_FIELDS = {
  /** When false, nobody can log in to the realm. */
  enabled: {
    kind: 'boolean',
    doc: 'Whether the realm is enabled (default true).',
    baseline: { path: ['enabled'] },
    representation: same('enabled'),
    provider: realmArg('enabled'),
    component: 'value',
    diff: { neutral: 'realm switched on or off (availability, not hardening)' },
    keycloakDefault: false,
  },
  /** Where TLS is required: 'all' requests, 'external' (non-private addresses) or 'none'. */
  sslRequired: {
    kind: 'ssl',
    doc: 'all, external (non-private addresses) or none',
    baseline: { path: ['security', 'sslRequired'] },
    // Exports written by hand sometimes use Keycloak's enum spelling (EXTERNAL).
    representation: { key: 'sslRequired', custom: true },
    provider: realmArg('sslRequired'),
    component: 'value',
    diff: { custom: 'ranked none < external < all (review/classify/realm-table.ts)' },
    keycloakDefault: 'external',
  },

  /** Access-token lifetime. Short lifetimes bound how long a stolen token is useful. */
  accessTokenLifespan: {
    kind: 'seconds',
    doc: 'How long an access token is valid (accessTokenLifespan).',
    baseline: { path: ['tokens', 'accessTokenLifespan'] },
    representation: same('accessTokenLifespan'),
    negative: 'session-max',
    provider: realmDuration('accessTokenLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'a stolen access token stays usable longer (FAPI 1.0 §5.2.2-21)' },
    keycloakDefault: 300,
  },
  /** Access-token lifetime for the implicit flow (which should stay off). */
  accessTokenLifespanForImplicitFlow: {
    kind: 'seconds',
    doc: 'Access token lifespan in the implicit flow.',
    baseline: { path: ['tokens', 'accessTokenLifespanForImplicitFlow'] },
    representation: same('accessTokenLifespanForImplicitFlow'),
    negative: 'session-max',
    provider: realmDuration('accessTokenLifespanForImplicitFlow'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'implicit-flow access tokens live longer' },
    keycloakDefault: 900,
  },
  /** How long an authorization code may wait before it is exchanged. */
  accessCodeLifespan: {
    kind: 'seconds',
    doc: 'How long an authorization code is valid (accessCodeLifespan).',
    baseline: { path: ['tokens', 'accessCodeLifespan'] },
    representation: same('accessCodeLifespan'),
    negative: 'unknown',
    provider: realmDuration('accessCodeLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'authorization codes stay redeemable longer (ASVS 10.4.3)' },
    keycloakDefault: 60,
  },
  /** How long a link the user asked for by e-mail (reset password, verify e-mail) stays usable. */
  actionTokenGeneratedByUserLifespan: {
    kind: 'seconds',
    doc: 'How long an e-mailed link the user asked for (reset password, verify e-mail) stays usable (actionTokenGeneratedByUserLifespan).',
    baseline: { path: ['tokens', 'actionTokenGeneratedByUserLifespan'] },
    representation: same('actionTokenGeneratedByUserLifespan'),
    negative: 'unknown',
    provider: realmDuration('actionTokenGeneratedByUserLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'an e-mailed reset-password link stays usable longer (ASVS 6.4.1)' },
    keycloakDefault: 300,
  },
  /** How long a link an administrator sends (execute actions: set a password, configure OTP) stays usable. */
  actionTokenGeneratedByAdminLifespan: {
    kind: 'seconds',
    doc: 'How long an e-mailed link an administrator sends (execute actions) stays usable (actionTokenGeneratedByAdminLifespan).',
    baseline: { path: ['tokens', 'actionTokenGeneratedByAdminLifespan'] },
    representation: same('actionTokenGeneratedByAdminLifespan'),
    negative: 'unknown',
    provider: realmDuration('actionTokenGeneratedByAdminLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'an e-mailed set-password link stays usable longer (ASVS 6.4.1)' },
    keycloakDefault: 43_200,
  },
  /** Refresh-token rotation: each refresh token can be used once (plus refreshTokenMaxReuse). Realm-wide in Keycloak. */
  revokeRefreshToken: {
    kind: 'boolean',
    doc: 'Rotate refresh tokens: each refresh token can be used once (revokeRefreshToken).',
    baseline: { path: ['tokens', 'revokeRefreshToken'] },
    representation: same('revokeRefreshToken'),
    provider: realmArg('revokeRefreshToken'),
    component: 'value',
    diff: {
      safeWhen: true,
      reason: 'refresh-token rotation off: a stolen refresh token can be reused (RFC 9700 §2.2.2)',
    },
    keycloakDefault: false,
  },
  /** Extra uses allowed for a refresh token when rotation is on; 0 means strictly once. */
  refreshTokenMaxReuse: {
    kind: 'count',
    doc: 'How often a refresh token may be reused when rotation is on.',
    baseline: { path: ['tokens', 'refreshTokenMaxReuse'] },
    representation: same('refreshTokenMaxReuse'),
    provider: realmArg('refreshTokenMaxReuse'),
    component: 'count',
    diff: { safer: 'lower', reason: 'a refresh token may be reused more often (RFC 9700 §4.14.2)' },
    keycloakDefault: 0,
  },
  /** Tokens issued before this time are rejected: an incident action (push not-before), not declared state. */
  notBefore: {
    kind: 'timestamp',
    doc: 'Tokens issued before this time (seconds since the epoch) are rejected.',
    representation: same('notBefore'),
    diff: { safer: 'higher', reason: 'tokens issued before an earlier revocation point are accepted again' },
    keycloakDefault: 0,
  },

  /** SSO session idle timeout: a session unused for this long ends. */
  ssoSessionIdleTimeout: {
    kind: 'seconds',
    doc: 'SSO session idle timeout.',
    baseline: { path: ['sessions', 'ssoSessionIdleTimeout'] },
    representation: same('ssoSessionIdleTimeout'),
    negative: 'default',
    provider: realmDuration('ssoSessionIdleTimeout'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'idle sessions live longer (NIST SP 800-63B-4, ASVS 7.3.1)' },
    keycloakDefault: 1_800,
  },
  /** SSO session maximum: a session ends after this long whatever its use. */
  ssoSessionMaxLifespan: {
    kind: 'seconds',
    doc: 'SSO session maximum lifespan (0 = unlimited).',
    baseline: { path: ['sessions', 'ssoSessionMaxLifespan'] },
    representation: same('ssoSessionMaxLifespan'),
    negative: 'default',
    provider: realmDuration('ssoSessionMaxLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'sessions live longer before reauthentication (ASVS 7.3.2)', zero: 'unlimited' },
    keycloakDefault: 36_000,
  },
  /** Whether the login page offers "remember me". */
  rememberMe: {
    kind: 'boolean',
    doc: 'Offer "remember me" on the login page.',
    baseline: { path: ['sessions', 'rememberMe'] },
    representation: same('rememberMe'),
    provider: realmArg('rememberMe'),
    component: 'value',
    diff: { safeWhen: false, reason: 'remember-me on: longer-lived sessions' },
    keycloakDefault: false,
  },
  /** Idle timeout of remember-me sessions (0 = the SSO idle timeout). */
  ssoSessionIdleTimeoutRememberMe: {
    kind: 'seconds',
    doc: 'SSO idle timeout for remember-me sessions (0 = the SSO value).',
    baseline: { path: ['sessions', 'ssoSessionIdleTimeoutRememberMe'] },
    representation: same('ssoSessionIdleTimeoutRememberMe'),
    negative: 'fallback',
    provider: realmDuration('ssoSessionIdleTimeoutRememberMe'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'remember-me sessions idle longer', zero: 'sso-idle' },
    keycloakDefault: 0,
  },
  /** Maximum of remember-me sessions (0 = the SSO maximum). */
  ssoSessionMaxLifespanRememberMe: {
    kind: 'seconds',
    doc: 'SSO maximum lifespan for remember-me sessions (0 = the SSO value).',
    baseline: { path: ['sessions', 'ssoSessionMaxLifespanRememberMe'] },
    representation: same('ssoSessionMaxLifespanRememberMe'),
    negative: 'fallback',
    provider: realmDuration('ssoSessionMaxLifespanRememberMe'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'remember-me sessions live longer', zero: 'sso-max' },
    keycloakDefault: 0,
  },
  /** Client-session idle timeout for all clients (0 = the SSO idle timeout); clients may override it. */
  clientSessionIdleTimeout: {
    kind: 'seconds',
    doc: 'Client session idle timeout (0 = the SSO value).',
    baseline: { path: ['sessions', 'clientSessionIdleTimeout'] },
    representation: same('clientSessionIdleTimeout'),
    negative: 'fallback',
    provider: realmDuration('clientSessionIdleTimeout'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'idle client sessions live longer', zero: 'sso-idle' },
    keycloakDefault: 0,
  },
  /** Client-session maximum for all clients (0 = the SSO maximum); clients may override it. */
  clientSessionMaxLifespan: {
    kind: 'seconds',
    doc: 'Client session maximum lifespan (0 = the SSO value).',
    baseline: { path: ['sessions', 'clientSessionMaxLifespan'] },
    representation: same('clientSessionMaxLifespan'),
    negative: 'fallback',
    provider: realmDuration('clientSessionMaxLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'client sessions live longer', zero: 'sso-max' },
    keycloakDefault: 0,
  },
  /** Offline sessions unused for this long end. */
  offlineSessionIdleTimeout: {
    kind: 'seconds',
    doc: 'Offline session idle timeout.',
    baseline: { path: ['sessions', 'offlineSessionIdleTimeout'] },
    representation: same('offlineSessionIdleTimeout'),
    negative: 'default',
    provider: realmDuration('offlineSessionIdleTimeout'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'idle offline sessions live longer' },
    keycloakDefault: 2_592_000,
  },
  /** Whether offline sessions have a hard maximum (offlineSessionMaxLifespan). */
  offlineSessionMaxLifespanEnabled: {
    kind: 'boolean',
    doc: 'Limit offline sessions to offlineSessionMaxLifespan.',
    baseline: { path: ['sessions', 'offlineSessionMaxLifespanEnabled'] },
    representation: same('offlineSessionMaxLifespanEnabled'),
    provider: realmArg('offlineSessionMaxLifespanEnabled'),
    component: 'value',
    diff: { safeWhen: true, reason: 'offline sessions no longer have an absolute limit (ASVS 10.4.8)' },
    keycloakDefault: false,
  },
  /** Hard maximum of an offline session when offlineSessionMaxLifespanEnabled. */
  offlineSessionMaxLifespan: {
    kind: 'seconds',
    doc: 'Offline session maximum lifespan.',
    baseline: { path: ['sessions', 'offlineSessionMaxLifespan'] },
    representation: same('offlineSessionMaxLifespan'),
    negative: 'default',
    provider: realmDuration('offlineSessionMaxLifespan'),
    component: 'duration',
    diff: { safer: 'lower', reason: 'offline sessions live longer (ASVS 10.4.8)' },
    keycloakDefault: 5_184_000,
  },

  /** Brute-force detection on or off. */
  bruteForceProtected: {
    kind: 'boolean',
    doc: 'Brute-force detection (bruteForceProtected).',
    baseline: { path: ['security', 'bruteForce', 'enabled'] },
    representation: same('bruteForceProtected'),
    // The provider has no switch: the presence of the bruteForceDetection block turns it on.
    provider: { resource: 'keycloak.Realm', path: ['securityDefenses', 'bruteForceDetection'], conversion: 'custom' },
    component: 'value',
    diff: { safeWhen: true, reason: 'brute-force protection off (ASVS 6.3.1)' },
    keycloakDefault: false,
  },
  /** Lock users permanently (until an admin unlocks them) instead of temporarily. */
  permanentLockout: {
    kind: 'boolean',
    doc: 'Lock users permanently instead of temporarily.',
    baseline: { path: ['security', 'bruteForce', 'permanentLockout'] },
    representation: same('permanentLockout'),
    provider: bruteForceArg('permanentLockout'),
    component: 'value',
    diff: { safeWhen: true, reason: 'lockouts are no longer permanent' },
    keycloakDefault: false,
  },
  /** Failed logins before a lockout. */
  failureFactor: {
    kind: 'count',
    doc: 'Login failures before lockout.',
    baseline: { path: ['security', 'bruteForce', 'failureFactor'], minimum: 1 },
    representation: same('failureFactor'),
    provider: bruteForceArg('maxLoginFailures'),
    component: 'count',
    diff: { safer: 'lower', reason: 'more failed logins allowed before a lockout (ASVS 6.3.1)' },
    keycloakDefault: 30,
  },
  /** Lockout length added per failure beyond failureFactor. */
  waitIncrementSeconds: {
    kind: 'seconds',
    doc: 'Lockout added per failure (waitIncrementSeconds).',
    baseline: { path: ['security', 'bruteForce', 'waitIncrement'] },
    representation: same('waitIncrementSeconds'),
    negative: 'unknown',
    provider: bruteForceArg('waitIncrementSeconds'),
    component: 'count',
    diff: { safer: 'higher', reason: 'shorter lockout after failed logins' },
    keycloakDefault: 60,
  },
  /** Longest temporary lockout. */
  maxFailureWaitSeconds: {
    kind: 'seconds',
    doc: 'Longest temporary lockout (maxFailureWaitSeconds).',
    baseline: { path: ['security', 'bruteForce', 'maxFailureWait'] },
    representation: same('maxFailureWaitSeconds'),
    negative: 'unknown',
    provider: bruteForceArg('maxFailureWaitSeconds'),
    component: 'count',
    diff: { safer: 'higher', reason: 'shorter longest lockout' },
    keycloakDefault: 900,
  },
  /** Lockout after two failures closer together than quickLoginCheckMilliSeconds. */
  minimumQuickLoginWaitSeconds: {
    kind: 'seconds',
    doc: 'Lockout after too-quick failures (minimumQuickLoginWaitSeconds).',
    baseline: { path: ['security', 'bruteForce', 'minimumQuickLoginWait'] },
    representation: same('minimumQuickLoginWaitSeconds'),
    negative: 'unknown',
    provider: bruteForceArg('minimumQuickLoginWaitSeconds'),
    component: 'count',
    diff: { safer: 'higher', reason: 'shorter lockout after too-quick logins' },
    keycloakDefault: 60,
  },
  /** Two failures closer than this (ms) count as a quick-login attack. */
  quickLoginCheckMilliSeconds: {
    kind: 'milliseconds',
    doc: 'Failures closer than this many milliseconds count as too quick.',
    baseline: { path: ['security', 'bruteForce', 'quickLoginCheckMilliSeconds'] },
    representation: same('quickLoginCheckMilliSeconds'),
    provider: bruteForceArg('quickLoginCheckMilliSeconds'),
    component: 'count',
    diff: { safer: 'higher', reason: 'fewer rapid logins count as an attack' },
    keycloakDefault: 1_000,
  },
  /** The failure count resets after this many seconds without failures. */
  maxDeltaTimeSeconds: {
    kind: 'seconds',
    doc: 'When the failure count resets (maxDeltaTimeSeconds).',
    baseline: { path: ['security', 'bruteForce', 'maxDeltaTime'] },
    representation: same('maxDeltaTimeSeconds'),
    negative: 'unknown',
    provider: bruteForceArg('failureResetTimeSeconds'),
    component: 'count',
    diff: { safer: 'higher', reason: 'failed-login counts reset sooner' },
    keycloakDefault: 43_200,
  },
  /** Keycloak's password-policy string, e.g. 'length(12) and notUsername()'. */
  passwordPolicy: {
    kind: 'text',
    doc: "Keycloak password policies, one per item, e.g. ['length(12)', 'notUsername()']",
    // The baseline writes a list of policies; the model keeps Keycloak's ' and '-joined string.
    baseline: { path: ['security', 'passwordPolicy'], custom: true },
    representation: same('passwordPolicy'),
    // Sent in Keycloak's canonical spelling, and omitted when empty (model/provider-dialect.ts).
    provider: { resource: 'keycloak.Realm', path: ['passwordPolicy'], conversion: 'custom' },
    component: 'value',
    diff: { custom: 'policy by policy (review/classify/password-policy.ts)' },
    keycloakDefault: '',
  },
  /** The algorithm tokens are signed with unless a client asks for another (RS256, PS256, ES256, ...). */
  defaultSignatureAlgorithm: {
    kind: 'text',
    doc: 'Algorithm that signs tokens by default.',
    baseline: { path: ['security', 'defaultSignatureAlgorithm'], oneOf: SIGNATURE_ALGORITHMS },
    representation: same('defaultSignatureAlgorithm'),
    provider: realmArg('defaultSignatureAlgorithm'),
    component: 'value',
    diff: { custom: 'ranked by algorithm strength (review/classify/algorithms.ts)' },
    keycloakDefault: 'RS256',
  },
  /** Browser security headers under Keycloak's names (xFrameOptions, contentSecurityPolicy, strictTransportSecurity, ...). */
  browserSecurityHeaders: {
    kind: 'text-map',
    doc: 'Response headers Keycloak sets on its pages; unset ones keep the profile value.',
    // One baseline key per header, each laid over the profile's map.
    baseline: { path: ['security', 'browserSecurityHeaders'], custom: true },
    representation: { key: 'browserSecurityHeaders', custom: true },
    // The provider names some headers differently and defaults the ones left out.
    provider: { resource: 'keycloak.Realm', path: ['securityDefenses', 'headers'], conversion: 'custom' },
    component: 'value',
    diff: { custom: 'header by header (review/classify/security-headers.ts)' },
    keycloakDefault: { ...KEYCLOAK_BROWSER_SECURITY_HEADERS },
  },

  /** Whether the login page offers self-registration: anyone who reaches it can create an account. */
  registrationAllowed: {
    kind: 'boolean',
    doc: 'Let anyone create an account from the login page (registrationAllowed).',
    baseline: { path: ['security', 'registrationAllowed'] },
    representation: same('registrationAllowed'),
    provider: realmArg('registrationAllowed'),
    component: 'value',
    diff: { safeWhen: false, reason: 'self-registration on: anyone can create an account (rule self-registration)' },
    keycloakDefault: false,
  },
  /** Whether users must prove they control their e-mail address before the login completes. */
  verifyEmail: {
    kind: 'boolean',
    doc: 'Require users to verify their e-mail address (verifyEmail).',
    baseline: { path: ['security', 'verifyEmail'] },
    representation: same('verifyEmail'),
    provider: realmArg('verifyEmail'),
    component: 'value',
    diff: {
      safeWhen: true,
      reason: 'e-mail verification off: an address is trusted unproven (rule email-verification)',
    },
    keycloakDefault: false,
  },
  /** One-time passwords: 'totp' (time-based, RFC 6238) or 'hotp' (counter-based, RFC 4226). */
  otpPolicyType: {
    kind: 'text',
    doc: 'OTP type: totp (time-based) or hotp (counter-based).',
    baseline: { path: ['security', 'otp', 'type'], oneOf: ['totp', 'hotp'] },
    representation: same('otpPolicyType'),
    provider: otpArg('type'),
    component: 'value',
    diff: { neutral: 'OTP type changed (totp or hotp: both are accepted authenticators)' },
    keycloakDefault: 'totp',
  },
  /** The HMAC behind OTP codes. */
  otpPolicyAlgorithm: {
    kind: 'text',
    doc: 'OTP HMAC algorithm: HmacSHA1, HmacSHA256 or HmacSHA512.',
    baseline: { path: ['security', 'otp', 'algorithm'], oneOf: ['HmacSHA1', 'HmacSHA256', 'HmacSHA512'] },
    representation: same('otpPolicyAlgorithm'),
    provider: otpArg('algorithm'),
    component: 'value',
    diff: { neutral: 'OTP HMAC changed (HMAC-SHA-1 remains sound for OTPs, RFC 6238 §1.2; many apps support only it)' },
    keycloakDefault: 'HmacSHA1',
  },
  /** Digits in an OTP code. */
  otpPolicyDigits: {
    kind: 'count',
    doc: 'Digits in an OTP code (6 or 8).',
    baseline: { path: ['security', 'otp', 'digits'], minimum: 1 },
    representation: same('otpPolicyDigits'),
    provider: otpArg('digits'),
    component: 'count',
    diff: { safer: 'higher', reason: 'shorter OTP codes are easier to guess (RFC 4226 §5.3)' },
    keycloakDefault: 6,
  },
  /** TOTP time step: how long one code is valid. */
  otpPolicyPeriod: {
    kind: 'seconds',
    doc: 'TOTP time step in seconds (how long one code is valid).',
    baseline: { path: ['security', 'otp', 'period'], minimum: 1 },
    representation: same('otpPolicyPeriod'),
    negative: 'unknown',
    provider: otpArg('period'),
    component: 'count',
    diff: { safer: 'lower', reason: 'an OTP code stays valid longer (RFC 6238 §5.2)' },
    keycloakDefault: 30,
  },
  /** How many time steps (TOTP) or counter values (HOTP) around the current one are also accepted. */
  otpPolicyLookAheadWindow: {
    kind: 'count',
    doc: 'Time steps (or counter values) around the current one that are also accepted.',
    baseline: { path: ['security', 'otp', 'lookAheadWindow'] },
    representation: same('otpPolicyLookAheadWindow'),
    provider: otpArg('lookAheadWindow'),
    component: 'count',
    diff: { safer: 'lower', reason: 'more OTP codes are accepted at once (RFC 6238 §5.2)' },
    keycloakDefault: 1,
  },
  /** Whether an OTP code may be used again after a successful login. */
  otpPolicyCodeReusable: {
    kind: 'boolean',
    doc: 'Accept an OTP code again after it was used (otpPolicyCodeReusable).',
    baseline: { path: ['security', 'otp', 'codeReusable'] },
    representation: same('otpPolicyCodeReusable'),
    provider: otpArg('codeReusable'),
    component: 'value',
    diff: { safeWhen: false, reason: 'a used OTP code is accepted again (RFC 6238 §5.2)' },
    keycloakDefault: false,
  },

  /** Store user (login) events. */
  eventsEnabled: {
    kind: 'boolean',
    doc: 'Save user events (eventsEnabled).',
    baseline: { path: ['events', 'enabled'] },
    representation: same('eventsEnabled'),
    provider: eventsArg('eventsEnabled'),
    component: 'value',
    diff: { safeWhen: true, reason: 'login events no longer recorded (ASVS 16.3.1)' },
    keycloakDefault: false,
  },
  /** How long stored user events are kept (0 = forever). */
  eventsExpiration: {
    kind: 'seconds',
    doc: 'How long user events are kept (eventsExpiration; 0 = forever).',
    baseline: { path: ['events', 'expiration'] },
    representation: same('eventsExpiration'),
    negative: 'unknown',
    provider: eventsArg('eventsExpiration'),
    component: 'duration',
    diff: { safer: 'higher', reason: 'login events kept for less time', zero: 'unlimited' },
    keycloakDefault: 0,
  },
  /** The user-event types stored (an empty list stores all). */
  enabledEventTypes: {
    kind: 'text-list',
    doc: 'User event types saved (enabledEventTypes).',
    baseline: { path: ['events', 'types'], custom: true },
    // An empty list in the representation means "Keycloak's default set": the adapter spells it out.
    representation: { key: 'enabledEventTypes', custom: true },
    provider: eventsArg('enabledEventTypes'),
    component: 'value',
    diff: { custom: 'type by type (review/classify/realm-table.ts)' },
    keycloakDefault: [],
  },
  /** Event listeners; keep 'jboss-logging' (Keycloak's default) unless you replace it on purpose. */
  eventsListeners: {
    kind: 'text-list',
    doc: 'Event listeners (eventsListeners); jboss-logging is kept unless jbossLogging is false.',
    baseline: { path: ['events', 'listeners'], custom: true },
    representation: same('eventsListeners'),
    provider: eventsArg('eventsListeners'),
    component: 'value',
    diff: { custom: 'listener by listener (review/classify/realm-table.ts)' },
    keycloakDefault: ['jboss-logging'],
  },
  /** Store admin events (who changed what in the admin API). */
  adminEventsEnabled: {
    kind: 'boolean',
    doc: 'Save admin events (adminEventsEnabled).',
    baseline: { path: ['events', 'adminEvents'] },
    representation: same('adminEventsEnabled'),
    provider: eventsArg('adminEventsEnabled'),
    component: 'value',
    diff: { safeWhen: true, reason: 'admin events no longer recorded (ASVS 16.3.3)' },
    keycloakDefault: false,
  },
  /** Include the representation in stored admin events. */
  adminEventsDetailsEnabled: {
    kind: 'boolean',
    doc: 'Include representations in admin events (adminEventsDetailsEnabled).',
    baseline: { path: ['events', 'adminEventsDetails'] },
    representation: same('adminEventsDetailsEnabled'),
    provider: eventsArg('adminEventsDetailsEnabled'),
    component: 'value',
    diff: { safeWhen: true, reason: 'admin events no longer include details (ASVS 16.3.3)' },
    keycloakDefault: false,
  },
} as const satisfies Record<string, AnyFieldRow>;

export type RealmFieldTable = typeof REALM_FIELDS;
export type RealmFieldName = keyof RealmFieldTable;

/** The realm-level fields of RealmSettings, typed from the table. */
export type RealmFieldValues = FieldValues<RealmFieldTable>;

/** Fields stored in whole seconds and written as Go durations to the provider's keycloak.Realm. */
export type RealmGoDurationField = FieldsWhere<RealmFieldTable, { provider: { conversion: 'go-duration' } }>;
/** Fields the provider sets inside `securityDefenses.bruteForceDetection`, one argument each. */
export type RealmBruteForceField = FieldsWhere<
  RealmFieldTable,
  { provider: { path: readonly ['securityDefenses', 'bruteForceDetection', string] } }
>;
/** Fields keycloak.RealmEvents sets. */
export type RealmEventsField = FieldsWhere<RealmFieldTable, { provider: { resource: 'keycloak.RealmEvents' } }>;
/** Fields the baseline sets at `[...Section, key]` with no conversion but a duration's. */
export type RealmBaselineFieldIn<Section extends readonly string[]> = {
  [F in RealmFieldName]: RealmFieldTable[F] extends { baseline: { path: readonly [...Section, string] } }
    ? RealmFieldTable[F] extends { baseline: { custom: true } }
      ? never
      : F
    : never;
}[RealmFieldName];

/** Fields a diff classifies with a hand-written differ. */
export type RealmCustomDiffField = FieldsWhere<RealmFieldTable, { diff: { custom: string } }>;
