/**
 * The client attribute table (model/fields/client-attributes.ts) is the one place a Keycloak
 * client attribute is described. This meta-test fails when an attribute the source reads or
 * writes has no row, or a row is not reflected in the baseline schema and adapter (value and
 * source position), HardenedClient's options, the export adapter, the provider dialect (both
 * directions) or the diff classification. Each check sets one attribute, or the option that owns
 * it, to a value no default has and looks for it on the other side.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardenedClientSettings, type HardenedClientOptions } from '../../../components/hardened-client.ts';
import { MANAGED_CLIENT_ATTRIBUTES } from '../../../model/baseline/fields.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { BaselineSchema } from '../../../model/baseline/schema.ts';
import { exportFromParsed } from '../../../model/export/load-export.ts';
import {
  ATTRIBUTE_LIST_SEPARATOR,
  CLIENT_ATTRIBUTES,
  clientAttributeRows,
  type ClientAttributeRow,
} from '../../../model/fields/client-attributes.ts';
import { clientArgsFromSettings, clientSettingsFromInputs } from '../../../model/provider-dialect.ts';
import { positionOf } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { CLIENT_ATTRIBUTE_RULES } from '../../../review/classify/client-attributes.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { changed, clientSettings, hardenedRealm } from '../../support/fixtures.ts';

const rows = clientAttributeRows();
const rowOf = (key: string): ClientAttributeRow => (CLIENT_ATTRIBUTES as Record<string, ClientAttributeRow>)[key]!;
const keysWhere = (test: (row: ClientAttributeRow) => boolean) =>
  rows.filter(([, row]) => test(row)).map(([key]) => [key] as const);

/**
 * An attribute value of the row's kind that differs from Keycloak's default and from `avoid`.
 * Seconds: `longer` is far above any realm value (an override that always weakens); otherwise
 * one Keycloak accepts below every realm session limit.
 */
function attributeValue(row: ClientAttributeRow, options: { avoid?: string; longer?: true } = {}): string {
  switch (row.kind) {
    case 'boolean':
      return (row.keycloakDefault ?? options.avoid) === 'true' ? 'false' : 'true';
    case 'seconds':
      return options.longer ? '7777777' : '60';
    case 'uri-list':
      return ['https://meta.example/one', 'https://meta.example/two'].join(ATTRIBUTE_LIST_SEPARATOR);
    case 'text':
      return 'https://meta.example/value';
  }
}

/** Option values of the row's kind to try (the first that changes the attribute is used). */
function optionValues(row: ClientAttributeRow, oneOf: readonly string[] | undefined): unknown[] {
  if (oneOf) return [...oneOf];
  switch (row.kind) {
    case 'boolean':
      return [true, false];
    case 'seconds':
      return [60];
    case 'uri-list':
      return [['https://meta.example/logout']];
    case 'text':
      return ['https://meta.example/value'];
  }
}

/** The attribute value an option value should write, by kind (written here, not read from the code under test). */
function expectedAttribute(row: ClientAttributeRow, option: unknown): string | undefined {
  if (option === row.off) return undefined;
  if (row.kind === 'uri-list') return (option as string[]).join('##');
  return String(option);
}

function baselineClientYaml(path: readonly string[], value: unknown): string {
  const lines = path.map((key, depth) => `${'  '.repeat(depth + 2)}${key}:`);
  return `realm: meta\nclients:\n  - clientId: app\n${lines.join('\n')}${value === undefined ? ' null' : ` ${JSON.stringify(value)}`}\n`;
}

/** Attribute keys written as literals in the source (`attributes['…']`, `attribute: '…'`), SAML's aside. */
function attributeKeysInSource(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const pattern = /attributes\[\s*'([^']+)'\s*\]|attributes\[\s*"([^"]+)"\s*\]|\battribute:\s*'([^']+)'/g;
  const keys = new Set<string>();
  // A client scope's attributes (gui.order, include.in.token.scope) are the scope's, not a client's:
  // the files about client scopes are left out.
  const aboutClients = (file: string) => !file.includes('client-scopes');
  for (const file of ['model', 'components', 'review', 'policies', 'cli'].flatMap(files).filter(aboutClients)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) keys.add(match[1] ?? match[2] ?? match[3]!);
  }
  // SAML clients' attributes (saml.*) are issue 14's (model/baseline/entities/saml-client-defaults.ts), not OIDC ones.
  return [...keys].filter((key) => !key.startsWith('saml.') && !key.startsWith('saml_')).sort();
}

describe('the client attribute table', () => {
  it('has a row for every client attribute the source names', () => {
    const keys = attributeKeysInSource();
    expect(keys.length, 'the scan finds attribute keys (sanity)').toBeGreaterThan(8);
    expect(keys.filter((key) => !Object.hasOwn(CLIENT_ATTRIBUTES, key))).toEqual([]);
  });

  it.each(keysWhere((row) => row.baseline !== undefined))(
    '%s: the baseline schema has its option, and the option owns the attribute',
    (key) => {
      const path = rowOf(key).baseline!.path;
      let node = (BaselineSchema.properties.clients as unknown as { items: unknown }).items as
        { properties?: Record<string, unknown> } | undefined;
      for (const part of path) node = node?.properties?.[part] as typeof node;
      expect(node, path.join('.')).toBeDefined();
      expect(MANAGED_CLIENT_ATTRIBUTES[key]).toBe(path.join('.'));
      expect(() =>
        loadBaselineText(
          `realm: meta\nclients:\n  - clientId: app\n    attributes:\n      ${JSON.stringify(key)}: "x"\n`,
          'meta.yaml',
        ),
      ).toThrow(path.join('.'));
    },
  );

  it.each(keysWhere((row) => row.baseline !== undefined))(
    '%s: a baseline option sets the attribute, and a finding about it points at the option',
    (key) => {
      const row = rowOf(key);
      const path = row.baseline!.path;
      const without = loadBaselineText(baselineClientYaml(['enabled'], true), 'meta.yaml').settings.clients[0]!;
      const option = optionValues(row, row.baseline!.oneOf).find((candidate) => {
        const loaded = loadBaselineText(baselineClientYaml(path, candidate), 'meta.yaml');
        return loaded.settings.clients[0]!.attributes[key] !== without.attributes[key];
      });
      expect(option, 'an option value that changes the attribute').toBeDefined();
      const loaded = loadBaselineText(baselineClientYaml(path, option), 'meta.yaml');
      if (row.baseline!.custom === undefined)
        expect(loaded.settings.clients[0]!.attributes[key]).toBe(expectedAttribute(row, option));
      expect(positionOf(loaded.source, ['clients', 'app', 'attributes', key])).toMatchObject({
        file: 'meta.yaml',
        line: 3 + path.length,
      });
    },
  );

  /** What a custom component option needs around it to apply (the row says which authenticator). */
  const CUSTOM_OPTION_CONTEXT: Readonly<Record<string, Partial<HardenedClientOptions>>> = {
    jwksUrl: { authenticator: 'client-jwt' },
    tokenEndpointSigningAlgorithm: { authenticator: 'client-jwt' },
    x509SubjectDn: { authenticator: 'client-x509' },
  };

  it.each(keysWhere((row) => row.component !== undefined))('%s: a HardenedClient option sets it', (key) => {
    const row = rowOf(key);
    const { option, oneOf } = row.component!;
    const base: HardenedClientOptions = { realmId: 'r', clientId: 'app', ...CUSTOM_OPTION_CONTEXT[option] };
    const attributesOf = (options: HardenedClientOptions): string | undefined => {
      try {
        return hardenedClientSettings(options).attributes[key];
      } catch {
        return undefined; // an option the context requires (x509SubjectDn): left out, the client is refused
      }
    };
    const without = attributesOf(base);
    const value = optionValues(row, oneOf).find(
      (candidate) => attributesOf({ ...base, [option]: candidate }) !== without,
    );
    expect(value, 'an option value that changes the attribute').toBeDefined();
    if (row.component!.custom === undefined)
      expect(attributesOf({ ...base, [option]: value })).toBe(expectedAttribute(row, value));
  });

  it.each(rows.map(([key]) => [key] as const))('%s: the export adapter keeps it', (key) => {
    const value = attributeValue(rowOf(key));
    const text = JSON.stringify({ realm: 'meta', clients: [{ clientId: 'app', attributes: { [key]: value } }] });
    const [loaded] = exportFromParsed(parseText(text, 'meta.json'));
    expect(loaded?.settings.clients[0]?.attributes[key]).toBe(value);
  });

  it.each(rows.map(([key]) => [key] as const))(
    '%s: the provider dialect writes it (its argument or extraConfig) and reads it back',
    (key) => {
      const row = rowOf(key);
      const value = attributeValue(row, { ...(row.provider?.omitted ? { avoid: row.provider.omitted } : {}) });
      const settings = clientSettings({ clientId: 'app', attributes: { 'use.refresh.tokens': 'true', [key]: value } });
      const args = clientArgsFromSettings(settings, 'realm-id') as unknown as Record<string, unknown> & {
        extraConfig?: Record<string, string>;
      };
      if (row.provider) {
        const expected =
          row.kind === 'boolean' ? value === 'true' : row.kind === 'uri-list' ? value.split('##') : value;
        expect(args[row.provider.argument]).toEqual(expected);
        expect(args.extraConfig?.[key]).toBeUndefined();
      } else {
        expect(args.extraConfig?.[key]).toBe(value);
      }
      expect(clientSettingsFromInputs(args).attributes?.[key]).toBe(value);
    },
  );

  it.each(rows.map(([key]) => [key] as const))('%s: a diff classifies a change of it as its row says', (key) => {
    const row = rowOf(key);
    const before = changed(hardenedRealm(), (realm) => {
      const { [key]: _absent, ...others } = realm.clients[0]!.attributes;
      realm.clients[0]!.attributes = others;
    });
    const clientId = before.clients[0]!.clientId;
    const value = attributeValue(row, { longer: true });
    const after = changed(before, (realm) => {
      realm.clients[0]!.attributes[key] = value;
    });
    const change = diffRealm(before, after).find(
      (candidate) =>
        candidate.path[0] === 'clients' &&
        candidate.path[1] === clientId &&
        candidate.path[2] === 'attributes' &&
        candidate.path[3] === key,
    );
    expect(change, 'a change under the attribute').toBeDefined();
    const { diff } = row;
    if ('neutral' in diff) {
      expect(change!.effect).toBe('neutral');
      expect(CLIENT_ATTRIBUTE_RULES[key]).toBeUndefined();
    } else {
      expect(CLIENT_ATTRIBUTE_RULES[key], 'a classified attribute').toBeDefined();
      if ('safeWhen' in diff)
        expect(change!.effect).toBe(diff.safeWhen === (value === 'true') ? 'strengthens' : 'weakens');
      if ('safer' in diff) expect(change!).toMatchObject({ effect: 'weakens', reason: diff.reason });
      if ('custom' in diff) expect(change!.reason).not.toBe('attribute realmguard does not classify');
    }
  });
});
