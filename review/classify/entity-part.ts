/**
 * An optional part of the realm (access, authentication, user profile): absent on either side
 * means that source does not say (a baseline without it, an older export), so nothing is
 * compared — a change shows only between two sources that both carry the part.
 */
import { diffWithTable, neutralVerdict, type DiffTable, type FieldDiffer } from './differ.ts';

export function knownPart<T extends object>(table: DiffTable<T>): FieldDiffer<T | undefined> {
  return (before, after, context) =>
    before === undefined || after === undefined ? [] : diffWithTable(table, before, after, context);
}

/**
 * Every change is neutral, set or unset included: for optional values and map keys where absent
 * means "not set" (an IdP's issuer, a scope's consent text), not "the source does not say".
 */
export function anyChange(reason: string): FieldDiffer<string | undefined> {
  return (before, after) => (before === after ? [] : [{ subPath: [], before, after, ...neutralVerdict(reason) }]);
}
