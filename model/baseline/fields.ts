/**
 * How each baseline key maps to a model field, read from the field tables: realm keys from
 * model/fields/realm.ts, client options from model/fields/client.ts and the attribute options
 * from model/fields/client-attributes.ts. It drives the adapter and the source positions; key
 * options are mapped in to-settings.ts because they land in components.
 */
import { rowsOf, type FieldKind } from '../fields/field-row.ts';
import { REALM_FIELDS } from '../fields/realm.ts';
import { clientRows, type ClientFieldName } from '../fields/client.ts';
import { clientAttributeRows } from '../fields/client-attributes.ts';
import type { RealmProfileValues } from '../profiles.ts';

export interface RealmFieldMapping {
  /** Where the key sits in the baseline, e.g. ['security', 'bruteForce', 'waitIncrement']. */
  docPath: readonly string[];
  /** The RealmSettings field it sets. */
  field: keyof RealmProfileValues;
  kind: 'duration' | 'boolean' | 'integer' | 'string';
}

const BASELINE_KIND: Readonly<Record<FieldKind, RealmFieldMapping['kind']>> = {
  seconds: 'duration',
  milliseconds: 'integer',
  count: 'integer',
  timestamp: 'integer',
  boolean: 'boolean',
  text: 'string',
  ssl: 'string',
  'text-list': 'string',
  'text-map': 'string',
};

/** The realm field table's baseline column, for the rows the adapter converts without custom code. */
export const REALM_FIELD_MAPPINGS: readonly RealmFieldMapping[] = rowsOf(REALM_FIELDS).flatMap(([field, row]) =>
  row.baseline && !row.baseline.custom ? [{ docPath: row.baseline.path, field, kind: BASELINE_KIND[row.kind] }] : [],
);

/** A client attribute's typed option in a baseline client, e.g. ['lifespans', 'accessToken'] (the attribute table's baseline column). */
export const CLIENT_ATTRIBUTE_OPTIONS: Readonly<Record<string, readonly [string, ...string[]]>> = Object.fromEntries(
  clientAttributeRows().flatMap(([key, row]) => (row.baseline ? [[key, row.baseline.path]] : [])),
);

/** Client attribute keys the typed client options own (setting them under `attributes` is refused), with the option. */
export const MANAGED_CLIENT_ATTRIBUTES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CLIENT_ATTRIBUTE_OPTIONS).map(([key, path]) => [key, path.join('.')]),
);

/** The client field table's baseline column, for the rows the adapter converts without custom code. */
export const CLIENT_FIELD_MAPPINGS: readonly { docPath: readonly [string, ...string[]]; field: ClientFieldName }[] =
  clientRows().flatMap(([field, row]) =>
    row.baseline && row.baseline.custom === undefined ? [{ docPath: row.baseline.path, field }] : [],
  );
