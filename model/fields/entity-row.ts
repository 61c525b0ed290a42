/**
 * Columns the entity field tables share (model/fields/key-provider.ts, client-policy.ts): an
 * entity is one item of a list (a key provider, a client policy), so its baseline keys are the
 * keys of one list item, not a path from the document's root.
 */
import type { FieldKind, KindValue } from './field-row.ts';

/** Where a baseline list item sets the field, and what the baseline schema accepts there. */
export interface EntityBaselineKey {
  /** The item's key, e.g. `keySize` in a `keys.providers` item. */
  key: string;
  /** Every item must have it. */
  required?: true;
  /**
   * The key's value is not the model's (a `state` for two switches, a `type` with a default that
   * follows the realm): model/baseline/to-settings.ts converts it by hand.
   */
  custom?: true;
  /** The key's description when it is not the row's doc (two rows share the key). */
  description?: string;
  /** Smallest accepted number (none: any whole number). */
  minimum?: number;
  /** The accepted values: of the text, or of each item of a list. */
  oneOf?: readonly string[];
  /** A JSON Schema format the text must have. */
  format?: 'date';
  /** Fewest items of a list. */
  minItems?: number;
  /** What an item that leaves the key out means (absent: the profile decides, or the field stays unset). */
  default?: boolean | number | string;
}

/** The value the baseline key holds: one of its accepted values, else the kind's value. */
export type BaselineValueOf<Kind extends FieldKind, Baseline> = Baseline extends {
  oneOf: readonly (infer Value extends string)[];
}
  ? Kind extends 'text-list'
    ? Value[]
    : Value
  : KindValue[Kind];
