/**
 * The building blocks of the classification tables: a FieldDiffer turns the old and new value of
 * one model field into zero or more classified changes. The tables in this folder are written
 * only with the small helpers below, so each setting's rule reads as one line.
 */
import type { RealmSettings } from '../../model/realm-settings.ts';
import type { Effect, SettingValue, ValueUnit, Verdict } from '../change.ts';
import type { SensitiveRoleLists } from './sensitive-grants.ts';

/** Both realms, for settings whose effective value falls back to a realm value (0 = inherit). */
export interface ClassifyContext {
  before: RealmSettings;
  after: RealmSettings;
  /** The client, key provider or policy being compared, inside an entity table. */
  entityId?: string;
  /** The roles a grant is sensitive for, per holder (the policy config's; default: the built-in list). */
  sensitiveRoles?: SensitiveRoleLists;
}

/** One classified change below the field it was found in (subPath is relative to that field). */
export interface FieldChange extends Verdict {
  subPath: string[];
  before: SettingValue | undefined;
  after: SettingValue | undefined;
  unit?: ValueUnit;
}

export type FieldDiffer<T> = (before: T, after: T, context: ClassifyContext) => FieldChange[];

/**
 * A classification table: one differ for every field of T, optional fields included, so the
 * type checker refuses a table that forgets a field of the model.
 */
export type DiffTable<T> = { [K in keyof T]-?: FieldDiffer<T[K] | undefined> };

export const weakens = (reason: string): Verdict => ({ effect: 'weakens', reason });
export const strengthens = (reason: string): Verdict => ({ effect: 'strengthens', reason });
export const neutralVerdict = (reason: string): Verdict => ({ effect: 'neutral', reason });

export function verdict(effect: Effect, reason: string): Verdict {
  return { effect, reason };
}

/** Not security-relevant or not comparable between sources (ids, key ids): never reported. */
export const ignored: FieldDiffer<unknown> = () => [];

/**
 * A single value. Absent on either side means the source does not know it (a file has no
 * component id, a live realm no passive-since date): nothing to compare.
 */
export function scalar<T extends SettingValue>(
  classify: (before: T, after: T, context: ClassifyContext) => Verdict,
  unit?: ValueUnit,
): FieldDiffer<T | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined || sameValue(before, after)) return [];
    return [{ subPath: [], before, after, ...classify(before, after, context), ...(unit ? { unit } : {}) }];
  };
}

/** Every change of this field is neutral, for the given reason. */
export function neutral(reason: string): FieldDiffer<SettingValue | undefined> {
  return scalar(() => neutralVerdict(reason));
}

export interface NumberOptions {
  unit?: ValueUnit;
  /** What 0 means: no limit at all, or "use the value of the realm setting" (inherit). */
  zero?: 'unlimited' | ((realm: RealmSettings) => number);
}

/** Larger numbers are riskier: lifespans, timeouts, allowed failures, reuse counts. */
export function lowerIsSafer(why: string, options: NumberOptions = {}): FieldDiffer<number | undefined> {
  return numeric('lower', why, options);
}

/** Larger numbers are safer: key sizes, lockout waits, how long events are kept. */
export function higherIsSafer(why: string, options: NumberOptions = {}): FieldDiffer<number | undefined> {
  return numeric('higher', why, options);
}

function numeric(safer: 'lower' | 'higher', why: string, options: NumberOptions): FieldDiffer<number | undefined> {
  return scalar<number>((before, after, context) => {
    const from = effectiveNumber(before, options, context.before);
    const to = effectiveNumber(after, options, context.after);
    return compareNumbers(from, to, safer, why);
  }, options.unit);
}

export function effectiveNumber(value: number, options: NumberOptions, realm: RealmSettings): number {
  if (value !== 0 || options.zero === undefined) return value;
  return options.zero === 'unlimited' ? Number.POSITIVE_INFINITY : options.zero(realm);
}

export function compareNumbers(from: number, to: number, safer: 'lower' | 'higher', why: string): Verdict {
  if (from === to) return neutralVerdict('same effective value');
  const lowered = to < from;
  const safe = safer === 'lower' ? lowered : !lowered;
  return safe ? strengthens(`${lowered ? 'lowered' : 'raised'}: ${safer} is safer${citationOf(why)}`) : weakens(why);
}

/** A switch with one safe position. */
export function safeWhen(safe: boolean, why: string): FieldDiffer<boolean | undefined> {
  return scalar<boolean>((_before, after) => (after === safe ? strengthens(`turned ${onOff(after)}`) : weakens(why)));
}

export function onOff(value: boolean): string {
  return value ? 'on' : 'off';
}

/**
 * A value from an ordered list, weakest first; values in one inner list are equally strong.
 * A value the list does not know is neutral (reported, not judged).
 */
export function ranked(order: readonly (readonly string[])[], why: string): FieldDiffer<string | undefined> {
  return scalar<string>((before, after) => compareRanks(rankOf(order, before), rankOf(order, after), why));
}

export function rankOf(order: readonly (readonly string[])[], value: string): number | undefined {
  const index = order.findIndex((group) => group.includes(value));
  return index < 0 ? undefined : index;
}

export function compareRanks(from: number | undefined, to: number | undefined, why: string): Verdict {
  if (from === undefined || to === undefined) return neutralVerdict('value realmguard does not rank');
  if (from === to) return neutralVerdict('equally strong');
  return to > from ? strengthens(`stronger value${citationOf(why)}`) : weakens(why);
}

/** ' (RFC 9700 §2.6)' when a reason ends with a citation in parentheses, else ''. */
export function citationOf(why: string): string {
  const citation = /\(([^()]*(?:RFC|ASVS|NIST|FAPI|OWASP)[^()]*)\)\s*$/.exec(why)?.[1];
  return citation ? ` (${citation})` : '';
}

export interface SetRules {
  added: (item: string, context: ClassifyContext) => Verdict;
  removed: (item: string, context: ClassifyContext) => Verdict;
}

/** A list compared as a set: one change per added or removed item. */
export function setOf(rules: SetRules): FieldDiffer<readonly string[] | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    const old = new Set(before);
    const now = new Set(after);
    const changes: FieldChange[] = [];
    for (const item of now) {
      if (!old.has(item)) changes.push({ subPath: [], before: undefined, after: item, ...rules.added(item, context) });
    }
    for (const item of old) {
      if (!now.has(item))
        changes.push({ subPath: [], before: item, after: undefined, ...rules.removed(item, context) });
    }
    return changes;
  };
}

/** A string map (browser headers, client attributes): each key has its own differ. */
export function mapOf(
  differFor: (key: string) => FieldDiffer<string | undefined>,
): FieldDiffer<Readonly<Record<string, string>> | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) =>
      differFor(key)(before[key], after[key], context).map((change) => ({
        ...change,
        subPath: [key, ...change.subPath],
      })),
    );
  };
}

/** Compares two model values for equality: arrays in order, objects by keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Runs a table over two objects of the same type. */
export function diffWithTable<T extends object>(
  table: DiffTable<T>,
  before: T,
  after: T,
  context: ClassifyContext,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of Object.keys(table) as (keyof T & string)[]) {
    const differ = table[field] as FieldDiffer<unknown>;
    for (const change of differ(before[field], after[field], context)) {
      changes.push({ ...change, subPath: [field, ...change.subPath] });
    }
  }
  return changes;
}
