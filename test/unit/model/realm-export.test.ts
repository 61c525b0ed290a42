import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind, loadRealmFile, loadRealmText } from '../../../model/load.ts';
import { KEYCLOAK_CLIENT_DEFAULTS, KEYCLOAK_REALM_DEFAULTS } from '../../../model/keycloak-defaults.ts';
import { KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES } from '../../../model/keycloak-catalog.ts';
import { positionOf } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';

const STOCK = 'test/fixtures/exports/stock-realm.json';

describe('stock realm export (from the real Keycloak 26.7) → model', () => {
  it('reads the realm with Keycloak’s values', async () => {
    const [realm, ...rest] = await loadRealmFile(STOCK);
    expect(rest).toEqual([]);
    const { realm: name, keyProviders, clients, clientPolicies, clientProfiles, compromisedKeys, tokenVersionClaim, ...realmLevel } = realm!.settings;
    expect(name).toBe('stock');
    expect(realm!.source).toMatchObject({ kind: 'realm-export', origin: STOCK });
    // A freshly created realm holds exactly Keycloak's defaults (it was created enabled).
    expect(realmLevel).toEqual({ ...KEYCLOAK_REALM_DEFAULTS, enabled: true, enabledEventTypes: [...KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES].sort() });
    expect([clientPolicies, clientProfiles, compromisedKeys, tokenVersionClaim]).toEqual([[], [], [], undefined]);
    expect(clients.map((client) => client.clientId).sort()).toEqual(
      ['account', 'account-console', 'admin-cli', 'broker', 'minimal-confidential', 'minimal-public', 'realm-management', 'security-admin-console'],
    );
  });

  it('fills what the export leaves out: key sizes, enabled/active flags, secret sizes', async () => {
    const json = JSON.parse(readFileSync(STOCK, 'utf8')) as { components: Record<string, { name: string; config: Record<string, string[]> }[]> };
    const rsaConfig = json.components['org.keycloak.keys.KeyProvider']!.find((component) => component.name === 'rsa-generated')!.config;
    expect(rsaConfig.keySize).toBeUndefined(); // the premise: a stock export omits it
    const [realm] = await loadRealmFile(STOCK);
    const keys = Object.fromEntries(realm!.settings.keyProviders.map((key) => [key.name, key]));
    expect(keys['rsa-generated']).toMatchObject({ providerId: 'rsa-generated', priority: 100, enabled: true, active: true, algorithm: 'RS256', keySize: 2048 });
    expect(keys['rsa-enc-generated']).toMatchObject({ algorithm: 'RSA-OAEP', keySize: 2048 });
    expect(keys['hmac-generated-hs512']).toMatchObject({ algorithm: 'HS512', secretSize: 128 });
    expect(keys['aes-generated']).toMatchObject({ secretSize: 32 });
    expect(keys['aes-generated']!.algorithm).toBeUndefined();
  });

  it('reads clients with their attributes; a minimal client gets Keycloak’s defaults', async () => {
    const [realm] = await loadRealmFile(STOCK);
    const byId = Object.fromEntries(realm!.settings.clients.map((client) => [client.clientId, client]));
    const minimal = byId['minimal-confidential']!;
    const { clientId: _id, id: _uuid, notBefore: _nb, attributes, ...fields } = minimal;
    const { attributes: _defaultAttributes, ...defaults } = KEYCLOAK_CLIENT_DEFAULTS;
    expect(fields).toEqual({ ...defaults, defaultClientScopes: minimal.defaultClientScopes, optionalClientScopes: minimal.optionalClientScopes });
    expect(minimal.defaultClientScopes).toEqual(expect.arrayContaining(['web-origins', 'acr', 'roles', 'profile', 'basic', 'email']));
    expect(attributes['pkce.code.challenge.method']).toBeUndefined();
    expect(byId['security-admin-console']!.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(byId['minimal-public']).toMatchObject({ publicClient: true, redirectUris: ['https://app.example.com/callback'] });
  });

  it('keeps positions keyed by model path', async () => {
    const [realm] = await loadRealmFile(STOCK);
    const lines = readFileSync(STOCK, 'utf8').split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(positionOf(realm!.source, ['accessTokenLifespan'])).toEqual({ file: STOCK, line: lineOf('"accessTokenLifespan"'), column: 3 });
    const pkce = positionOf(realm!.source, ['clients', 'security-admin-console', 'attributes', 'pkce.code.challenge.method']);
    expect(lines[pkce!.line - 1]).toContain('"pkce.code.challenge.method": "S256"');
    const rsa = positionOf(realm!.source, ['keyProviders', 'rsa-generated', 'keySize']);
    // keySize is not in the file: the position is its component's opening brace.
    expect(lines[rsa!.line - 1]!.trim()).toBe('{');
    expect(lines.slice(rsa!.line, rsa!.line + 3).join('\n')).toContain('"name": "rsa-generated"');
  });
});

describe('keycloak-config-cli style files (partial, YAML or JSON, one realm or a list)', () => {
  it('a minimal YAML realm file gets every default', () => {
    const [realm] = loadRealmText('realm: cli\nenabled: true\naccessTokenLifespan: 600\nclients:\n  - clientId: app\n    publicClient: true\n    attributes:\n      pkce.code.challenge.method: S256\n      use.refresh.tokens: false\n', 'cli.yaml');
    expect(realm!.settings).toMatchObject({ realm: 'cli', accessTokenLifespan: 600, ssoSessionIdleTimeout: KEYCLOAK_REALM_DEFAULTS.ssoSessionIdleTimeout, revokeRefreshToken: false });
    expect(realm!.settings.clients[0]).toMatchObject({ clientId: 'app', publicClient: true, standardFlowEnabled: true, fullScopeAllowed: true, attributes: { 'pkce.code.challenge.method': 'S256', 'use.refresh.tokens': 'false' } });
    expect(realm!.settings.keyProviders).toEqual([]);
    expect(positionOf(realm!.source, ['clients', 'app', 'attributes', 'use.refresh.tokens'])).toMatchObject({ line: 9, column: 7 });
  });

  it('a list of realms gives one LoadedRealm each, positions per realm', () => {
    const text = JSON.stringify([{ realm: 'one', sslRequired: 'NONE' }, { realm: 'two', accessTokenLifespan: 60 }], null, 2);
    const realms = loadRealmText(text, 'two.json');
    expect(realms.map((realm) => [realm.settings.realm, realm.settings.sslRequired, realm.settings.accessTokenLifespan])).toEqual([
      ['one', 'none', 300],
      ['two', 'external', 60],
    ]);
    expect(positionOf(realms[1]!.source, ['accessTokenLifespan'])).toMatchObject({ line: 8 });
  });

  it('reads key providers from components, the token-version claim from its client scope', () => {
    const text = JSON.stringify({
      realm: 'k',
      components: { 'org.keycloak.keys.KeyProvider': [{ name: 'ec', providerId: 'ecdsa-generated', config: { priority: ['50'], ecdsaEllipticCurveKey: ['P-384'], active: ['false'] } }] },
      clientScopes: [{ name: 'token-version', protocolMappers: [{ protocolMapper: 'oidc-usermodel-attribute-mapper', config: { 'user.attribute': 'tv', 'claim.name': 'tver' } }] }],
      clients: [{ clientId: 'a', defaultClientScopes: ['token-version'] }, { clientId: 'b' }],
    });
    const [realm] = loadRealmText(text, 'k.json');
    expect(realm!.settings.keyProviders).toEqual([{ name: 'ec', providerId: 'ecdsa-generated', priority: 50, enabled: true, active: false, algorithm: 'ES384', ellipticCurve: 'P-384' }]);
    expect(realm!.settings.tokenVersionClaim).toEqual({ attribute: 'tv', claim: 'tver', clients: ['a'] });
  });

  it('refuses duplicate client ids and duplicate realms', () => {
    expect(() => loadRealmText('{"realm":"d","clients":[{"clientId":"x"},{"clientId":"x"}]}', 'd.json')).toThrow(/client 'x' appears twice/);
    expect(() => loadRealmText('[{"realm":"d"},{"realm":"d"}]', 'd.json')).toThrow(/realm 'd' appears twice/);
    expect(() => loadRealmText('[]', 'd.json')).toThrow(/empty list/);
  });
});

describe('baseline or realm export?', () => {
  const kind = (text: string, file: string) => detectKind(parseText(text, file));
  it.each([
    ['realm: a\nprofile: strict\n', 'a.yaml', 'baseline'],
    ['realm: a\ntokens: {}\n', 'a.yaml', 'baseline'],
    ['realm: a\n', 'a.yaml', 'baseline'],
    ['realm: a\nprofil: strict\n', 'a.yaml', 'baseline'],
    ['realm: a\naccessTokenLifespan: 300\n', 'a.yaml', 'realm-export'],
    ['{"realm": "a"}', 'a.json', 'realm-export'],
    ['{"realm": "a", "profile": "strict"}', 'a.json', 'baseline'],
    ['[{"realm": "a"}]', 'a.json', 'realm-export'],
    ['- realm: a\n', 'a.yaml', 'realm-export'],
  ] as const)('%j (%s) is a %s', (text, file, expected) => {
    expect(kind(text, file)).toBe(expected);
  });
});
