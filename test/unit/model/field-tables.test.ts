/**
 * The realm field table (model/fields/realm.ts) is the one place a realm setting is described;
 * everything else derives from it. This meta-test fails when a derived place forgets a row: the
 * model, Keycloak's defaults, the baseline schema and adapter, the export schema and adapter, the
 * provider dialect (both directions), HardenedRealm's arguments and the diff classification.
 * Each check changes one field to a value no default or profile has, and looks for it on the
 * other side, so a row that is listed but not wired fails too.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { hardenedRealmSettings } from '../../../components/hardened-realm.ts';
import { rowsOf, type AnyFieldRow } from '../../../model/fields/field-row.ts';
import { REALM_FIELDS, type RealmFieldName } from '../../../model/fields/realm.ts';
import { REALM_DURATION_FIELDS as EXPORT_DURATION_CHECKS } from '../../../model/durations.ts';
import { BaselineSchema } from '../../../model/baseline/schema.ts';
import { REALM_FIELD_MAPPINGS } from '../../../model/baseline/fields.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { RealmRepresentationSchema } from '../../../model/export/schema.ts';
import { representationToRealm } from '../../../model/export/to-settings.ts';
import { KEYCLOAK_REALM_DEFAULTS } from '../../../model/keycloak-defaults.ts';
import { realmProfileValues } from '../../../model/profiles.ts';
import {
  eventSettingsFromInputs,
  realmArgsFromSettings,
  realmEventsArgsFromSettings,
  settingsFromRealmInputs,
} from '../../../model/provider-dialect.ts';
import type { RealmSettings } from '../../../model/realm-settings.ts';
import { REALM_TABLE } from '../../../review/classify/realm-table.ts';
import { diffRealm } from '../../../review/diff-realms.ts';

// keycloakVersion says which Keycloak wrote an export (its matching rules differ between versions): metadata, not a setting.
/** RealmSettings fields that are entities or identity, not realm settings: they have tables of their own. */
const NOT_REALM_SETTINGS = [
  'realm',
  'keyProviders',
  'compromisedKeys',
  'clients',
  'clientPolicies',
  'clientProfiles',
  'tokenVersionClaim',
  'keycloakVersion',
  'identityProviders',
  'clientScopes',
  'access',
  'authentication',
  'userProfile',
] as const;

const rows = rowsOf(REALM_FIELDS);
const rowOf = (field: RealmFieldName): AnyFieldRow => REALM_FIELDS[field];
const rowsWhere = (test: (row: AnyFieldRow) => boolean) =>
  rows.filter(([, row]) => test(row)).map(([field]) => [field] as const);

/** A value of the field's kind that differs from `current` (and from Keycloak's and the profiles' values). */
function otherValue(row: AnyFieldRow, current: unknown): unknown {
  switch (row.kind) {
    case 'seconds':
      // Down rather than up, so no derived limit is crossed (a client session longer than the SSO session is refused).
      return (current as number) > 0 ? (current as number) - 1 : 61;
    case 'milliseconds':
    case 'count':
      return (current as number) + 3;
    case 'timestamp':
      return (current as number) + 1_000_000;
    case 'boolean':
      return !(current as boolean);
    case 'ssl':
      return current === 'all' ? 'none' : 'all';
    case 'text':
      return row.baseline?.oneOf ? row.baseline.oneOf.find((value) => value !== current) : 'length(21) and digits(2)';
    case 'text-list':
      return [...(current as string[]), 'UPDATE_EMAIL'].sort();
    case 'text-map':
      return { ...(current as Record<string, string>), xFrameOptions: 'DENY' };
  }
}

function realmWith(field: RealmFieldName, value: unknown): RealmSettings {
  const settings: RealmSettings = {
    realm: 'meta',
    ...realmProfileValues('baseline'),
    keyProviders: [],
    compromisedKeys: [],
    clients: [],
    clientPolicies: [],
    clientProfiles: [],
  };
  (settings as unknown as Record<string, unknown>)[field] = value;
  return settings;
}

function schemaAt(schema: unknown, path: readonly string[]): unknown {
  let node = schema as { properties?: Record<string, unknown> } | undefined;
  for (const key of path) node = node?.properties?.[key] as typeof node;
  return node;
}

function valueAt(object: unknown, path: readonly string[]): unknown {
  let node = object;
  for (const key of path)
    node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[key];
  return node;
}

describe('the realm field table', () => {
  it('has a row for every realm-level field of the model, and the model has a field for every row', () => {
    // Type level: a field added to RealmSettings by hand, outside the table, is a type error here.
    expectTypeOf<
      Exclude<keyof RealmSettings, RealmFieldName | (typeof NOT_REALM_SETTINGS)[number]>
    >().toEqualTypeOf<never>();
    const loaded = loadBaselineText('realm: meta\n', 'meta.yaml').settings;
    const realmLevel = Object.keys(loaded).filter(
      (field) => !(NOT_REALM_SETTINGS as readonly string[]).includes(field),
    );
    expect(realmLevel.sort()).toEqual(Object.keys(REALM_FIELDS).sort());
  });

  it("gives Keycloak's default for every row", () => {
    expect(Object.keys(KEYCLOAK_REALM_DEFAULTS).sort()).toEqual(Object.keys(REALM_FIELDS).sort());
  });

  it.each(rowsWhere((row) => row.baseline !== undefined))('%s: the baseline schema has its key', (field) => {
    const path = rowOf(field).baseline!.path;
    expect(schemaAt(BaselineSchema, path), path.join('.')).toBeDefined();
  });

  it.each(rowsWhere((row) => row.baseline !== undefined && row.baseline.custom === undefined))(
    '%s: a baseline that sets its key sets the field',
    (field) => {
      const row = rowOf(field);
      const value = otherValue(row, realmProfileValues('baseline')[field]);
      const path = row.baseline!.path;
      const yaml = `realm: meta\n${path.map((key, depth) => `${'  '.repeat(depth)}${key}:`).join('\n')} ${JSON.stringify(value)}\n`;
      expect(REALM_FIELD_MAPPINGS.some((mapping) => mapping.field === field)).toBe(true);
      const loaded = loadBaselineText(yaml, 'meta.yaml');
      expect(loaded.settings[field]).toEqual(value);
      expect(loaded.source.positions.get(field), 'source position').toMatchObject({
        file: 'meta.yaml',
        line: path.length + 1,
      });
    },
  );

  it.each(rows.map(([field]) => [field] as const))('%s: the export schema has its representation key', (field) => {
    expect(schemaAt(RealmRepresentationSchema, [rowOf(field).representation.key])).toBeDefined();
  });

  it.each(rowsWhere((row) => row.representation.custom === undefined))(
    '%s: the export adapter reads its representation key',
    (field) => {
      const row = rowOf(field);
      const value = otherValue(row, KEYCLOAK_REALM_DEFAULTS[field]);
      const realm = representationToRealm(
        { realm: 'meta', [row.representation.key]: value },
        { kind: 'realm-export', origin: 'meta.json' },
      );
      expect(realm.settings[field]).toEqual(value);
    },
  );

  it.each(rowsWhere((row) => row.kind === 'seconds'))(
    '%s: export validation knows what Keycloak makes of a negative value',
    (field) => {
      expect(rowOf(field).negative).toBeDefined();
      expect(EXPORT_DURATION_CHECKS[field]).toBe(rowOf(field).negative);
    },
  );

  it.each(rowsWhere((row) => row.provider !== undefined))('%s: the provider dialect writes its argument', (field) => {
    const provider = rowOf(field).provider!;
    // Brute-force arguments exist only while protection is on: the block's presence is the switch.
    const settings = {
      ...realmWith(field, otherValue(rowOf(field), realmProfileValues('baseline')[field])),
      bruteForceProtected: true,
    };
    const args =
      provider.resource === 'keycloak.Realm' ? realmArgsFromSettings(settings) : realmEventsArgsFromSettings(settings);
    expect(valueAt(args, provider.path), provider.path.join('.')).toBeDefined();
  });

  it.each(rowsWhere((row) => row.provider !== undefined && row.provider.conversion !== 'custom'))(
    '%s: the provider dialect reads its argument back (a round trip)',
    (field) => {
      const provider = rowOf(field).provider!;
      const value = otherValue(rowOf(field), realmProfileValues('baseline')[field]);
      const settings = { ...realmWith(field, value), bruteForceProtected: true };
      const read =
        provider.resource === 'keycloak.Realm'
          ? settingsFromRealmInputs(realmArgsFromSettings(settings) as unknown as Record<string, unknown>)
          : eventSettingsFromInputs(realmEventsArgsFromSettings(settings));
      expect((read as Record<string, unknown>)[field]).toEqual(value);
    },
  );

  it.each(rowsWhere((row) => row.component !== undefined))('%s: HardenedRealm takes it as an argument', (field) => {
    const row = rowOf(field);
    const value = otherValue(row, realmProfileValues('baseline')[field]);
    const given = row.component === 'duration' ? `${value as number}s` : value;
    const settings = hardenedRealmSettings({ realm: 'meta', [field]: given });
    expect(settings[field]).toEqual(value);
  });

  it.each(rows.map(([field]) => [field] as const))('%s: a diff classifies a change of it', (field) => {
    expect(REALM_TABLE[field]).toBeTypeOf('function');
    const before = realmWith(field, realmProfileValues('baseline')[field]);
    const after = realmWith(field, otherValue(rowOf(field), before[field]));
    const changes = diffRealm(before, after);
    expect(changes.map((change) => change.path[0])).toEqual(expect.arrayContaining([field]));
    for (const change of changes) expect(change.reason.length).toBeGreaterThan(0);
  });
});
