/**
 * How Keycloak matches a redirect (or post-logout redirect) URI against a client's registered
 * patterns, as far as the redirect rule needs it. Each reading is shown on the real server in
 * test/integration/policies/redirect-matching.test.ts (Keycloak 26.7.3):
 *
 * - `*` alone accepts every http(s) URL, and `https://*` every https URL.
 * - A `*` is a wildcard only as the last character; anywhere else it is compared literally, so a
 *   `*` in the host (`https://*.example.com/cb`) names no real host: the entry is dead.
 * - A trailing `*` right after the authority (`https://host*`) was a plain prefix match, reaching
 *   `https://host.evil.example/`, until Keycloak issue #48430 (commit 1cec1844, PR #48793,
 *   backported in #49183 and #49188): since 26.4.13, 26.6.3 and 26.7.0 it is read as
 *   `https://host/*`, a path wildcard on that one host.
 */

export type PatternReading =
  | { kind: 'exact' }
  | { kind: 'everything' }
  | { kind: 'dead' }
  | { kind: 'path' }
  /** A `*` glued to the authority: `hostBoundary` says whether the realm's Keycloak stops at the host. */
  | { kind: 'after-host'; hostBoundary: 'enforced' | 'prefix-match' | 'unknown'; asPath: string };

/** The first release from main with the fix: every later minor line has it too. */
const HOST_BOUNDARY_MAIN = [26, 7] as const;

/** The first release of each older line that got the fix as a backport (issue #48430). */
const HOST_BOUNDARY_SINCE: ReadonlyArray<readonly [major: number, minor: number, patch: number]> = [
  [26, 4, 13],
  [26, 6, 3],
];

/** Whether a Keycloak version (as an export's `keycloakVersion`) reads `https://host*` as `https://host/*`. */
export function enforcesHostBoundary(version: string | undefined): boolean | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return undefined;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (major !== HOST_BOUNDARY_MAIN[0]) return major > HOST_BOUNDARY_MAIN[0];
  if (minor >= HOST_BOUNDARY_MAIN[1]) return true;
  const line = HOST_BOUNDARY_SINCE.find(([, lineMinor]) => lineMinor === minor);
  return line !== undefined && patch >= line[2];
}

/** What a registered pattern matches on a realm of the given Keycloak version. */
export function readPattern(pattern: string, keycloakVersion: string | undefined): PatternReading {
  if (pattern === '*') return { kind: 'everything' };
  if (!pattern.includes('*')) return { kind: 'exact' };
  const trailing = pattern.endsWith('*');
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(pattern)?.[1];
  if (authority === '*' && pattern.endsWith('//*')) return { kind: 'everything' };
  if (authority?.includes('*')) {
    if (trailing && pattern.endsWith(`//${authority}`) && authority.indexOf('*') === authority.length - 1) {
      const boundary = enforcesHostBoundary(keycloakVersion);
      return {
        kind: 'after-host',
        hostBoundary: boundary === undefined ? 'unknown' : boundary ? 'enforced' : 'prefix-match',
        asPath: `${pattern.slice(0, -1)}/*`,
      };
    }
    return { kind: 'dead' }; // a literal '*' in the host: no real host has it
  }
  return trailing ? { kind: 'path' } : { kind: 'exact' }; // elsewhere a '*' before the end is literal
}
