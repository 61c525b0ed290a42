/**
 * The client policy table (model/fields/client-policy.ts) is the one place a client policy field
 * is described. This meta-test fails when a field of ClientPolicySettings has no row, or a row is
 * not reflected in the baseline schema and adapter (value, source position), the export schema
 * and adapter (value, source position, Keycloak's default), the provider dialect (both
 * directions) or the policy diff. Each check sets one field to a value no default has and looks
 * for it on the other side.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CLIENT_POLICY_FIELDS,
  clientPolicyRows,
  type AnyClientPolicyFieldRow,
  type ClientPolicyFieldName,
} from '../../../model/fields/client-policy.ts';
import { ClientPolicySchema } from '../../../model/baseline/schema.ts';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { exportFromParsed } from '../../../model/export/load-export.ts';
import { ClientPolicyRepresentationSchema } from '../../../model/export/schema.ts';
import {
  ANY_CLIENT_CONDITION,
  clientPolicyArgsFromSettings,
  clientPolicySettingsFromInputs,
} from '../../../model/provider-dialect.ts';
import { positionOf, type ClientPolicySettings } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { CLIENT_POLICY_TABLE } from '../../../review/classify/client-policy-table.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { changed, hardenedRealm } from '../../support/fixtures.ts';

const rows = clientPolicyRows();
const rowOf = (field: ClientPolicyFieldName): AnyClientPolicyFieldRow => CLIENT_POLICY_FIELDS[field];
const fields = rows.map(([field]) => [field] as const);
const BASE: ClientPolicySettings = { name: 'meta', enabled: true, profiles: ['fapi-2-security-profile'] };

/** A value of the field that differs from `current`, and that the baseline accepts. */
function otherValue(field: ClientPolicyFieldName, current: unknown): unknown {
  const row = rowOf(field);
  switch (row.kind) {
    case 'boolean':
      return !(current as boolean | undefined);
    case 'text':
      return `${typeof current === 'string' ? current : 'meta'}-other`;
    case 'text-list':
      return [...((current as string[] | undefined) ?? []), row.baseline.oneOf?.at(-1) ?? 'other'];
    default:
      throw new Error(`no other value for a ${row.kind} field`);
  }
}

describe('the client policy field table', () => {
  it('has a row for every field of ClientPolicySettings (the type checker refuses a missing one)', () => {
    expectTypeOf<keyof typeof CLIENT_POLICY_FIELDS>().toEqualTypeOf<keyof ClientPolicySettings>();
  });

  it.each(fields)('%s: the baseline schema has its key', (field) => {
    const { key, required } = rowOf(field).baseline;
    expect(ClientPolicySchema.properties).toHaveProperty(key);
    expect(ClientPolicySchema.required).toEqual(
      required ? expect.arrayContaining([key]) : expect.not.arrayContaining([key]),
    );
  });

  it.each(fields)('%s: a baseline policy that sets its key sets the field, and a finding points at it', (field) => {
    const { key } = rowOf(field).baseline;
    const value = otherValue(field, BASE[field]);
    const item = { ...BASE, [key]: value };
    const lines = Object.entries(item).map(
      ([name, given], index) => `${index === 0 ? '  - ' : '    '}${name}: ${JSON.stringify(given)}`,
    );
    const loaded = loadBaselineText(`realm: meta\nclientPolicies:\n${lines.join('\n')}\n`, 'meta.yaml');
    const policy = loaded.settings.clientPolicies[0];
    expect(policy?.[field]).toEqual(value);
    const line = 3 + Object.keys(item).indexOf(key);
    expect(positionOf(loaded.source, ['clientPolicies', policy!.name, field])).toMatchObject({ line });
  });

  it.each(fields)('%s: a baseline policy that leaves its key out has its baseline default', (field) => {
    const { key, required, default: fallback } = rowOf(field).baseline;
    if (required) return; // the schema refuses a policy without it
    const { [field]: _left, ...item } = { ...BASE };
    const yaml = `realm: meta\nclientPolicies:\n  - ${JSON.stringify(item)}\n`;
    expect(key in item).toBe(false);
    expect(loadBaselineText(yaml, 'meta.yaml').settings.clientPolicies[0]?.[field]).toEqual(fallback);
  });

  it.each(fields)('%s: the export schema has its representation key', (field) => {
    const { key, required } = rowOf(field).representation;
    expect(ClientPolicyRepresentationSchema.properties).toHaveProperty(key);
    expect(ClientPolicyRepresentationSchema.required).toEqual(
      required ? expect.arrayContaining([key]) : expect.not.arrayContaining([key]),
    );
  });

  it.each(fields)('%s: the export adapter reads its key, and a finding points at that key', (field) => {
    const { key } = rowOf(field).representation;
    const value = otherValue(field, BASE[field]);
    const text = JSON.stringify({ realm: 'meta', clientPolicies: { policies: [{ ...BASE, [key]: value }] } }, null, 2);
    const [loaded] = exportFromParsed(parseText(text, 'meta.json'));
    const policy = loaded!.settings.clientPolicies[0]!;
    expect(policy[field]).toEqual(value);
    if (field === 'name') return; // the policy's own position
    const line = text.split('\n').findIndex((textLine) => textLine.includes(`"${key}"`)) + 1;
    expect(positionOf(loaded!.source, ['clientPolicies', policy.name, field])).toMatchObject({ line });
  });

  it.each(rows.filter(([, row]) => row.keycloakDefault !== undefined).map(([field]) => [field] as const))(
    "%s: a policy the export leaves it out of has Keycloak's default",
    (field) => {
      const { [rowOf(field).representation.key]: _left, ...policy } = BASE as unknown as Record<string, unknown>;
      const text = JSON.stringify({ realm: 'meta', clientPolicies: { policies: [policy] } });
      const [loaded] = exportFromParsed(parseText(text, 'meta.json'));
      expect(loaded!.settings.clientPolicies[0]?.[field]).toEqual(rowOf(field).keycloakDefault);
    },
  );

  it.each(fields)('%s: the provider dialect writes its argument and reads it back', (field) => {
    const { argument } = rowOf(field).provider;
    const value = otherValue(field, BASE[field]);
    const args = clientPolicyArgsFromSettings({ ...BASE, [field]: value }) as unknown as Record<string, unknown>;
    expect(args[argument]).toEqual(value);
    expect(args.conditions).toEqual([{ name: ANY_CLIENT_CONDITION }]);
    expect(clientPolicySettingsFromInputs({ realmId: 'r', ...args })[field]).toEqual(value);
  });

  it.each(fields)('%s: a diff classifies a change of it', (field) => {
    expect(CLIENT_POLICY_TABLE[field]).toBeTypeOf('function');
    const row = rowOf(field);
    const before = changed(hardenedRealm(), (realm) => realm.clientPolicies.push(structuredClone(BASE)));
    const after = changed(before, (realm) => {
      const policy = realm.clientPolicies.find((candidate) => candidate.name === BASE.name)!;
      (policy as unknown as Record<string, unknown>)[field] = otherValue(field, policy[field]);
    });
    const paths = diffRealm(before, after).map((change) => change.path.join('.'));
    const ignored = 'custom' in row.diff && row.diff.custom.startsWith('ignored');
    if (ignored) expect(paths.filter((path) => path.startsWith(`clientPolicies.${BASE.name}.`))).toEqual([]);
    else expect(paths.filter((path) => `${path}.`.startsWith(`clientPolicies.${BASE.name}.${field}.`))).not.toEqual([]);
  });
});
