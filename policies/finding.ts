/**
 * Finding: one rule violation on one field of one realm object. The same shape comes out of
 * `check`, `audit` and `diff`, and goes into every formatter.
 */
import { createHash } from 'node:crypto';
import type { FieldPath, SourcePosition } from '../model/realm-settings.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher is more severe: critical 4 … info 0. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export type EntityKind = 'realm' | 'client' | 'key-provider';

export interface EntityRef {
  kind: EntityKind;
  /** Realm name, clientId or key provider name. */
  id: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Realm name. */
  realm: string;
  /** The client or key provider the finding is about; absent for realm-wide settings. */
  entity?: EntityRef;
  path: FieldPath;
  /** Which of the rule's messages this is (stable for tests and tools; the text may change). */
  messageId: string;
  message: string;
  location?: SourcePosition;
  /**
   * Stable across runs and across unrelated edits of the file: a hash of realm, entity, rule
   * and path, never of the message or the line, so suppressions and code-scanning alerts
   * follow the finding.
   */
  fingerprint: string;
}

/** The entity a model path belongs to: ['clients', id, …] and ['keyProviders', name, …]. */
export function entityOfPath(path: FieldPath): EntityRef | undefined {
  const [collection, id] = path;
  if (id === undefined) return undefined;
  if (collection === 'clients') return { kind: 'client', id };
  if (collection === 'keyProviders') return { kind: 'key-provider', id };
  return undefined;
}

export function fingerprintOf(realm: string, entity: EntityRef | undefined, ruleId: string, path: FieldPath): string {
  const parts = [realm, entity ? `${entity.kind}:${entity.id}` : '', ruleId, ...path];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** Most severe first, then realm, entity, rule and path, so every output is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.realm.localeCompare(b.realm) ||
    (a.entity?.id ?? '').localeCompare(b.entity?.id ?? '') ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.path.join('.').localeCompare(b.path.join('.'))
  );
}
