/**
 * The one mapping between the model (Keycloak's names, durations in seconds) and the input
 * dialect of the Pulumi Keycloak provider (@pulumi/keycloak 6.13, a bridged Terraform
 * provider): realm durations as Go duration strings ("5m0s"), client lifespans as strings of
 * seconds, brute-force settings under `securityDefenses.bruteForceDetection`, client attributes
 * split between top-level arguments and `extraConfig`. Each entity's part lives in a file of its
 * own under provider-dialect/ (clients, key providers, client policies), re-exported here.
 *
 * Both directions live here. Settings → arguments feeds the components; arguments → settings
 * feeds the policy pack, which sees resource inputs. The reverse is tolerant: a field it cannot
 * know is `undefined`, never a guess. Where the provider itself sends a fixed default for an
 * omitted argument (its schema `Default`, or Go's zero value for an unset boolean), the reverse
 * reports that default, because that is what Keycloak will hold.
 *
 * The values produced are plain (no Pulumi Inputs), so this module stays free of Pulumi; the
 * component passes them on unchanged, and the compiler checks them against the provider's
 * argument types there.
 */
import type { IdentityProviderSettings, RealmSettings, SslRequired } from './realm-settings.ts';
import { goDurationFromSeconds, secondsFromGoDuration } from './provider-dialect/go-duration.ts';
import { isSecretConfigKey } from './entities/identity-providers.ts';
import { rowsOf, type FieldKind } from './fields/field-row.ts';
import { bool, num, record, str, strings } from './provider-dialect/narrow.ts';
import {
  REALM_FIELDS,
  type RealmBruteForceField,
  type RealmEventsField,
  type RealmGoDurationField,
} from './fields/realm.ts';

export { goDurationFromSeconds, secondsFromGoDuration } from './provider-dialect/go-duration.ts';
export * from './provider-dialect/client.ts';
export * from './provider-dialect/key-providers.ts';
export * from './provider-dialect/client-policies.ts';

// ---------------------------------------------------------------------------------------------
// Realm

/** The provider's `securityDefenses.headers` block (its names for Keycloak's browserSecurityHeaders). */
export interface HeadersDialect {
  contentSecurityPolicy?: string;
  contentSecurityPolicyReportOnly?: string;
  referrerPolicy?: string;
  strictTransportSecurity?: string;
  xContentTypeOptions?: string;
  xFrameOptions?: string;
  xRobotsTag?: string;
  xXssProtection?: string;
}

/** The provider's `securityDefenses.bruteForceDetection` block; its presence turns brute-force protection on. */
export interface BruteForceDialect {
  permanentLockout: boolean;
  maxLoginFailures: number;
  waitIncrementSeconds: number;
  quickLoginCheckMilliSeconds: number;
  minimumQuickLoginWaitSeconds: number;
  maxFailureWaitSeconds: number;
  failureResetTimeSeconds: number;
}

/** keycloak.RealmArgs as this project sets them; the Go-duration arguments come from the realm field table. */
export interface RealmDialectArgs extends Record<RealmGoDurationField, string> {
  realm: string;
  enabled: boolean;
  sslRequired: SslRequired;
  revokeRefreshToken: boolean;
  refreshTokenMaxReuse: number;
  rememberMe: boolean;
  offlineSessionMaxLifespanEnabled: boolean;
  /** Omitted when the model's policy is empty: the provider sends no policy then. */
  passwordPolicy?: string;
  defaultSignatureAlgorithm: string;
  securityDefenses: { headers: HeadersDialect; bruteForceDetection?: BruteForceDialect };
  registrationAllowed: boolean;
  verifyEmail: boolean;
  otpPolicy: OtpPolicyDialect;
}

/** The provider's `otpPolicy` block: Keycloak's otpPolicy* fields without the prefix. */
export interface OtpPolicyDialect {
  type: string;
  algorithm: string;
  digits: number;
  period: number;
  lookAheadWindow: number;
  codeReusable: boolean;
}

/** Realm duration fields: model name = provider name, seconds ↔ Go duration (the table's go-duration rows). */
export const REALM_DURATION_FIELDS: readonly RealmGoDurationField[] = rowsOf(REALM_FIELDS).flatMap(([field, row]) =>
  row.provider?.conversion === 'go-duration' ? [field as RealmGoDurationField] : [],
);

/** Model field → argument of the provider's `bruteForceDetection` block (the table's rows under it). */
const BRUTE_FORCE_ARGS: readonly { field: RealmBruteForceField; arg: keyof BruteForceDialect }[] = rowsOf(
  REALM_FIELDS,
).flatMap(([field, row]) => {
  const path = row.provider?.path ?? [];
  return path.length === 3 && path[0] === 'securityDefenses' && path[1] === 'bruteForceDetection'
    ? [{ field: field as RealmBruteForceField, arg: path[2] as keyof BruteForceDialect }]
    : [];
});

/** Model field → argument of the provider's `otpPolicy` block (the table's rows under it). */
const OTP_ARGS: readonly { field: keyof RealmSettings; arg: keyof OtpPolicyDialect }[] = rowsOf(REALM_FIELDS).flatMap(
  ([field, row]) => {
    const path = row.provider?.path ?? [];
    return path.length === 2 && path[0] === 'otpPolicy'
      ? [{ field: field, arg: path[1] as keyof OtpPolicyDialect }]
      : [];
  },
);

/** What the provider sends for OTP fields left out of the block (its schema defaults, Keycloak's defaults too). */
const PROVIDER_OTP_DEFAULTS: Readonly<OtpPolicyDialect> = {
  type: 'totp',
  algorithm: 'HmacSHA1',
  digits: 6,
  period: 30,
  lookAheadWindow: 1,
  codeReusable: false,
};

/** Keycloak's browserSecurityHeaders key → the provider's header argument. */
const HEADER_NAMES: Readonly<Record<string, keyof HeadersDialect>> = {
  contentSecurityPolicy: 'contentSecurityPolicy',
  contentSecurityPolicyReportOnly: 'contentSecurityPolicyReportOnly',
  referrerPolicy: 'referrerPolicy',
  strictTransportSecurity: 'strictTransportSecurity',
  xContentTypeOptions: 'xContentTypeOptions',
  xFrameOptions: 'xFrameOptions',
  xRobotsTag: 'xRobotsTag',
  xXSSProtection: 'xXssProtection',
};

/** What the provider sends for a header left out of a present `headers` block (its schema defaults). */
const PROVIDER_HEADER_DEFAULTS: Readonly<Required<HeadersDialect>> = {
  contentSecurityPolicy: "frame-src 'self'; frame-ancestors 'self'; object-src 'none';",
  contentSecurityPolicyReportOnly: '',
  referrerPolicy: 'no-referrer',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  xContentTypeOptions: 'nosniff',
  xFrameOptions: 'SAMEORIGIN',
  xRobotsTag: 'none',
  xXssProtection: '1; mode=block',
};

/** What the provider sends for brute-force fields left out of a present block (its schema defaults). */
const PROVIDER_BRUTE_FORCE_DEFAULTS: Readonly<BruteForceDialect> = {
  permanentLockout: false,
  maxLoginFailures: 30,
  waitIncrementSeconds: 60,
  quickLoginCheckMilliSeconds: 1_000,
  minimumQuickLoginWaitSeconds: 60,
  maxFailureWaitSeconds: 900,
  failureResetTimeSeconds: 43_200,
};

/**
 * keycloak.Realm arguments for a realm. `notBefore` has no provider argument (it is an incident
 * action, not declared state) and is not mapped. Headers the provider cannot set are dropped; headers
 * the model leaves out are sent empty.
 */
export function realmArgsFromSettings(settings: RealmSettings): RealmDialectArgs {
  const durations = Object.fromEntries(
    REALM_DURATION_FIELDS.map((field) => [field, goDurationFromSeconds(settings[field])]),
  ) as Record<(typeof REALM_DURATION_FIELDS)[number], string>;
  return {
    realm: settings.realm,
    enabled: settings.enabled,
    sslRequired: settings.sslRequired,
    ...durations,
    revokeRefreshToken: settings.revokeRefreshToken,
    refreshTokenMaxReuse: settings.refreshTokenMaxReuse,
    rememberMe: settings.rememberMe,
    offlineSessionMaxLifespanEnabled: settings.offlineSessionMaxLifespanEnabled,
    ...(settings.passwordPolicy === '' ? {} : { passwordPolicy: canonicalPasswordPolicy(settings.passwordPolicy) }),
    defaultSignatureAlgorithm: settings.defaultSignatureAlgorithm,
    securityDefenses: {
      headers: headersFromSettings(settings.browserSecurityHeaders),
      ...(settings.bruteForceProtected ? { bruteForceDetection: bruteForceFromSettings(settings) } : {}),
    },
    registrationAllowed: settings.registrationAllowed,
    verifyEmail: settings.verifyEmail,
    otpPolicy: Object.fromEntries(
      OTP_ARGS.map(({ field, arg }) => [arg, settings[field]]),
    ) as unknown as OtpPolicyDialect,
  };
}

/**
 * Every header argument is sent: a header the model does not list is sent empty, because the
 * provider would otherwise send its own default (it still sends X-XSS-Protection, which
 * Keycloak 26 no longer has).
 */
/**
 * Keycloak's own spelling of a password policy: it stores 'notUsername()' as 'notUsername' and
 * joins the parts with one ' and '. The provider compares what it reads back with the input, so
 * sending Keycloak's spelling avoids a perpetual diff (seen on Keycloak 26.7).
 */
export function canonicalPasswordPolicy(policy: string): string {
  return policy
    .split(/\s+and\s+/)
    .map((part) => part.trim().replace(/\(\s*\)$/, ''))
    .filter((part) => part !== '')
    .join(' and ');
}

function headersFromSettings(headers: Record<string, string>): Required<HeadersDialect> {
  const out = Object.fromEntries(Object.values(HEADER_NAMES).map((name) => [name, ''])) as Required<HeadersDialect>;
  for (const [keycloakName, value] of Object.entries(headers)) {
    const name = HEADER_NAMES[keycloakName];
    if (name) out[name] = value;
  }
  return out;
}

function bruteForceFromSettings(settings: RealmSettings): BruteForceDialect {
  return Object.fromEntries(
    BRUTE_FORCE_ARGS.map(({ field, arg }) => [arg, settings[field]]),
  ) as unknown as BruteForceDialect;
}

/**
 * The realm settings a keycloak.Realm's inputs declare. Durations the program left out are
 * undefined (Keycloak keeps or defaults them); a missing `securityDefenses.bruteForceDetection`
 * means brute-force protection off, because that is what the provider sends.
 */
export function settingsFromRealmInputs(props: Record<string, unknown>): Partial<RealmSettings> {
  const out: Partial<RealmSettings> = {};
  const realm = str(props.realm);
  if (realm !== undefined) out.realm = realm;
  out.enabled = bool(props.enabled) ?? true;
  const ssl = str(props.sslRequired) ?? 'external';
  if (ssl === 'all' || ssl === 'external' || ssl === 'none') out.sslRequired = ssl;
  for (const field of REALM_DURATION_FIELDS) {
    const text = str(props[field]);
    const seconds = text === undefined || text === '' ? undefined : secondsFromGoDuration(text);
    if (seconds !== undefined) out[field] = seconds;
  }
  out.revokeRefreshToken = bool(props.revokeRefreshToken) ?? false;
  out.refreshTokenMaxReuse = num(props.refreshTokenMaxReuse) ?? 0;
  out.offlineSessionMaxLifespanEnabled = bool(props.offlineSessionMaxLifespanEnabled) ?? false;
  const rememberMe = bool(props.rememberMe);
  if (rememberMe !== undefined) out.rememberMe = rememberMe;
  const passwordPolicy = str(props.passwordPolicy);
  if (passwordPolicy !== undefined) out.passwordPolicy = passwordPolicy;
  const algorithm = str(props.defaultSignatureAlgorithm);
  if (algorithm !== undefined && algorithm !== '') out.defaultSignatureAlgorithm = algorithm;

  // Go's zero value for an unset boolean, and Keycloak's default too.
  out.registrationAllowed = bool(props.registrationAllowed) ?? false;
  out.verifyEmail = bool(props.verifyEmail) ?? false;
  const otp = record(props.otpPolicy) ?? {};
  const otpTarget = out as Record<string, unknown>;
  for (const { field, arg } of OTP_ARGS) {
    otpTarget[field] = typeof otp[arg] === typeof PROVIDER_OTP_DEFAULTS[arg] ? otp[arg] : PROVIDER_OTP_DEFAULTS[arg];
  }

  const defenses = record(props.securityDefenses);
  const headers = record(defenses?.headers);
  if (headers) out.browserSecurityHeaders = headersFromInputs(headers);
  const bruteForce = record(defenses?.bruteForceDetection);
  if (defenses === undefined || bruteForce === undefined) {
    out.bruteForceProtected = false;
  } else {
    const value = <K extends keyof BruteForceDialect>(key: K): BruteForceDialect[K] =>
      (typeof bruteForce[key] === typeof PROVIDER_BRUTE_FORCE_DEFAULTS[key]
        ? bruteForce[key]
        : PROVIDER_BRUTE_FORCE_DEFAULTS[key]) as BruteForceDialect[K];
    out.bruteForceProtected = true;
    const target = out as Record<RealmBruteForceField, unknown>;
    for (const { field, arg } of BRUTE_FORCE_ARGS) target[field] = value(arg);
  }
  return out;
}

function headersFromInputs(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [keycloakName, name] of Object.entries(HEADER_NAMES)) {
    out[keycloakName] = str(headers[name]) ?? PROVIDER_HEADER_DEFAULTS[name];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Realm events

/** keycloak.RealmEventsArgs without realmId: the provider uses the model's names and units here (the table's keycloak.RealmEvents rows). */
export type RealmEventsDialectArgs = Pick<RealmSettings, RealmEventsField>;

const EVENTS_FIELDS: readonly RealmEventsField[] = rowsOf(REALM_FIELDS).flatMap(([field, row]) =>
  row.provider?.resource === 'keycloak.RealmEvents' ? [field as RealmEventsField] : [],
);

/**
 * keycloak.RealmEvents arguments. The provider replaces the listener list, so Keycloak's
 * default `jboss-logging` stays only when the settings list it (the profiles do).
 */
export function realmEventsArgsFromSettings(settings: RealmSettings): RealmEventsDialectArgs {
  return Object.fromEntries(
    EVENTS_FIELDS.map((field) => {
      const value = settings[field];
      return [field, Array.isArray(value) ? [...value] : value];
    }),
  ) as RealmEventsDialectArgs;
}

/** What keycloak.RealmEvents sends for an argument left out (Go's zero value), by the field's kind. */
const EVENTS_INPUT_READERS: Partial<Record<FieldKind, (value: unknown) => unknown>> = {
  boolean: (value) => bool(value) ?? false,
  seconds: (value) => num(value) ?? 0,
  'text-list': (value) => strings(value) ?? [],
};

/** The event settings a keycloak.RealmEvents' inputs declare (the provider's defaults for omissions). */
export function eventSettingsFromInputs(props: Record<string, unknown>): Partial<RealmEventsDialectArgs> {
  return Object.fromEntries(
    EVENTS_FIELDS.map((field) => {
      const read = EVENTS_INPUT_READERS[REALM_FIELDS[field].kind];
      if (!read) throw new Error(`eventSettingsFromInputs: no reader for ${REALM_FIELDS[field].kind} (${field})`);
      return [field, read(props[field])];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Identity providers

/**
 * What keycloak.oidc.IdentityProvider and keycloak.saml.IdentityProvider send into Keycloak's
 * IdP config for each typed argument, and the value sent when the program leaves it out (the
 * Terraform provider's schema `Default`, or Go's zero value). The provider sends every typed
 * argument, booleans as 'true'/'false', and a typed argument wins over the same key in
 * `extraConfig` (keycloak/extra_config.go, marshalExtraConfig).
 */
const IDP_CONFIG_ARGUMENTS: Readonly<Record<'oidc' | 'saml', Readonly<Record<string, boolean | string>>>> = {
  oidc: {
    validateSignature: false,
    backchannelSupported: true,
    disableUserInfo: false,
    disableTypeClaimCheck: false,
    acceptsPromptNoneForwardFromClient: false,
    uiLocales: false,
    syncMode: 'LEGACY',
  },
  saml: {
    validateSignature: false,
    backchannelSupported: false,
    postBindingAuthnRequest: false,
    postBindingResponse: false,
    postBindingLogout: false,
    forceAuthn: false,
    wantAssertionsSigned: false,
    wantAssertionsEncrypted: false,
    signatureAlgorithm: '',
    syncMode: 'LEGACY',
  },
};

/**
 * The identity provider a keycloak.oidc.IdentityProvider or keycloak.saml.IdentityProvider's
 * inputs declare, its config as the provider sends it: `extraConfig` (PKCE lives there for
 * OIDC: pkceEnabled, pkceMethod), then every typed argument or its default. Secrets
 * (clientSecret, and any extraConfig key that names one) are left out. Mappers are separate
 * resources and are not read here: `mappers` is empty.
 */
export function identityProviderSettingsFromInputs(
  protocol: 'oidc' | 'saml',
  props: Record<string, unknown>,
): Partial<IdentityProviderSettings> {
  const out: Partial<IdentityProviderSettings> = {
    providerId: str(props.providerId) ?? protocol,
    enabled: bool(props.enabled) ?? true,
    trustEmail: bool(props.trustEmail) ?? false,
    linkOnly: bool(props.linkOnly) ?? false,
    firstBrokerLoginFlowAlias: str(props.firstBrokerLoginFlowAlias) ?? 'first broker login',
    postBrokerLoginFlowAlias: str(props.postBrokerLoginFlowAlias) ?? '',
    mappers: [],
  };
  const alias = str(props.alias);
  if (alias !== undefined) out.alias = alias;
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(props.extraConfig) ?? {}))
    if (typeof value === 'string' && !isSecretConfigKey(key)) config[key] = value;
  for (const [argument, fallback] of Object.entries(IDP_CONFIG_ARGUMENTS[protocol])) {
    const given = props[argument];
    config[argument] = String(typeof given === typeof fallback ? given : fallback);
  }
  if (protocol === 'saml') {
    // Left out, it follows signatureAlgorithm: signed when an algorithm is given (the provider's own rule).
    config.wantAuthnRequestsSigned = String(bool(props.wantAuthnRequestsSigned) ?? config.signatureAlgorithm !== '');
  }
  out.config = config;
  return out;
}
