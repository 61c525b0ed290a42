/** The model's public API: types, loaders, durations, profiles and Keycloak's defaults. */
export * from './realm-settings.ts';
export * from './errors.ts';
export { REALM_FIELDS, type RealmFieldName, type RealmFieldValues } from './fields/realm.ts';
export type { FieldRow, FieldKind, KindValue, DiffClass, ProviderArgument } from './fields/field-row.ts';
export { loadRealmFile, loadRealmText } from './load.ts';
export { loadBaseline, loadBaselineText } from './baseline/load-baseline.ts';
export { readLiveRealm, type LiveRead, type LiveSource } from './live.ts';
export { isLoopbackHost, isPlainHttpToRemote } from './loopback.ts';
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
export { detectKind, type InputKind } from './load.ts';
export {
  BaselineSchema,
  type BaselineDocument,
  type BaselineClient,
  type BaselineKeyProvider,
} from './baseline/schema.ts';
export { representationToRealm, type KeyMetadata } from './export/to-settings.ts';
export { RealmRepresentationSchema, type RealmRepresentation } from './export/schema.ts';
export {
  TOKEN_VERSION_CLIENT_SCOPE,
  TOKEN_VERSION_DEFAULT_ATTRIBUTE,
  TOKEN_VERSION_DEFAULT_CLAIM,
  TOKEN_VERSION_MAPPER_TYPE,
} from './token-version.ts';
export {
  KEYCLOAK_EVENT_TYPES,
  KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES,
  KEYCLOAK_KEY_PROVIDER_TYPES,
  KEYCLOAK_GLOBAL_CLIENT_PROFILES,
  KEYCLOAK_DEFAULT_CLIENT_SCOPES,
  KEYCLOAK_OPTIONAL_CLIENT_SCOPES,
} from './keycloak-catalog.ts';
