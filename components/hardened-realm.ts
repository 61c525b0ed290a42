/**
 * HardenedRealm: a Keycloak realm with the token, session and security settings of a profile,
 * and its event settings. Anything the args leave out is the profile's value (`baseline` unless
 * told otherwise), so `new HardenedRealm('shop', { realm: 'shop' })` is already hardened.
 */
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
import { InputError } from '../model/errors.ts';
import { durationInput } from '../model/durations.ts';
import { realmProfileValues, type Profile, type RealmProfileValues } from '../model/profiles.ts';
import type { RealmSettings, SslRequired } from '../model/realm-settings.ts';
import { REALM_DURATION_FIELDS, realmArgsFromSettings, realmEventsArgsFromSettings } from '../model/provider-dialect.ts';

/** A duration: whole seconds, or text such as '5m', '10h', '30d', '1h30m'. */
export type Duration = number | string;

export interface HardenedRealmArgs {
  /** The realm's name in Keycloak (its id in URLs: /realms/<realm>). */
  realm: string;
  /** Which profile fills what these args leave out: 'baseline' (ASVS L2, AAL2, RFC 9700) or 'strict' (ASVS L3, AAL3, FAPI 2.0). */
  profile?: Profile;
  /** When false, nobody can log in to the realm. */
  enabled?: boolean;
  /** Where TLS is required: 'all' requests, 'external' (non-private addresses) or 'none'. */
  sslRequired?: SslRequired;
  /** Access-token lifetime. Short lifetimes bound how long a stolen token is useful. */
  accessTokenLifespan?: Duration;
  /** Access-token lifetime for the implicit flow (which should stay off). */
  accessTokenLifespanForImplicitFlow?: Duration;
  /** How long an authorization code may wait before it is exchanged. */
  accessCodeLifespan?: Duration;
  /** Refresh-token rotation: each refresh token can be used once (plus refreshTokenMaxReuse). Realm-wide in Keycloak. */
  revokeRefreshToken?: boolean;
  /** Extra uses allowed for a refresh token when rotation is on; 0 means strictly once. */
  refreshTokenMaxReuse?: number;
  /** SSO session idle timeout: a session unused for this long ends. */
  ssoSessionIdleTimeout?: Duration;
  /** SSO session maximum: a session ends after this long whatever its use. */
  ssoSessionMaxLifespan?: Duration;
  /** Whether the login page offers "remember me". */
  rememberMe?: boolean;
  /** Idle timeout of remember-me sessions (0 = the SSO idle timeout). */
  ssoSessionIdleTimeoutRememberMe?: Duration;
  /** Maximum of remember-me sessions (0 = the SSO maximum). */
  ssoSessionMaxLifespanRememberMe?: Duration;
  /** Client-session idle timeout for all clients (0 = the SSO idle timeout); clients may override it. */
  clientSessionIdleTimeout?: Duration;
  /** Client-session maximum for all clients (0 = the SSO maximum); clients may override it. */
  clientSessionMaxLifespan?: Duration;
  /** Offline sessions unused for this long end. */
  offlineSessionIdleTimeout?: Duration;
  /** Whether offline sessions have a hard maximum (offlineSessionMaxLifespan). */
  offlineSessionMaxLifespanEnabled?: boolean;
  /** Hard maximum of an offline session when offlineSessionMaxLifespanEnabled. */
  offlineSessionMaxLifespan?: Duration;
  /** Brute-force detection on or off. */
  bruteForceProtected?: boolean;
  /** Lock users permanently (until an admin unlocks them) instead of temporarily. */
  permanentLockout?: boolean;
  /** Failed logins before a lockout. */
  failureFactor?: number;
  /** Lockout length added per failure beyond failureFactor. */
  waitIncrementSeconds?: number;
  /** Longest temporary lockout. */
  maxFailureWaitSeconds?: number;
  /** Lockout after two failures closer together than quickLoginCheckMilliSeconds. */
  minimumQuickLoginWaitSeconds?: number;
  /** Two failures closer than this (ms) count as a quick-login attack. */
  quickLoginCheckMilliSeconds?: number;
  /** The failure count resets after this many seconds without failures. */
  maxDeltaTimeSeconds?: number;
  /** Keycloak's password-policy string, e.g. 'length(12) and notUsername()'. */
  passwordPolicy?: string;
  /** The algorithm tokens are signed with unless a client asks for another (RS256, PS256, ES256, ...). */
  defaultSignatureAlgorithm?: string;
  /** Browser security headers under Keycloak's names (xFrameOptions, contentSecurityPolicy, strictTransportSecurity, ...). */
  browserSecurityHeaders?: Record<string, string>;
  /** Store user (login) events. */
  eventsEnabled?: boolean;
  /** How long stored user events are kept (0 = forever). */
  eventsExpiration?: Duration;
  /** The user-event types stored (an empty list stores all). */
  enabledEventTypes?: string[];
  /** Event listeners; keep 'jboss-logging' (Keycloak's default) unless you replace it on purpose. */
  eventsListeners?: string[];
  /** Store admin events (who changed what in the admin API). */
  adminEventsEnabled?: boolean;
  /** Include the representation in stored admin events. */
  adminEventsDetailsEnabled?: boolean;
}

export class HardenedRealm extends pulumi.ComponentResource {
  /** The realm's id for child resources (`realmId` arguments): the realm name. */
  public readonly realmId: pulumi.Output<string>;
  /** The realm name. */
  public readonly realmName: pulumi.Output<string>;
  /** The settings applied, in the model's vocabulary (seconds, Keycloak names). */
  public readonly settings: RealmLevelSettings;
  public readonly realmResource: keycloak.Realm;
  public readonly events: keycloak.RealmEvents;

  constructor(name: string, args: HardenedRealmArgs, opts?: pulumi.ComponentResourceOptions) {
    super('realmguard:index:HardenedRealm', name, {}, opts);
    this.settings = hardenedRealmSettings(args);
    const full: RealmSettings = { ...this.settings, keyProviders: [], compromisedKeys: [], clients: [], clientPolicies: [], clientProfiles: [] };

    this.realmResource = new keycloak.Realm(`${name}-realm`, realmArgsFromSettings(full), { parent: this });
    this.events = new keycloak.RealmEvents(
      `${name}-events`,
      { realmId: this.realmResource.id, ...realmEventsArgsFromSettings(full) },
      { parent: this },
    );
    this.realmId = this.realmResource.id;
    this.realmName = this.realmResource.realm;
    this.registerOutputs({ realmId: this.realmId, realmName: this.realmName });
  }
}

/** The realm-level part of RealmSettings (no keys, clients or policies). */
export type RealmLevelSettings = RealmProfileValues & { realm: string };

/** Args given as durations: the realm's lifespans and timeouts, and how long events are kept. */
const DURATION_ARGS = [...REALM_DURATION_FIELDS, 'eventsExpiration'] as const;

const COUNT_ARGS = [
  'refreshTokenMaxReuse',
  'failureFactor',
  'waitIncrementSeconds',
  'maxFailureWaitSeconds',
  'minimumQuickLoginWaitSeconds',
  'quickLoginCheckMilliSeconds',
  'maxDeltaTimeSeconds',
] as const;

/** The profile's realm values with the args laid over them, validated. Throws InputError. */
export function hardenedRealmSettings(args: HardenedRealmArgs): RealmLevelSettings {
  // A JavaScript program may pass anything: the realm name and every override are checked here.
  const { realm, profile = 'baseline', ...overrides }: Omit<HardenedRealmArgs, 'realm'> & { realm: unknown } = args;
  if (typeof realm !== 'string' || !/^[A-Za-z0-9._-]+$/.test(realm)) {
    throw new InputError(`realm name '${String(realm)}' is not usable in a URL`, { keyPath: 'realm' }, 'use letters, digits, dot, dash or underscore');
  }
  const settings: RealmLevelSettings = { ...realmProfileValues(profile), realm };
  const target = settings as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries<unknown>(overrides)) {
    if (value === undefined) continue;
    if ((DURATION_ARGS as readonly string[]).includes(key)) target[key] = durationArg(key, value as Duration);
    else if (Array.isArray(value)) target[key] = [...(value as unknown[])];
    else if (typeof value === 'object' && value !== null) target[key] = { ...value };
    else target[key] = value;
  }
  for (const key of COUNT_ARGS) {
    const value = settings[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new InputError(`${key} must be a whole number ≥ 0, not ${String(value)}`, { keyPath: key });
    }
  }
  if (!['all', 'external', 'none'].includes(settings.sslRequired)) {
    throw new InputError(`sslRequired must be 'all', 'external' or 'none', not '${settings.sslRequired}'`, { keyPath: 'sslRequired' });
  }
  if (settings.ssoSessionMaxLifespan > 0 && settings.ssoSessionIdleTimeout > settings.ssoSessionMaxLifespan) {
    throw new InputError(
      `ssoSessionIdleTimeout (${settings.ssoSessionIdleTimeout}s) is longer than ssoSessionMaxLifespan (${settings.ssoSessionMaxLifespan}s)`,
      { keyPath: 'ssoSessionIdleTimeout' },
      'the idle timeout can never be reached; make it shorter than the maximum',
    );
  }
  if (!settings.revokeRefreshToken && settings.refreshTokenMaxReuse > 0) {
    throw new InputError(
      `refreshTokenMaxReuse is ${settings.refreshTokenMaxReuse} but revokeRefreshToken is off`,
      { keyPath: 'refreshTokenMaxReuse' },
      'reuse limits apply only with refresh-token rotation: turn revokeRefreshToken on or set refreshTokenMaxReuse to 0',
    );
  }
  return settings;
}

function durationArg(key: string, value: Duration): number {
  return durationInput(value, key, { keyPath: key });
}
