/**
 * The client field table (model/fields/client.ts) is the one place a client setting is
 * described. This meta-test fails when a client setting has no row, or a row is not reflected in
 * Keycloak's defaults, the baseline schema and adapter (value and source position), the export
 * adapter (value and source position), the provider dialect (both directions, for as-is
 * arguments, and what the provider sends for an omitted one) or the diff classification.
 * Client attributes have a table of their own (client-attribute-table.test.ts). Each check changes one field
 * to a value no default has and looks for it on the other side.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CLIENT_FIELDS,
  clientRows,
  type ClientFieldName,
  type NotClientSetting,
} from '../../../model/fields/client.ts';
import { CLIENT_FIELD_MAPPINGS } from '../../../model/baseline/fields.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { BaselineSchema } from '../../../model/baseline/schema.ts';
import { ClientRepresentationSchema } from '../../../model/export/schema.ts';
import { exportFromParsed } from '../../../model/export/load-export.ts';
import { clientDefaults, KEYCLOAK_CLIENT_DEFAULTS } from '../../../model/keycloak-defaults.ts';
import { clientArgsFromSettings, clientSettingsFromInputs } from '../../../model/provider-dialect.ts';
import { positionOf, type ClientSettings } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { CLIENT_TABLE } from '../../../review/classify/client-table.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { changed, clientSettings, hardenedRealm } from '../../support/fixtures.ts';

type Row = (typeof CLIENT_FIELDS)[ClientFieldName];
const rows = clientRows();
const rowsWhere = (test: (row: Row) => boolean) =>
  rows.filter(([, row]) => test(row as Row)).map(([field]) => [field] as const);

/** A value of the field's kind that differs from `current`. */
function otherValue(field: ClientFieldName, current: unknown): unknown {
  const row = CLIENT_FIELDS[field];
  switch (row.kind) {
    case 'boolean':
      return !(current as boolean);
    case 'timestamp':
      return ((current as number | undefined) ?? 0) + 1000;
    case 'text-list':
      return [...((current as string[] | undefined) ?? []), 'https://meta.example/other'];
    case 'text-map':
      return { ...(current as Record<string, string> | undefined), 'meta.attribute': 'other' };
    case 'text':
      // A value each text field accepts: an authenticator type, a protocol, or free text.
      if (field === 'clientAuthenticatorType') return 'client-jwt';
      if (field === 'protocol') return 'saml';
      return typeof current === 'string' ? `${current}/other` : 'https://meta.example';
  }
}

describe('the client field table', () => {
  it('has a row for every setting of ClientSettings (the type checker refuses a missing one)', () => {
    expectTypeOf<ClientFieldName>().toEqualTypeOf<Exclude<keyof ClientSettings, NotClientSetting>>();
    expectTypeOf<keyof typeof CLIENT_FIELDS>().toEqualTypeOf<ClientFieldName>();
  });

  it.each(rows.map(([field]) => [field] as const))("%s: Keycloak's default comes from its row", (field) => {
    const expected: Row = CLIENT_FIELDS[field];
    const defaults = KEYCLOAK_CLIENT_DEFAULTS as Partial<Record<ClientFieldName, unknown>>;
    if ('keycloakDefault' in expected) {
      expect(defaults[field]).toEqual(expected.keycloakDefault);
      expect((clientDefaults() as Partial<Record<ClientFieldName, unknown>>)[field]).toEqual(expected.keycloakDefault);
    } else expect(defaults[field]).toBeUndefined();
  });

  it.each(rowsWhere((row) => !('custom' in row.representation)))(
    '%s: the export schema has its representation key',
    (field) => {
      expect(Object.keys(ClientRepresentationSchema.properties)).toContain(CLIENT_FIELDS[field].representation.key);
    },
  );

  it.each(rowsWhere((row) => !('custom' in row.representation)))(
    '%s: the export adapter reads its key, and a finding about it points at that key',
    (field) => {
      const key = CLIENT_FIELDS[field].representation.key;
      const value = otherValue(field, (KEYCLOAK_CLIENT_DEFAULTS as Partial<Record<string, unknown>>)[field]);
      const text = `{\n  "realm": "meta",\n  "clients": [\n    {\n      "clientId": "app",\n      ${JSON.stringify(key)}: ${JSON.stringify(value)}\n    }\n  ]\n}\n`;
      const [loaded] = exportFromParsed(parseText(text, 'meta.json'));
      expect((loaded?.settings.clients[0] as Partial<Record<string, unknown>> | undefined)?.[field]).toEqual(value);
      expect(positionOf(loaded!.source, ['clients', 'app', field])).toEqual({ file: 'meta.json', line: 6, column: 7 });
    },
  );

  it.each(rowsWhere((row) => 'baseline' in row && !('ownSchema' in row.baseline)))(
    '%s: the baseline client schema has its option',
    (field) => {
      const { path } = (CLIENT_FIELDS[field] as Row & { baseline: { path: readonly string[] } }).baseline;
      let node = (BaselineSchema.properties.clients as unknown as { items: unknown }).items as
        { properties?: Record<string, unknown> } | undefined;
      for (const part of path) node = node?.properties?.[part] as typeof node;
      expect(node, path.join('.')).toBeDefined();
    },
  );

  it.each(rowsWhere((row) => 'baseline' in row && !('custom' in row.baseline)))(
    '%s: a baseline option sets the field, and a finding about it points at the option',
    (field) => {
      const { path } = (CLIENT_FIELDS[field] as Row & { baseline: { path: readonly string[] } }).baseline;
      expect(CLIENT_FIELD_MAPPINGS.map((mapping) => mapping.field)).toContain(field);
      const yaml = (value: unknown) =>
        `realm: meta\nclients:\n  - clientId: app\n${path.map((key, depth) => `${'  '.repeat(depth + 2)}${key}:`).join('\n')} ${JSON.stringify(value)}\n`;
      const filled = loadBaselineText('realm: meta\nclients:\n  - clientId: app\n', 'meta.yaml').settings.clients[0]!;
      const value = otherValue(field, filled[field]);
      const loaded = loadBaselineText(yaml(value), 'meta.yaml');
      expect(loaded.settings.clients[0]![field]).toEqual(value);
      expect(positionOf(loaded.source, ['clients', 'app', field])).toMatchObject({
        file: 'meta.yaml',
        line: 3 + path.length,
      });
    },
  );

  it.each(rowsWhere((row) => 'provider' in row && row.provider.conversion === 'as-is'))(
    "%s: left out of the provider's inputs, it reads as what the provider sends",
    (field) => {
      const { argument, ...provider } = (CLIENT_FIELDS[field] as Row & { provider: { argument: string } }).provider;
      const args = clientArgsFromSettings(clientSettings({ clientId: 'app' }), 'realm-id') as unknown as Record<
        string,
        unknown
      >;
      const { [argument]: _left, ...without } = args;
      expect((clientSettingsFromInputs(without) as Partial<Record<string, unknown>>)[field]).toEqual(
        'omitted' in provider ? provider.omitted : undefined,
      );
    },
  );

  it.each(rowsWhere((row) => 'provider' in row && row.provider.conversion === 'as-is'))(
    '%s: the provider dialect writes its argument and reads it back',
    (field) => {
      const { argument } = (CLIENT_FIELDS[field] as Row & { provider: { argument: string } }).provider;
      const before = clientSettings({ clientId: 'app' });
      const value = otherValue(field, before[field]);
      const args = clientArgsFromSettings({ ...before, [field]: value }, 'realm-id') as unknown as Record<
        string,
        unknown
      >;
      expect(args[argument]).toEqual(value);
      expect((clientSettingsFromInputs(args) as Partial<Record<string, unknown>>)[field]).toEqual(value);
    },
  );

  it.each(rows.map(([field]) => [field] as const))('%s: a diff classifies a change of it', (field) => {
    expect(CLIENT_TABLE[field]).toBeTypeOf('function');
    if (field === 'name' || field === 'baseUrl') return; // labels and links: ignored by design (their rows say so)
    // A field a source leaves out is not compared (the source does not say): start from a value.
    const before = changed(hardenedRealm(), (realm) => {
      const target = realm.clients[0]! as unknown as Record<string, unknown>;
      target[field] ??= otherValue(field, undefined);
    });
    const clientId = before.clients[0]!.clientId;
    const after = changed(before, (realm) => {
      const target = realm.clients[0]! as unknown as Record<string, unknown>;
      target[field] = otherValue(field, target[field]);
    });
    const changes = diffRealm(before, after);
    expect(changes.map((change) => change.path.slice(0, 3))).toContainEqual(['clients', clientId, field]);
  });
});
