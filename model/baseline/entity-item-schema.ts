/**
 * The baseline schema of one list item of an entity (a `keys.providers` item, a `clientPolicies`
 * item), built from the entity's field table: one key per row with a baseline column, described
 * by the row. The TypeScript type follows the rows too, so the adapter reads what the schema says.
 */
import { Optional as Opt, Type, type TOptional, type TSchema, type TUnsafe } from '@sinclair/typebox';
import type { FieldKind } from '../fields/field-row.ts';
import type { BaselineValueOf, EntityBaselineKey } from '../fields/entity-row.ts';
import { Bool, Closed, StringEnum, Text, TextList } from './schema-parts.ts';

interface ItemRow {
  kind: FieldKind;
  doc: string;
  baseline?: EntityBaselineKey;
}

type BaselineKeyOf<Row> = Row extends { baseline: { key: infer Key extends string } } ? Key : never;
type PropertyOf<Row> = Row extends { kind: infer Kind extends FieldKind; baseline: infer Baseline }
  ? Baseline extends { required: true }
    ? TUnsafe<BaselineValueOf<Kind, Baseline>>
    : TOptional<TUnsafe<BaselineValueOf<Kind, Baseline>>>
  : never;

/** The item's keys: one per row with a baseline key (two rows may share one, e.g. a key's `state`). */
export type ItemProperties<Table> = {
  [F in keyof Table as BaselineKeyOf<Table[F]>]: PropertyOf<Table[F]>;
};

function keySchema(row: ItemRow & { baseline: EntityBaselineKey }): TSchema {
  const { baseline } = row;
  const description = baseline.description ?? row.doc;
  // A fixed set of values, whatever the model makes of them (a key's `state` sets two switches).
  if (baseline.oneOf && row.kind !== 'text-list') return StringEnum(baseline.oneOf, description);
  switch (row.kind) {
    case 'count':
      return Type.Integer({ ...(baseline.minimum !== undefined ? { minimum: baseline.minimum } : {}), description });
    case 'boolean':
      return Bool(description);
    case 'text':
      return baseline.format ? Type.String({ format: baseline.format, description }) : Text(description);
    case 'text-list':
      // A list of fixed values: each item says what it is.
      return baseline.oneOf
        ? Type.Array(StringEnum(baseline.oneOf, description), {
            ...(baseline.minItems !== undefined ? { minItems: baseline.minItems } : {}),
            uniqueItems: true,
          })
        : TextList(description);
    default:
      throw new Error(`entity item schema: no baseline schema for a ${row.kind} field (${baseline.key})`);
  }
}

/** The closed object schema of one item, from its table's rows. */
export function itemSchema<Table extends Record<string, ItemRow>>(table: Table) {
  const properties: Record<string, TSchema> = {};
  for (const row of Object.values(table)) {
    const { baseline } = row;
    if (!baseline || Object.hasOwn(properties, baseline.key)) continue;
    const schema = keySchema({ ...row, baseline });
    properties[baseline.key] = baseline.required ? schema : Opt(schema);
  }
  return Closed(properties as ItemProperties<Table>);
}
