/**
 * The key provider table (model/fields/key-provider.ts) is the one place a key provider field is
 * described. This meta-test fails when a field of KeyProviderSettings has no row, or a row is not
 * reflected in the baseline schema and adapter (value, applicability, source position), the
 * export adapter (value, source position, Keycloak's default per type), the provider dialect
 * (both directions, the provider's defaults) or the key diff. Each check sets one field to a
 * value no default has and looks for it on the other side, so a row listed but not wired fails.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  appliesTo,
  keycloakKeyDefault,
  KEY_PROVIDER_FIELDS,
  KEY_PROVIDER_RESOURCE_TYPES,
  keyProviderRows,
  KEYSTORE_PARAMETER_FIELDS,
  type KeystoreParameterField,
  type AnyKeyProviderFieldRow,
  type KeyProviderFieldName,
  type KeystoreArgument,
  type ManagedKeyProviderId,
} from '../../../model/fields/key-provider.ts';
import { planKeys } from '../../../components/realm-keys.ts';
import { KeyProviderSchema } from '../../../model/baseline/schema.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { exportFromParsed } from '../../../model/export/load-export.ts';
import { KEY_PROVIDER_COMPONENT_TYPE } from '../../../model/export/schema.ts';
import { representationToRealm } from '../../../model/export/to-settings.ts';
import { KEYCLOAK_KEY_PROVIDER_TYPES } from '../../../model/keycloak-catalog.ts';
import {
  keyProviderArgsFromSettings,
  keyProviderSettingsFromInputs,
  type KeyProviderDialect,
} from '../../../model/provider-dialect.ts';
import { positionOf, type KeyProviderSettings } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { KEY_TABLE } from '../../../review/classify/key-table.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { changed, hardenedRealm } from '../../support/fixtures.ts';

const rows = keyProviderRows();
const rowOf = (field: KeyProviderFieldName): AnyKeyProviderFieldRow => KEY_PROVIDER_FIELDS[field];
const rowsWhere = (test: (row: AnyKeyProviderFieldRow) => boolean) =>
  rows.filter(([, row]) => test(row)).map(([field]) => [field] as const);
const MANAGED = Object.keys(KEY_PROVIDER_RESOURCE_TYPES) as ManagedKeyProviderId[];

/** A provider type the field applies to: one the Pulumi provider manages when there is one. */
function typeFor(row: AnyKeyProviderFieldRow): string {
  if (row.appliesTo === 'every type') return 'rsa-generated';
  return row.appliesTo.find((type) => (MANAGED as readonly string[]).includes(type)) ?? row.appliesTo[0]!;
}

/** A value of the field that no default and no profile has, and every source accepts. */
function sample(field: KeyProviderFieldName, type = typeFor(rowOf(field))): unknown {
  const row = rowOf(field);
  const accepts = (row.provider as Partial<Record<string, KeystoreArgument>> | undefined)?.[type]?.accepts;
  if (accepts) return accepts.at(-1);
  switch (row.kind) {
    case 'count':
      return 37;
    case 'boolean':
      return false;
    case 'text':
      if (row.baseline?.format === 'date') return '2026-03-04';
      return row.baseline?.oneOf ? row.baseline.oneOf.at(-2) : `meta-${field}`;
    case 'text-list':
      return [`meta-${field}`];
    default:
      throw new Error(`no sample for a ${row.kind} field`);
  }
}

function valueAt(object: unknown, key: string): unknown {
  return (object as Record<string, unknown> | undefined)?.[key];
}

describe('the key provider field table', () => {
  it('has a row for every field of KeyProviderSettings (the type checker refuses a missing one)', () => {
    expectTypeOf<keyof typeof KEY_PROVIDER_FIELDS>().toEqualTypeOf<keyof KeyProviderSettings>();
    // The keystore argument types come from the table: a dropped row is a type error in RealmKeys.
    expectTypeOf<Extract<KeyProviderDialect, { providerId: 'rsa-generated' }>['args']>().toEqualTypeOf<{
      name: string;
      priority: number;
      enabled: boolean;
      active: boolean;
      algorithm: string;
      keySize: number;
    }>();
    // RealmKeys' KeyDeclaration takes the keystore parameters the table lists, and plans them through.
    expectTypeOf<KeystoreParameterField>().toEqualTypeOf<'algorithm' | 'keySize' | 'ellipticCurve' | 'secretSize'>();
    expect([...KEYSTORE_PARAMETER_FIELDS].sort()).toEqual(['algorithm', 'ellipticCurve', 'keySize', 'secretSize']);
    const [planned] = planKeys(
      [
        {
          name: 'k',
          providerId: 'hmac-generated',
          state: 'active',
          ...Object.fromEntries(KEYSTORE_PARAMETER_FIELDS.map((field) => [field, sample(field, 'hmac-generated')])),
        },
      ],
      [],
      200,
    );
    expect(planned?.dialect.args).toMatchObject({ algorithm: 'HS512', secretSize: 512 });
  });

  it('has a row for every field a source fills (baseline and export, every provider type)', () => {
    const baseline = loadBaselineText(
      `realm: meta\nkeys:\n  providers:\n${KEYCLOAK_KEY_PROVIDER_TYPES.map((type) => `    - name: k-${type}\n      type: ${type}\n`).join('')}`,
      'meta.yaml',
    ).settings.keyProviders;
    const exported = representationToRealm(
      {
        realm: 'meta',
        components: {
          [KEY_PROVIDER_COMPONENT_TYPE]: KEYCLOAK_KEY_PROVIDER_TYPES.map((type) => ({
            name: `k-${type}`,
            providerId: type,
            id: `id-${type}`,
          })),
        },
      },
      {
        kind: 'live',
        origin: 'meta',
        keys: KEYCLOAK_KEY_PROVIDER_TYPES.map((type) => ({ kid: type, providerId: `id-${type}` })),
      },
    ).settings.keyProviders;
    const filled = new Set([...baseline, ...exported].flatMap((key) => Object.keys(key)));
    expect([...filled].filter((field) => !Object.hasOwn(KEY_PROVIDER_FIELDS, field))).toEqual([]);
  });

  it.each(rowsWhere((row) => row.baseline !== undefined))('%s: the baseline schema has its key', (field) => {
    const baseline = rowOf(field).baseline!;
    expect(KeyProviderSchema.properties, baseline.key).toHaveProperty(baseline.key);
    expect(KeyProviderSchema.required).toEqual(
      baseline.required ? expect.arrayContaining([baseline.key]) : expect.not.arrayContaining([baseline.key]),
    );
  });

  it.each(rowsWhere((row) => row.baseline !== undefined))(
    '%s: a baseline key item that sets its key sets the field, and a finding points at that key',
    (field) => {
      const { key } = rowOf(field).baseline!;
      const type = typeFor(rowOf(field));
      // A key's state sets two switches; passiveSince belongs to passive keys only.
      const given: Record<string, unknown> =
        key === 'state' ? { state: field === 'active' ? 'passive' : 'active' } : { [key]: sample(field, type) };
      if (field === 'passiveSince') given.state = 'passive';
      const item = { name: 'meta-key', type, ...given };
      const lines = Object.entries(item).map(
        ([name, value], index) => `${index === 0 ? '    - ' : '      '}${name}: ${JSON.stringify(value)}`,
      );
      const loaded = loadBaselineText(`realm: meta\nkeys:\n  providers:\n${lines.join('\n')}\n`, 'meta.yaml');
      const settings = loaded.settings.keyProviders[0] as unknown as Record<string, unknown>;
      const expected = key === 'state' ? field !== 'active' : item[key as keyof typeof item];
      expect(settings[field]).toEqual(expected);
      const line = 4 + Object.keys(item).indexOf(key);
      expect(positionOf(loaded.source, ['keyProviders', String(settings.name), field])).toMatchObject({ line });
    },
  );

  it.each(rowsWhere((row) => row.baseline !== undefined && row.appliesTo !== 'every type'))(
    '%s: the baseline refuses its key on a type it does not apply to',
    (field) => {
      const { key } = rowOf(field).baseline!;
      const other = KEYCLOAK_KEY_PROVIDER_TYPES.find((type) => !appliesTo(rowOf(field), type))!;
      const yaml = `realm: meta\nkeys:\n  providers:\n    - name: k\n      type: ${other}\n      ${key}: ${JSON.stringify(sample(field))}\n`;
      expect(() => loadBaselineText(yaml, 'meta.yaml')).toThrow(`'${key}' does not apply to a ${other} key`);
    },
  );

  it.each(rowsWhere((row) => row.representation !== undefined))(
    '%s: the export adapter reads it from the component, and a finding points at its key',
    (field) => {
      const representation = rowOf(field).representation!;
      const type = typeFor(rowOf(field));
      const value = sample(field, type);
      const component: Record<string, unknown> = { name: 'meta-key', providerId: type, id: 'meta-id' };
      const keys: { kid: string; providerId: string }[] = [];
      let marker: string | undefined;
      if ('component' in representation) {
        component[representation.component] = value;
        marker = representation.component;
      } else if ('config' in representation) {
        marker = representation.config[type as keyof typeof representation.config] ?? representation.config['*'];
        component.config = { [marker!]: [String(value)] };
      } else {
        for (const kid of value as string[]) keys.push({ kid, providerId: 'meta-id' });
      }
      const text = JSON.stringify(
        { realm: 'meta', components: { [KEY_PROVIDER_COMPONENT_TYPE]: [component] } },
        null,
        2,
      );
      const parsed = parseText(text, 'meta.json');
      const [fromFile] = exportFromParsed(parsed);
      const live = representationToRealm(parsed.value as never, { kind: 'live', origin: 'meta', keys });
      const read = (keys.length > 0 ? live : fromFile!).settings.keyProviders[0];
      expect(valueAt(read, field)).toEqual(value);
      if (marker === undefined) return; // GET /keys: no file position
      const line = text.split('\n').findIndex((textLine) => textLine.includes(`"${marker}"`)) + 1;
      expect(positionOf(fromFile!.source, ['keyProviders', String(read?.name), field])).toMatchObject({ line });
    },
  );

  const defaults = rows.flatMap(([field, row]) =>
    Object.entries(row.keycloakDefault ?? {}).flatMap(([type, value]) =>
      // '*' holds for every type: Keycloak's own, and one an SPI brings.
      (type === '*' ? ['rsa-generated', 'meta-spi'] : [type]).map((typeName) => [field, typeName, value] as const),
    ),
  );
  it.each(defaults)("%s of a %s component that leaves it out is Keycloak's default, %j", (field, type, value) => {
    const realm = representationToRealm(
      { realm: 'meta', components: { [KEY_PROVIDER_COMPONENT_TYPE]: [{ name: 'bare', providerId: type }] } },
      { kind: 'realm-export', origin: 'meta.json' },
    );
    expect(valueAt(realm.settings.keyProviders[0], field)).toEqual(value);
  });

  const arguments_ = MANAGED.flatMap((type) =>
    rows.flatMap(([field, row]) => {
      const spec = (row.provider as Partial<Record<string, KeystoreArgument>> | undefined)?.[type];
      return spec ? [[field, type, spec] as const] : [];
    }),
  );
  it.each(arguments_)('%s: the provider dialect writes its %s argument and reads it back', (field, type, spec) => {
    const base: KeyProviderSettings = { name: 'meta-key', providerId: type, priority: 1, enabled: true, active: true };
    const value = field === 'name' ? 'other-name' : sample(field, type);
    const { args } = keyProviderArgsFromSettings({ ...base, [field]: value });
    expect(valueAt(args, spec.argument)).toEqual(value);
    const back = keyProviderSettingsFromInputs(KEY_PROVIDER_RESOURCE_TYPES[type], { realmId: 'r', ...args });
    expect(back?.providerId).toBe(type);
    expect(valueAt(back, field)).toEqual(value);
    if (spec.providerDefault === undefined) return;
    // Left out, the argument is what the provider sends: its schema default.
    const { [spec.argument]: _left, ...without } = args as Record<string, unknown>;
    expect(valueAt(keyProviderSettingsFromInputs(type, without), field)).toEqual(spec.providerDefault);
    if (!Object.hasOwn(base, field)) {
      expect(valueAt(keyProviderArgsFromSettings(base).args, spec.argument)).toEqual(spec.providerDefault);
    }
  });

  it.each(rows.map(([field]) => [field] as const))('%s: a diff classifies a change of it', (field) => {
    expect(KEY_TABLE[field]).toBeTypeOf('function');
    const row = rowOf(field);
    const type = typeFor(row);
    const name = 'meta-key';
    const before = changed(hardenedRealm(), (realm) => {
      const key: Record<string, unknown> = { name, providerId: type, priority: 1, enabled: true, active: true };
      const fallback = { 'text-list': ['before'], count: 1, boolean: true } as Partial<Record<string, unknown>>;
      if (field !== 'name') key[field] = keycloakKeyDefault(field, type) ?? fallback[row.kind] ?? 'before';
      realm.keyProviders.push(key as unknown as KeyProviderSettings);
    });
    const after = changed(before, (realm) => {
      const key = realm.keyProviders.find((candidate) => candidate.name === name)! as unknown as Record<
        string,
        unknown
      >;
      key[field] = sample(field, type);
    });
    const paths = diffRealm(before, after).map((change) => change.path.join('.'));
    const ignored = 'custom' in row.diff && row.diff.custom.startsWith('ignored');
    if (ignored) expect(paths.filter((path) => path.startsWith(`keyProviders.${name}.`))).toEqual([]);
    else expect(paths).toContain(`keyProviders.${name}.${field}`);
  });
});
