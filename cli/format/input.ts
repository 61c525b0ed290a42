/** What every formatter takes: findings plus, when there are any, suppressions and run facts. */
import type { EntityKind, Finding } from '../../policies/finding.ts';
import type { ExpiredSuppression, RuleRunResult, SuppressedFinding } from '../../policies/run.ts';

export interface FormatInput {
  findings: readonly Finding[];
  suppressed?: readonly SuppressedFinding[];
  expiredSuppressions?: readonly ExpiredSuppression[];
  /** Which realms ran, from which file, with which profile (check and audit fill it). */
  realms?: RuleRunResult['realms'];
}

export interface FormatOptions {
  /** ANSI colors (text only). The CLI decides: a TTY, and NO_COLOR unset. */
  color?: boolean;
  /** Heading for markdown, e.g. 'realmguard check'. */
  title?: string;
}

type RealmRun = NonNullable<FormatInput['realms']>[number];

/** Realm runs by name, built once per input: a lookup per finding stays O(1) with many realms. */
const runIndex = new WeakMap<FormatInput, Map<string, RealmRun>>();

export function runsByRealm(input: FormatInput): Map<string, RealmRun> {
  let runs = runIndex.get(input);
  if (!runs) {
    runs = new Map();
    // The first run of a realm name wins, as Array.find did.
    for (const run of input.realms ?? []) if (!runs.has(run.realm)) runs.set(run.realm, run);
    runIndex.set(input, runs);
  }
  return runs;
}

/** "file:line:column", or the realm's origin when the field has no position. */
export function locationText(finding: Finding, input: FormatInput): string {
  if (finding.location) return `${finding.location.file}:${finding.location.line}:${finding.location.column}`;
  return runsByRealm(input).get(finding.realm)?.origin ?? '';
}

/** "clients.web-app.attributes.pkce.code.challenge.method" reads better with brackets for dotted keys. */
export function pathText(path: readonly string[]): string {
  return path
    .map((segment, index) => (index === 0 ? segment : /^[\w-]+$/.test(segment) ? `.${segment}` : `["${segment}"]`))
    .join('');
}

/** How each kind of entity is named in reports. */
export const ENTITY_NOUN: Record<EntityKind, string> = {
  realm: 'realm',
  client: 'client',
  'key-provider': 'key provider',
  'identity-provider': 'identity provider',
  'client-scope': 'client scope',
  role: 'role',
  group: 'group',
  'service-account': 'service account of',
  'authentication-flow': 'authentication flow',
};

export function entityText(finding: Finding): string {
  if (!finding.entity) return 'realm settings';
  return `${ENTITY_NOUN[finding.entity.kind]} ${finding.entity.id}`;
}
