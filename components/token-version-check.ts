/**
 * The backend half of the token-version claim: refuse an access token whose `token_version`
 * claim is lower than the user's current version (the user attribute, bumped by
 * `realmguard incident bump-token-version` when the user's tokens must die at once).
 *
 * This closes the gap that every Keycloak-side revocation leaves for resource servers that
 * validate JWTs locally: without it, such a token stays valid until it expires. Call it after
 * the signature, issuer, audience and expiry checks, with the version from your user store or a
 * short-lived cache of the Keycloak attribute. Its limit: a backend that does not call it (or
 * reads a stale current version) still accepts old tokens until they expire.
 *
 * No Pulumi here: backends can import this file alone (its one import, the claim's default
 * name, is a constant with no imports of its own).
 */
import { TOKEN_VERSION_DEFAULT_CLAIM } from '../model/token-version.ts';

export interface TokenVersionOptions {
  /** The claim name. Default 'token_version'. */
  claim?: string;
}

/** Why a token was refused. */
export class StaleTokenError extends Error {
  override name = 'StaleTokenError';
  constructor(
    readonly tokenVersion: number,
    readonly currentVersion: number,
  ) {
    super(`token version ${tokenVersion} is older than the user's current version ${currentVersion}`);
  }
}

/**
 * The version a token carries. A token without the claim counts as version 0 (issued before
 * the user ever had a version); a claim that is not a whole number ≥ 0 is undefined, and the
 * checks below refuse it.
 */
export function tokenVersionOf(
  claims: Readonly<Record<string, unknown>>,
  options: TokenVersionOptions = {},
): number | undefined {
  const value = claims[options.claim ?? TOKEN_VERSION_DEFAULT_CLAIM];
  if (value === undefined || value === null) return 0;
  const version = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof version === 'number' && Number.isSafeInteger(version) && version >= 0 ? version : undefined;
}

/** True when the token's version is at least the user's current version. A malformed claim is never current. */
export function isTokenVersionCurrent(
  claims: Readonly<Record<string, unknown>>,
  currentVersion: number,
  options: TokenVersionOptions = {},
): boolean {
  if (!Number.isSafeInteger(currentVersion) || currentVersion < 0) {
    throw new RangeError(`current token version must be a whole number ≥ 0, not ${currentVersion}`);
  }
  const version = tokenVersionOf(claims, options);
  return version !== undefined && version >= currentVersion;
}

/** Throws StaleTokenError unless the token's version is current. */
export function assertTokenVersionCurrent(
  claims: Readonly<Record<string, unknown>>,
  currentVersion: number,
  options: TokenVersionOptions = {},
): void {
  if (!isTokenVersionCurrent(claims, currentVersion, options)) {
    throw new StaleTokenError(tokenVersionOf(claims, options) ?? -1, currentVersion);
  }
}

/** The current version from Keycloak's user attribute value(s) (missing = 0). */
export function currentVersionFromAttribute(values: readonly string[] | undefined): number {
  const first = values?.[0];
  if (first === undefined || first === '') return 0;
  if (!/^\d+$/.test(first)) throw new RangeError(`token version attribute '${first}' is not a whole number`);
  return Number(first);
}
