import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectKind, loadRealmFile, loadRealmText } from '../../../model/load.ts';
import { KEYCLOAK_CLIENT_DEFAULTS, KEYCLOAK_REALM_DEFAULTS } from '../../../model/keycloak-defaults.ts';
import { KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES } from '../../../model/keycloak-catalog.ts';
import { positionOf } from '../../../model/realm-settings.ts';
import { parseText } from '../../../model/source/parse-text.ts';
import { TOKEN_VERSION_CLIENT_SCOPE } from '../../../model/token-version.ts';

const STOCK = 'test/fixtures/exports/stock-realm.json';

describe('stock realm export (from the real Keycloak 26.7) → model', () => {
  it('reads the realm with Keycloak’s values', async () => {
    const [realm, ...rest] = await loadRealmFile(STOCK);
    expect(rest).toEqual([]);
    const {
      realm: name,
      keycloakVersion,
      keyProviders,
      clients,
      clientPolicies,
      clientProfiles,
      compromisedKeys,
      tokenVersionClaim,
      // issue 14's entity parts: test/unit/model/entities/*
      identityProviders,
      clientScopes,
      access,
      authentication,
      userProfile,
      ...realmLevel
    } = realm!.settings;
    expect(name).toBe('stock');
    expect(keycloakVersion).toBe('26.7.3'); // the server that wrote the export: rules whose matching changed between versions read it
    expect(realm!.source).toMatchObject({ kind: 'realm-export', origin: STOCK });
    // A freshly created realm holds exactly Keycloak's defaults (it was created enabled).
    expect(realmLevel).toEqual({
      ...KEYCLOAK_REALM_DEFAULTS,
      enabled: true,
      enabledEventTypes: [...KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES].sort(),
    });
    expect([clientPolicies, clientProfiles, compromisedKeys, tokenVersionClaim]).toEqual([[], [], [], undefined]);
    // A full export carries every part; a stock realm has no IdP and Keycloak's default user profile.
    expect([clientScopes, access, authentication].every(Boolean)).toBe(true);
    expect(identityProviders).toEqual([]);
    expect(userProfile).toEqual({ attributes: ['username', 'email', 'firstName', 'lastName'] });
    expect(clients.map((client) => client.clientId).sort()).toEqual([
      'account',
      'account-console',
      'admin-cli',
      'broker',
      'minimal-confidential',
      'minimal-public',
      'realm-management',
      'security-admin-console',
    ]);
  });

  it('fills what the export leaves out: key sizes, enabled/active flags, secret sizes', async () => {
    const json = JSON.parse(readFileSync(STOCK, 'utf8')) as {
      components: Record<string, { name: string; config: Record<string, string[]> }[]>;
    };
    const rsaConfig = json.components['org.keycloak.keys.KeyProvider']!.find(
      (component) => component.name === 'rsa-generated',
    )!.config;
    expect(rsaConfig.keySize).toBeUndefined(); // the premise: a stock export omits it
    const [realm] = await loadRealmFile(STOCK);
    const keys = Object.fromEntries(realm!.settings.keyProviders.map((key) => [key.name, key]));
    expect(keys['rsa-generated']).toMatchObject({
      providerId: 'rsa-generated',
      priority: 100,
      enabled: true,
      active: true,
      algorithm: 'RS256',
      keySize: 2048,
    });
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
    expect(fields).toEqual({
      ...defaults,
      defaultClientScopes: minimal.defaultClientScopes,
      optionalClientScopes: minimal.optionalClientScopes,
    });
    expect(minimal.defaultClientScopes).toEqual(
      expect.arrayContaining(['web-origins', 'acr', 'roles', 'profile', 'basic', 'email']),
    );
    expect(attributes['pkce.code.challenge.method']).toBeUndefined();
    expect(byId['security-admin-console']!.attributes['pkce.code.challenge.method']).toBe('S256');
    expect(byId['minimal-public']).toMatchObject({
      publicClient: true,
      redirectUris: ['https://app.example.com/callback'],
    });
  });

  it('keeps positions keyed by model path', async () => {
    const [realm] = await loadRealmFile(STOCK);
    const lines = readFileSync(STOCK, 'utf8').split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(positionOf(realm!.source, ['accessTokenLifespan'])).toEqual({
      file: STOCK,
      line: lineOf('"accessTokenLifespan"'),
      column: 3,
    });
    const pkce = positionOf(realm!.source, [
      'clients',
      'security-admin-console',
      'attributes',
      'pkce.code.challenge.method',
    ]);
    expect(lines[pkce!.line - 1]).toContain('"pkce.code.challenge.method": "S256"');
    const rsa = positionOf(realm!.source, ['keyProviders', 'rsa-generated', 'keySize']);
    // keySize is not in the file: the position is its component's opening brace.
    expect(lines[rsa!.line - 1]!.trim()).toBe('{');
    expect(lines.slice(rsa!.line, rsa!.line + 3).join('\n')).toContain('"name": "rsa-generated"');
  });
});

describe('keycloak-config-cli style files (partial, YAML or JSON, one realm or a list)', () => {
  it('a minimal YAML realm file gets every default', () => {
    const [realm] = loadRealmText(
      'realm: cli\nenabled: true\naccessTokenLifespan: 600\nclients:\n  - clientId: app\n    publicClient: true\n    attributes:\n      pkce.code.challenge.method: S256\n      use.refresh.tokens: false\n',
      'cli.yaml',
    );
    expect(realm!.settings).toMatchObject({
      realm: 'cli',
      accessTokenLifespan: 600,
      ssoSessionIdleTimeout: KEYCLOAK_REALM_DEFAULTS.ssoSessionIdleTimeout,
      revokeRefreshToken: false,
    });
    expect(realm!.settings.clients[0]).toMatchObject({
      clientId: 'app',
      publicClient: true,
      standardFlowEnabled: true,
      fullScopeAllowed: true,
      attributes: { 'pkce.code.challenge.method': 'S256', 'use.refresh.tokens': 'false' },
    });
    expect(realm!.settings.keyProviders).toEqual([]);
    expect(positionOf(realm!.source, ['clients', 'app', 'attributes', 'use.refresh.tokens'])).toMatchObject({
      line: 9,
      column: 7,
    });
  });

  it('a list of realms gives one LoadedRealm each, positions per realm', () => {
    const text = JSON.stringify(
      [
        { realm: 'one', sslRequired: 'NONE' },
        { realm: 'two', accessTokenLifespan: 60 },
      ],
      null,
      2,
    );
    const realms = loadRealmText(text, 'two.json');
    expect(
      realms.map((realm) => [realm.settings.realm, realm.settings.sslRequired, realm.settings.accessTokenLifespan]),
    ).toEqual([
      ['one', 'none', 300],
      ['two', 'external', 60],
    ]);
    expect(positionOf(realms[1]!.source, ['accessTokenLifespan'])).toMatchObject({ line: 8 });
  });

  it('reads key providers from components, the token-version claim from its client scope', () => {
    const text = JSON.stringify({
      realm: 'k',
      components: {
        'org.keycloak.keys.KeyProvider': [
          {
            name: 'ec',
            providerId: 'ecdsa-generated',
            config: { priority: ['50'], ecdsaEllipticCurveKey: ['P-384'], active: ['false'] },
          },
        ],
      },
      clientScopes: [
        {
          name: TOKEN_VERSION_CLIENT_SCOPE,
          protocolMappers: [
            {
              protocolMapper: 'oidc-usermodel-attribute-mapper',
              config: { 'user.attribute': 'tv', 'claim.name': 'tver' },
            },
          ],
        },
      ],
      clients: [{ clientId: 'a', defaultClientScopes: [TOKEN_VERSION_CLIENT_SCOPE] }, { clientId: 'b' }],
    });
    const [realm] = loadRealmText(text, 'k.json');
    expect(realm!.settings.keyProviders).toEqual([
      {
        name: 'ec',
        providerId: 'ecdsa-generated',
        priority: 50,
        enabled: true,
        active: false,
        algorithm: 'ES384',
        ellipticCurve: 'P-384',
      },
    ]);
    expect(realm!.settings.tokenVersionClaim).toEqual({ attribute: 'tv', claim: 'tver', clients: ['a'] });
  });

  it('an imported RSA key (provider `rsa`) gets its real size from the certificate the export carries', () => {
    // A self-signed certificate of a 3072-bit key (openssl req -x509 -newkey rsa:3072 -outform DER | base64).
    const certificate =
      'MIIEFTCCAn2gAwIBAgIUbLmubdUT+pgr/ltwj16kwQbAaSYwDQYJKoZIhvcNAQELBQAwGjEYMBYGA1UEAwwPcmVhbG1ndWFyZC10ZXN0MB4XDTI2MTEyMTE2MjgzNVoXDTM2MTExODE2MjgzNVowGjEYMBYGA1UEAwwPcmVhbG1ndWFyZC10ZXN0MIIBojANBgkqhkiG9w0BAQEFAAOCAY8AMIIBigKCAYEA0xCtzctr3l/jUoShQT7KNHyCTuklGnGZtG2qQ88tUxHX/5BkvMDezKfh3YCKEJ0BEbl5GVhQuDDOUXcvsoGN4y3ts87vnlDRAMcn0N3lllq1kToCvahxEakG3NV8xsvCw2ZzDGEDpuqQV+qHcAkpm1PPTN9MunU2opEgPfNfm6aEraXht4S2hbFSUnkP0FiOk1QasN+xMZcVM011MxSlL/PUIteTIPP7eiywLlxnkxWyTesJBu/E+hG6OB8zO8sWpcHdBr8yN6TV5wsug8C9Al95HqxWVaWHruUN9zGp2U2nqFFZpiuf8j6KPlR+VSs+lGe0mXEavwFuSLe7OdPGlXbOdN/k+qVD0Sco90Fe0EzPKMjMxeBDE29UhAjaiMd4fjLHe79226NQGEHI31xJumZ1DndaaUtqhOj/zKn54ycF5R9M/BOlvLychN5aDnF2Q8SHs0dt7MTeljKqmV7s/dxpByw/LfEExYA25qWLSv5+PZ9un6RQvRrYxiZ7AMJHAgMBAAGjUzBRMB0GA1UdDgQWBBRnu3ZpohSCZ+ALW1M99NCKUdqdpjAfBgNVHSMEGDAWgBRnu3ZpohSCZ+ALW1M99NCKUdqdpjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBgQCugMc9PzoGZ3EbrHbrV1W0PnNuD8n0kh3bL5FhlOAIs6fKXy0pT6NjTdIPBWBY5cIlhV/jI/+oVLVERXT6FGoRxF3qZI8Lbhz6+H/e0UXGPHq903JusCCgM8pMRYXFy/stDvdMdakeOf88knhoST5crJ6fVv4tbGAOPRdFf6Tu1W4p2F9doSoONczbXweOTQFRz0n8wwfT6Y5TVe6eacRVYUJWuM9uO8n+jwMtuGgql0lLV4sPMIIUbImNMJDU1pPCrLMwrEaWpfqLTLka0ZHobDs7kvwb0nG8Xm32yMm5tIB2vhdOOUtpFp2y69py1QbRlNFSSzUeEjwUqaxX5RpPSXGJWpTeLb8rcpc6FV2kCCLJ12mzhU8eQpZISuYMrb25cQvg3SbC8eweRr/cGOV1v056kj/V4Mbfy9kgNGqLocs+SP+NjkyaLDGJGxRKMaMJlWm8Kq79UCoQes2mSmLB13KIJ9eIdZGUK/M0rimOz148uuLLDeAF/RdOrdIOhIc=';
    const text = JSON.stringify({
      realm: 'imported',
      components: {
        'org.keycloak.keys.KeyProvider': [
          {
            name: 'imported',
            providerId: 'rsa',
            config: { priority: ['100'], certificate: [certificate], privateKey: ['**********'] },
          },
          { name: 'masked', providerId: 'rsa', config: { certificate: ['**********'], keySize: ['4096'] } },
        ],
      },
    });
    const [realm] = loadRealmText(text, 'imported.json');
    expect(realm!.settings.keyProviders.map((key) => [key.name, key.keySize, key.algorithm])).toEqual([
      ['imported', 3072, 'RS256'],
      ['masked', 4096, 'RS256'],
    ]);
    expect(JSON.stringify(realm!.settings)).not.toContain('privateKey');
  });

  it('refuses duplicate client ids and duplicate realms', () => {
    expect(() => loadRealmText('{"realm":"d","clients":[{"clientId":"x"},{"clientId":"x"}]}', 'd.json')).toThrow(
      /client 'x' appears twice/,
    );
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
