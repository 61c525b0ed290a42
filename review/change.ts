/**
 * The vocabulary of a review: one changed setting, and what the change does to the realm's
 * security. `diff` produces these between two versions of a realm; `audit --baseline` produces
 * them between what a baseline declares and what the live realm holds (drift).
 */
import type { FieldPath, SourcePosition } from '../model/realm-settings.ts';
import type { EntityKind } from '../policies/finding.ts';

/** What a change does to security: the only three answers a reviewer needs. */
export type Effect = 'weakens' | 'strengthens' | 'neutral';

/** Most important first (the order of every report). */
export const EFFECTS: readonly Effect[] = ['weakens', 'strengthens', 'neutral'];

export interface Verdict {
  effect: Effect;
  /** Why, in a few words a reviewer understands without the rule catalogue. */
  reason: string;
}

/** The thing a changed setting belongs to. */
/** What a change is about: the entities findings name (policies/finding.ts), plus client policies and the token-version claim. */
export type ChangedEntityKind = EntityKind | 'client-policy' | 'token-version-claim';

export interface ChangedEntity {
  kind: ChangedEntityKind;
  /** Realm name, clientId, key provider name or client policy name. */
  id: string;
}

/** How to print a value: durations in seconds or milliseconds get a human form beside them. */
export type ValueUnit = 'seconds' | 'milliseconds';

/** A value as it appears in a change; undefined means absent on that side. */
export type SettingValue =
  string | number | boolean | null | readonly SettingValue[] | { readonly [key: string]: SettingValue };

export interface SettingChange extends Verdict {
  realm: string;
  entity: ChangedEntity;
  /** The model path, e.g. ['clients', 'web', 'attributes', 'pkce.code.challenge.method']. */
  path: FieldPath;
  /** The setting as shown to people: the path below the entity, e.g. 'attributes.pkce.code.challenge.method'. */
  setting: string;
  /** Value before (or as declared, for drift); undefined when absent. */
  before: SettingValue | undefined;
  /** Value after (or live, for drift); undefined when absent. */
  after: SettingValue | undefined;
  unit?: ValueUnit;
  /** Where the new value (or, when removed, the old one) is written, when the input was a file. */
  location?: SourcePosition;
}

export function effectOrder(effect: Effect): number {
  return EFFECTS.indexOf(effect);
}

/** The last sort key: the value as text (a mapping as JSON, where String() would say [object Object]). */
function tieBreak(change: SettingChange): string {
  const value = change.after ?? change.before;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/** Weakens first, then realm, entity and setting: deterministic, and what matters on top. */
export function compareChanges(a: SettingChange, b: SettingChange): number {
  return (
    effectOrder(a.effect) - effectOrder(b.effect) ||
    a.realm.localeCompare(b.realm) ||
    a.entity.kind.localeCompare(b.entity.kind) ||
    a.entity.id.localeCompare(b.entity.id) ||
    a.setting.localeCompare(b.setting) ||
    tieBreak(a).localeCompare(tieBreak(b))
  );
}
