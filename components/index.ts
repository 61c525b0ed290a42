/** The Pulumi components: a hardened realm, its clients, keys and token-version claim. */
export {
  HardenedRealm,
  hardenedRealmSettings,
  type HardenedRealmArgs,
  type RealmLevelSettings,
  type Duration,
} from './hardened-realm.ts';
export {
  HardenedClient,
  hardenedClientSettings,
  checkedClientSettings,
  type HardenedClientArgs,
  type HardenedClientOptions,
  type HardenedClientFromSettings,
} from './hardened-client.ts';
export { RealmKeys, planKeys, type RealmKeysArgs, type KeyDeclaration, type PlannedKey } from './realm-keys.ts';
export { TokenVersionClaim, tokenVersionPlan, type TokenVersionClaimArgs } from './token-version-claim.ts';
export {
  isTokenVersionCurrent,
  assertTokenVersionCurrent,
  tokenVersionOf,
  currentVersionFromAttribute,
  StaleTokenError,
  type TokenVersionOptions,
} from './token-version-check.ts';
export {
  HardenedRealmFromBaseline,
  planBaseline,
  type HardenedRealmFromBaselineArgs,
  type BaselinePlan,
} from './hardened-realm-from-baseline.ts';
export { resourceNameFor } from './resource-name.ts';
/** Keycloak's own keys: a fact of the model, re-exported for component users. */
export { KEYCLOAK_BUILT_IN_KEYS } from '../model/keycloak-keys.ts';
