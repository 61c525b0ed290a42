/** The model's public API: types, loaders, durations, profiles and Keycloak's defaults. */
export * from './realm-settings.ts';
export * from './errors.ts';
export { loadRealmFile, loadRealmText } from './load.ts';
export { loadBaseline, loadBaselineText } from './baseline/load-baseline.ts';
export { readLiveRealm } from './live.ts';
export { parseDuration, formatDuration, isDuration, DurationError, DURATION_HINT } from './durations.ts';
export {
  type Profile,
  type RealmProfileValues,
  type ClientProfileValues,
  type KeyProfileValues,
  PROFILES,
  DEFAULT_PROFILE,
  REQUIRED_EVENT_TYPES,
  KEYCLOAK_BROWSER_SECURITY_HEADERS,
  realmProfileValues,
  clientProfileValues,
  keyProfileValues,
  clientPolicyProfileValues,
  isProfile,
} from './profiles.ts';
export {
  type RealmDefaults,
  type ClientDefaults,
  KEYCLOAK_REALM_DEFAULTS,
  KEYCLOAK_CLIENT_DEFAULTS,
  KEYCLOAK_KEY_DEFAULTS,
  realmDefaults,
  clientDefaults,
} from './keycloak-defaults.ts';
