/**
 * A baseline client's options, read from the client field table (model/fields/client.ts) and the
 * client attribute table (model/fields/client-attributes.ts): each row with a baseline path is
 * one option, its schema following from its kind (or its `oneOf`) and its doc. Rows whose option
 * has a shape of its own (`ownSchema`: the access type, verbatim attributes, issue 14's options)
 * are written here or in entities-schema.ts by hand.
 */
import {
  Optional as Opt,
  Type,
  type TArray,
  type TBoolean,
  type TInteger,
  type TOptional,
  type TRecord,
  type TSchema,
  type TString,
  type TUnsafe,
} from '@sinclair/typebox';
import { CLIENT_ATTRIBUTES, type ClientAttributeTable } from '../fields/client-attributes.ts';
import { CLIENT_FIELDS, type ClientFieldTable } from '../fields/client.ts';
import { Bool, Closed, Duration, StringEnum, Text, TextList } from './schema-parts.ts';
import { CLIENT_ENTITY_OPTIONS } from './entities-schema.ts';

/** What a row needs for its option's schema. */
interface OptionRow {
  kind: string;
  doc: string;
  baseline?: { path: readonly string[]; oneOf?: readonly string[]; allowEmpty?: true; ownSchema?: string };
}

/** The schema of a row's option, by kind. */
interface SchemaOfKind {
  seconds: TUnsafe<string | number>;
  boolean: TBoolean;
  text: TString;
  timestamp: TInteger;
  'text-list': TArray<TString>;
  'uri-list': TArray<TString>;
  'text-map': TRecord<TString, TString>;
}

type OptionSchema<Row> = Row extends { baseline: { oneOf: readonly (infer Value extends string)[] } }
  ? TUnsafe<Value>
  : Row extends { kind: infer Kind extends keyof SchemaOfKind }
    ? SchemaOfKind[Kind]
    : never;

function optionSchema(row: OptionRow): TSchema {
  if (row.baseline?.oneOf) return StringEnum(row.baseline.oneOf, row.doc);
  switch (row.kind) {
    case 'seconds':
      return Duration(row.doc);
    case 'boolean':
      return Bool(row.doc);
    case 'text':
      return row.baseline?.allowEmpty ? Type.String({ description: row.doc }) : Text(row.doc);
    case 'timestamp':
      return Type.Integer({ minimum: 0, description: row.doc });
    case 'text-list':
    case 'uri-list':
      return TextList(row.doc);
    default:
      throw new Error(`client option schema: no schema for kind ${row.kind}`);
  }
}

type LastKey<Path> = Path extends readonly [...string[], infer Key extends string] ? Key : never;
/** Rows of a table whose option sits directly in Section (and whose schema is derived). */
type OptionsIn<Table, Section extends readonly string[]> = {
  [K in keyof Table]: Table[K] extends { baseline: { ownSchema: string } }
    ? never
    : Table[K] extends { baseline: { path: readonly [...Section, string] } }
      ? K
      : never;
}[keyof Table];
type PathOf<Row> = Row extends { baseline: { path: infer Path } } ? Path : never;

type SectionOptions<Table, Section extends readonly string[]> = {
  [K in OptionsIn<Table, Section> as LastKey<PathOf<Table[K]>>]: TOptional<OptionSchema<Table[K]>>;
};

/** The client options under `section` (e.g. ['flows']), one per row of either table. */
type ClientSectionOptions<Section extends readonly string[]> = SectionOptions<ClientFieldTable, Section> &
  SectionOptions<ClientAttributeTable, Section>;

function sectionOptions<const Section extends readonly string[]>(section: Section): ClientSectionOptions<Section> {
  const inSection = (path: readonly string[]) =>
    path.length === section.length + 1 && section.every((key, index) => path[index] === key);
  const rows: OptionRow[] = [...Object.values(CLIENT_FIELDS), ...Object.values(CLIENT_ATTRIBUTES)];
  return Object.fromEntries(
    rows.flatMap((row) =>
      row.baseline && !row.baseline.ownSchema && inSection(row.baseline.path)
        ? [[row.baseline.path.at(-1), Opt(optionSchema(row))]]
        : [],
    ),
  ) as ClientSectionOptions<Section>;
}

export const ClientFlowsSchema = Closed(sectionOptions(['flows']));

export const ClientLifespansSchema = Closed(sectionOptions(['lifespans']));

export const ClientSchema = Closed({
  clientId: Text('The client id.'),
  ...sectionOptions([]),
  type: Opt(
    StringEnum(
      ['confidential', 'public', 'bearer-only'] as const,
      'confidential (has credentials), public (browser/native app) or bearer-only',
    ),
  ),
  flows: Opt(ClientFlowsSchema),
  lifespans: Opt(ClientLifespansSchema),
  attributes: Opt(
    Type.Record(Type.String({ minLength: 1 }), Type.String(), {
      description: 'Other Keycloak client attributes, verbatim.',
    }),
  ),
  ...CLIENT_ENTITY_OPTIONS,
});
