/**
 * How each realm setting is judged. Every field of RealmSettings has a line here (the type
 * checker refuses a missing one); the reasons cite the standard the direction comes from
 * (notes/rule-catalogue.md).
 */
import type { ClientPolicySettings, RealmSettings, TokenVersionClaimSettings } from '../../model/realm-settings.ts';
import { SIGNATURE_ALGORITHM_ORDER } from './algorithms.ts';
import { CLIENTS } from './client-table.ts';
import {
  higherIsSafer,
  ignored,
  lowerIsSafer,
  mapOf,
  neutral,
  neutralVerdict,
  ranked,
  safeWhen,
  setOf,
  strengthens,
  weakens,
  type DiffTable,
  type FieldChange,
  type FieldDiffer,
} from './differ.ts';
import { entities } from './entities.ts';
import { KEY_PROVIDERS } from './key-table.ts';
import { passwordPolicy } from './password-policy.ts';
import { securityHeader } from './security-headers.ts';

const seconds = { unit: 'seconds' } as const;
/** Client session values of 0 fall back to the SSO session values. */
const orSsoIdle = { unit: 'seconds', zero: (realm: RealmSettings) => realm.ssoSessionIdleTimeout } as const;
const orSsoMax = { unit: 'seconds', zero: (realm: RealmSettings) => realm.ssoSessionMaxLifespan } as const;

const CLIENT_POLICY_TABLE: DiffTable<ClientPolicySettings> = {
  name: ignored,
  enabled: safeWhen(true, 'client policy disabled: its profiles no longer apply'),
  profiles: setOf({
    added: (profile) => strengthens(`client profile ${profile} now enforced`),
    removed: (profile) => weakens(`client profile ${profile} no longer enforced`),
  }),
};

const enforces = (policy: ClientPolicySettings): boolean => policy.enabled && policy.profiles.length > 0;

const CLIENT_POLICIES = entities<ClientPolicySettings>({
  key: (policy) => policy.name,
  fields: CLIENT_POLICY_TABLE,
  added: (policy) => (enforces(policy) ? strengthens(`client policy enforces ${policy.profiles.join(', ')}`) : neutralVerdict('client policy added, enforces nothing')),
  removed: (policy) => (enforces(policy) ? weakens(`client policy no longer enforces ${policy.profiles.join(', ')}`) : neutralVerdict('client policy removed')),
  summary: (policy) => `${policy.enabled ? 'enabled' : 'disabled'} policy: ${policy.profiles.join(', ') || 'no profiles'}`,
});

const TOKEN_VERSION_TABLE: DiffTable<TokenVersionClaimSettings> = {
  attribute: neutral('user attribute holding the token version renamed'),
  claim: neutral('token-version claim renamed (backends must read the new name)'),
  clients: setOf({
    added: () => strengthens('client carries the token-version claim'),
    removed: () => weakens('client no longer carries the token-version claim'),
  }),
};

/** The token-version claim lets backends reject tokens of a user whose version was bumped. */
const tokenVersionClaim: FieldDiffer<TokenVersionClaimSettings | undefined> = (before, after, context) => {
  const describe = (claim: TokenVersionClaimSettings) => `claim ${claim.claim} from attribute ${claim.attribute}`;
  if (before === undefined && after === undefined) return [];
  if (before === undefined && after !== undefined) {
    return [{ subPath: [], before: undefined, after: describe(after), ...strengthens('token-version claim added: backends can reject tokens of a bumped user') }];
  }
  if (before !== undefined && after === undefined) {
    return [{ subPath: [], before: describe(before), after: undefined, ...weakens('token-version claim removed: bumping a user no longer revokes tokens') }];
  }
  const changes: FieldChange[] = [];
  for (const field of ['attribute', 'claim', 'clients'] as const) {
    const differ = TOKEN_VERSION_TABLE[field] as FieldDiffer<unknown>;
    for (const change of differ(before?.[field], after?.[field], context)) changes.push({ ...change, subPath: [field, ...change.subPath] });
  }
  return changes;
};

export const REALM_TABLE: DiffTable<RealmSettings> = {
  realm: ignored,
  // Which Keycloak wrote an export is not a setting; what it changes shows in the findings' diff.
  keycloakVersion: ignored,
  enabled: neutral('realm switched on or off (availability, not hardening)'),
  sslRequired: ranked([['none'], ['external'], ['all']], 'HTTPS required for fewer requests (RFC 9700 §2.6)'),

  accessTokenLifespan: lowerIsSafer('a stolen access token stays usable longer (FAPI 1.0 §5.2.2-21)', seconds),
  accessTokenLifespanForImplicitFlow: lowerIsSafer('implicit-flow access tokens live longer', seconds),
  accessCodeLifespan: lowerIsSafer('authorization codes stay redeemable longer (ASVS 10.4.3)', seconds),
  revokeRefreshToken: safeWhen(true, 'refresh-token rotation off: a stolen refresh token can be reused (RFC 9700 §2.2.2)'),
  refreshTokenMaxReuse: lowerIsSafer('a refresh token may be reused more often (RFC 9700 §4.14.2)'),
  notBefore: higherIsSafer('tokens issued before an earlier revocation point are accepted again', seconds),

  ssoSessionIdleTimeout: lowerIsSafer('idle sessions live longer (NIST SP 800-63B-4, ASVS 7.3.1)', seconds),
  ssoSessionMaxLifespan: lowerIsSafer('sessions live longer before reauthentication (ASVS 7.3.2)', { unit: 'seconds', zero: 'unlimited' }),
  rememberMe: safeWhen(false, 'remember-me on: longer-lived sessions'),
  ssoSessionIdleTimeoutRememberMe: lowerIsSafer('remember-me sessions idle longer', orSsoIdle),
  ssoSessionMaxLifespanRememberMe: lowerIsSafer('remember-me sessions live longer', orSsoMax),
  clientSessionIdleTimeout: lowerIsSafer('idle client sessions live longer', orSsoIdle),
  clientSessionMaxLifespan: lowerIsSafer('client sessions live longer', orSsoMax),
  offlineSessionIdleTimeout: lowerIsSafer('idle offline sessions live longer', seconds),
  offlineSessionMaxLifespanEnabled: safeWhen(true, 'offline sessions no longer have an absolute limit (ASVS 10.4.8)'),
  offlineSessionMaxLifespan: lowerIsSafer('offline sessions live longer (ASVS 10.4.8)', seconds),

  bruteForceProtected: safeWhen(true, 'brute-force protection off (ASVS 6.3.1)'),
  permanentLockout: safeWhen(true, 'lockouts are no longer permanent'),
  failureFactor: lowerIsSafer('more failed logins allowed before a lockout (ASVS 6.3.1)'),
  waitIncrementSeconds: higherIsSafer('shorter lockout after failed logins', seconds),
  maxFailureWaitSeconds: higherIsSafer('shorter longest lockout', seconds),
  minimumQuickLoginWaitSeconds: higherIsSafer('shorter lockout after too-quick logins', seconds),
  quickLoginCheckMilliSeconds: higherIsSafer('fewer rapid logins count as an attack', { unit: 'milliseconds' }),
  maxDeltaTimeSeconds: higherIsSafer('failed-login counts reset sooner', seconds),
  passwordPolicy,
  defaultSignatureAlgorithm: ranked(SIGNATURE_ALGORITHM_ORDER, 'weaker token signature algorithm (RFC 8725 §3.1, FAPI 2.0)'),
  browserSecurityHeaders: mapOf(securityHeader),

  eventsEnabled: safeWhen(true, 'login events no longer recorded (ASVS 16.3.1)'),
  eventsExpiration: higherIsSafer('login events kept for less time', { unit: 'seconds', zero: 'unlimited' }),
  enabledEventTypes: setOf({
    added: (type) => strengthens(`${type} events recorded`),
    removed: (type) => weakens(`${type} events no longer recorded`),
  }),
  eventsListeners: setOf({
    added: () => neutralVerdict('event listener added'),
    removed: (listener) => weakens(`events no longer sent to ${listener}`),
  }),
  adminEventsEnabled: safeWhen(true, 'admin events no longer recorded (ASVS 16.3.3)'),
  adminEventsDetailsEnabled: safeWhen(true, 'admin events no longer include details (ASVS 16.3.3)'),

  keyProviders: KEY_PROVIDERS,
  compromisedKeys: setOf({
    added: () => strengthens('key declared compromised: it must never sign or verify again'),
    removed: () => weakens('key no longer declared compromised: it may come back'),
  }),

  clients: CLIENTS,
  clientPolicies: CLIENT_POLICIES,
  clientProfiles: setOf({
    added: () => neutralVerdict('client profile defined (policies decide where it applies)'),
    removed: () => neutralVerdict('client profile definition removed'),
  }),
  tokenVersionClaim,
};
