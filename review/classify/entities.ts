/**
 * Collections of named objects (clients, key providers, client policies): matched by their
 * natural id, so an added or removed object is one change and a changed object is one change
 * per field, classified by the object's own table.
 */
import type { SettingValue, Verdict } from '../change.ts';
import { diffWithTable, type ClassifyContext, type DiffTable, type FieldChange, type FieldDiffer } from './differ.ts';

export interface EntityRules<E extends object> {
  key: (entity: E) => string;
  fields: DiffTable<E>;
  added: (entity: E, context: ClassifyContext) => Verdict;
  removed: (entity: E, context: ClassifyContext) => Verdict;
  /** What an added or removed object is shown as (a short description, never a secret). */
  summary: (entity: E) => SettingValue;
}

export function entities<E extends object>(rules: EntityRules<E>): FieldDiffer<readonly E[] | undefined> {
  return (before, after, context) => {
    if (before === undefined || after === undefined) return [];
    const old = new Map(before.map((entity) => [rules.key(entity), entity]));
    const now = new Map(after.map((entity) => [rules.key(entity), entity]));
    const changes: FieldChange[] = [];
    for (const [id, entity] of now) {
      const previous = old.get(id);
      if (previous === undefined) {
        changes.push({
          subPath: [id],
          before: undefined,
          after: rules.summary(entity),
          ...rules.added(entity, context),
        });
        continue;
      }
      const entityContext = { ...context, entityId: id };
      for (const change of diffWithTable(rules.fields, previous, entity, entityContext)) {
        changes.push({ ...change, subPath: [id, ...change.subPath] });
      }
    }
    for (const [id, entity] of old) {
      if (!now.has(id))
        changes.push({
          subPath: [id],
          before: rules.summary(entity),
          after: undefined,
          ...rules.removed(entity, context),
        });
    }
    return changes;
  };
}
