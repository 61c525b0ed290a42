/**
 * Profiles: the values a baseline file is filled with where it says nothing. Each value passes
 * the rule catalogue's thresholds for its profile (notes/rule-catalogue.md): `baseline` aims at
 * ASVS 5.0 L2, NIST SP 800-63B AAL2 and RFC 9700; `strict` at ASVS L3, AAL3 and FAPI 2.0.
 * Explicit values in a baseline always win.
 */
import { KEYCLOAK_BUILT_IN_KEYS } from './keycloak-keys.ts';
import type { ClientPolicySettings, KeyProviderSettings } from './realm-settings.ts';
import type { RealmFieldValues } from './fields/realm.ts';
import { realmDefaults } from './keycloak-defaults.ts';

export type Profile = 'baseline' | 'strict';
export const PROFILES: readonly Profile[] = ['baseline', 'strict'];
export const DEFAULT_PROFILE: Profile = 'baseline';

/** Realm-level fields a profile fills (everything but identity, keys and clients). */
export type RealmProfileValues = RealmFieldValues;

/** What a profile fills on a client the baseline declares; the access type decides some of it. */
export interface ClientProfileValues {
  /** Confidential clients authenticate with this (client-secret, client-jwt, client-x509). */
  confidentialAuthenticator: string;
  pkceMethod: 'S256';
  /** Whether `use.refresh.tokens` is on for public clients (confidential clients keep Keycloak's true). */
  publicClientRefreshTokens: boolean;
  /** Sender-constrain access tokens with DPoP ('dpop'), mTLS ('mtls') or not at all ('none'). */
  tokenBinding: 'none' | 'dpop' | 'mtls';
  requirePushedAuthorizationRequests: boolean;
  fullScopeAllowed: boolean;
}

/** The user-event types the login-events and watch-events rules require, and the profile fills. */
export const REQUIRED_EVENT_TYPES: readonly string[] = [
  'LOGIN',
  'LOGIN_ERROR',
  'CODE_TO_TOKEN',
  'CODE_TO_TOKEN_ERROR',
  'REFRESH_TOKEN',
  'REFRESH_TOKEN_ERROR',
  'REVOKE_GRANT',
  'LOGOUT',
  'LOGOUT_ERROR',
  'CLIENT_LOGIN',
  'CLIENT_LOGIN_ERROR',
  'TOKEN_EXCHANGE',
  'INTROSPECT_TOKEN_ERROR',
  'UPDATE_PASSWORD',
  'UPDATE_CREDENTIAL',
  'REMOVE_CREDENTIAL',
  // What `realmguard watch` detects on besides the above (rule watch-events).
  'IMPERSONATE',
  'USER_DISABLED_BY_PERMANENT_LOCKOUT',
  'USER_DISABLED_BY_TEMPORARY_LOCKOUT',
].sort(); // Keycloak keeps event types as a set; every adapter lists them sorted

export { KEYCLOAK_BROWSER_SECURITY_HEADERS } from './fields/realm.ts';

const DAY = 86_400;

/**
 * The baseline profile: Keycloak's defaults (the realm field table) plus the values it changes.
 * A field the profile leaves at Keycloak's default needs no line here.
 */
const BASELINE_REALM_CHANGES: Partial<RealmProfileValues> = {
  enabled: true,
  revokeRefreshToken: true,
  offlineSessionIdleTimeout: 30 * DAY,
  offlineSessionMaxLifespanEnabled: true,
  offlineSessionMaxLifespan: 60 * DAY,
  bruteForceProtected: true,
  failureFactor: 10,
  passwordPolicy: 'length(12) and maxLength(128) and notUsername() and notEmail() and passwordHistory(3)',
  eventsEnabled: true,
  eventsExpiration: 90 * DAY,
  enabledEventTypes: [...REQUIRED_EVENT_TYPES],
  adminEventsEnabled: true,
  adminEventsDetailsEnabled: true,
  verifyEmail: true,
};

/** The strict profile: the baseline profile plus the values it tightens. */
const STRICT_REALM_CHANGES: Partial<RealmProfileValues> = {
  sslRequired: 'all',
  ssoSessionIdleTimeout: 900,
  ssoSessionMaxLifespan: 43_200,
  offlineSessionIdleTimeout: 7 * DAY,
  offlineSessionMaxLifespan: 30 * DAY,
  failureFactor: 5,
  passwordPolicy: 'length(15) and maxLength(128) and notUsername() and notEmail() and passwordHistory(5)',
  defaultSignatureAlgorithm: 'PS256',
};

const BASELINE_REALM: RealmProfileValues = { ...realmDefaults(), ...BASELINE_REALM_CHANGES };
const STRICT_REALM: RealmProfileValues = { ...BASELINE_REALM, ...STRICT_REALM_CHANGES };

const CLIENT_VALUES: Record<Profile, ClientProfileValues> = {
  baseline: {
    confidentialAuthenticator: 'client-secret',
    pkceMethod: 'S256',
    publicClientRefreshTokens: true,
    tokenBinding: 'none',
    requirePushedAuthorizationRequests: false,
    fullScopeAllowed: false,
  },
  strict: {
    confidentialAuthenticator: 'client-jwt',
    pkceMethod: 'S256',
    publicClientRefreshTokens: true,
    tokenBinding: 'dpop',
    requirePushedAuthorizationRequests: true,
    fullScopeAllowed: false,
  },
};

/** Key fields a profile fills, per provider type (a declared key's own values win). */
export interface KeyProfileValues {
  rsaKeySize: number;
  ellipticCurve: string;
  /** Bytes; HS512 needs at least 64 (RFC 7518 §3.2). */
  hmacSecretSize: number;
  aesSecretSize: number;
  /** The key providers a realm gets when its baseline declares none. */
  defaultProviders: KeyProviderSettings[];
}

const KEY_VALUES: Record<Profile, KeyProfileValues> = {
  baseline: {
    rsaKeySize: 2048,
    ellipticCurve: 'P-256',
    hmacSecretSize: 64,
    aesSecretSize: 16,
    // Keycloak's own keys, as it creates them: the realm keeps them, nothing is created.
    defaultProviders: KEYCLOAK_BUILT_IN_KEYS.map((key) => ({ ...key })),
  },
  strict: {
    // 4096, not 3072: the Pulumi Keycloak provider accepts RSA sizes 1024, 2048 and 4096 only.
    rsaKeySize: 4096,
    ellipticCurve: 'P-256',
    hmacSecretSize: 64,
    aesSecretSize: 32,
    defaultProviders: [
      {
        name: 'rsa-ps256-generated',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'PS256',
        keySize: 4096,
      },
      // Keycloak's own encryption key (2048 bits): the provider has no resource to manage it.
      {
        name: 'rsa-enc-generated',
        providerId: 'rsa-enc-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'RSA-OAEP',
        keySize: 2048,
      },
      // Keycloak's own HMAC and AES keys (128 and 32 bytes) meet the strict profile as they are.
      ...KEYCLOAK_BUILT_IN_KEYS.filter(
        (key) => key.providerId === 'hmac-generated' || key.providerId === 'aes-generated',
      ).map((key) => ({ ...key })),
    ],
  },
};

/**
 * Client policies a realm gets when its baseline declares none. `strict` binds FAPI 2.0 with
 * DPoP, matching the DPoP binding it fills on clients (the client-policy-profile rule).
 */
const CLIENT_POLICY_VALUES: Record<Profile, ClientPolicySettings[]> = {
  baseline: [],
  strict: [{ name: 'fapi-2-dpop', enabled: true, profiles: ['fapi-2-dpop-security-profile'] }],
};

export function clientPolicyProfileValues(profile: Profile): ClientPolicySettings[] {
  return structuredClone(CLIENT_POLICY_VALUES[profile]);
}

/** Realm-level values a profile fills (a fresh copy: callers may change it). */
export function realmProfileValues(profile: Profile): RealmProfileValues {
  return structuredClone(profile === 'strict' ? STRICT_REALM : BASELINE_REALM);
}

export function clientProfileValues(profile: Profile): ClientProfileValues {
  return { ...CLIENT_VALUES[profile] };
}

export function keyProfileValues(profile: Profile): KeyProfileValues {
  return structuredClone(KEY_VALUES[profile]);
}

export function isProfile(value: unknown): value is Profile {
  return value === 'baseline' || value === 'strict';
}
