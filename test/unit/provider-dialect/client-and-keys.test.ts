import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clientArgsFromSettings,
  clientSettingsFromInputs,
  keyProviderArgsFromSettings,
  keyProviderSettingsFromInputs,
  KEY_PROVIDER_RESOURCE_TYPES,
} from '../../../model/provider-dialect.ts';
import { InputError } from '../../../model/errors.ts';
import type { ClientSettings, KeyProviderSettings } from '../../../model/realm-settings.ts';
import { clientSettings } from './arbitraries.ts';

function webApp(): ClientSettings {
  return {
    clientId: 'web-app',
    protocol: 'openid-connect',
    enabled: true,
    publicClient: true,
    bearerOnly: false,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: ['https://app.example.com/callback'],
    webOrigins: ['https://app.example.com'],
    clientAuthenticatorType: 'client-secret',
    fullScopeAllowed: false,
    defaultClientScopes: [],
    optionalClientScopes: [],
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'use.refresh.tokens': 'true',
      'dpop.bound.access.tokens': 'true',
      'access.token.lifespan': '120',
      'client.session.idle.timeout': '900',
      'post.logout.redirect.uris': 'https://app.example.com/bye##https://app.example.com/',
      'require.pushed.authorization.requests': 'true',
      'tls.client.certificate.bound.access.tokens': 'false',
    },
  };
}

describe('clientArgsFromSettings', () => {
  it('maps access type, flows, URIs and attributes with provider arguments to top-level arguments', () => {
    const args = clientArgsFromSettings(webApp(), 'shop');
    expect(args).toMatchObject({
      realmId: 'shop',
      clientId: 'web-app',
      accessType: 'PUBLIC',
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      validRedirectUris: ['https://app.example.com/callback'],
      webOrigins: ['https://app.example.com'],
      fullScopeAllowed: false,
      pkceCodeChallengeMethod: 'S256',
      useRefreshTokens: true,
      requireDpopBoundTokens: true,
      accessTokenLifespan: '120',
      clientSessionIdleTimeout: '900',
      validPostLogoutRedirectUris: ['https://app.example.com/bye', 'https://app.example.com/'],
    });
    expect(args).not.toHaveProperty('clientAuthenticatorType');
  });

  it('puts every attribute without a provider argument into extraConfig, and none that has one', () => {
    const args = clientArgsFromSettings(webApp(), 'shop');
    expect(args.extraConfig).toEqual({
      'require.pushed.authorization.requests': 'true',
      'tls.client.certificate.bound.access.tokens': 'false',
    });
  });

  it('leaves redirect URIs and web origins out when no flow uses them (the provider rejects them)', () => {
    const service = { ...webApp(), publicClient: false, standardFlowEnabled: false, serviceAccountsEnabled: true };
    const args = clientArgsFromSettings(service, 'shop');
    expect(args).not.toHaveProperty('validRedirectUris');
    expect(args).not.toHaveProperty('webOrigins');
    expect(args).toMatchObject({ accessType: 'CONFIDENTIAL', clientAuthenticatorType: 'client-secret' });
  });

  it('refuses a SAML client with an InputError', () => {
    expect(() => clientArgsFromSettings({ ...webApp(), protocol: 'saml' }, 'shop')).toThrow(InputError);
  });

  it('round-trips: settings → provider arguments → settings', () => {
    fc.assert(
      fc.property(clientSettings, (client) => {
        const back = clientSettingsFromInputs(clientArgsFromSettings(client, 'r'));
        const { defaultClientScopes: _d, optionalClientScopes: _o, ...rest } = client;
        expect(back).toEqual({
          ...rest,
          // A public client sends no authenticator type; the provider's default stands in.
          clientAuthenticatorType: client.publicClient ? 'client-secret' : client.clientAuthenticatorType,
        });
      }),
    );
  });
});

describe('clientSettingsFromInputs', () => {
  it('reports the provider defaults for omitted arguments', () => {
    expect(clientSettingsFromInputs({ clientId: 'x', accessType: 'CONFIDENTIAL' })).toEqual({
      protocol: 'openid-connect',
      clientId: 'x',
      enabled: true,
      publicClient: false,
      bearerOnly: false,
      clientAuthenticatorType: 'client-secret',
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: [],
      webOrigins: [],
      fullScopeAllowed: true,
      attributes: { 'use.refresh.tokens': 'true' },
    });
  });

  it('leaves the access type unknown when the input is not one of the provider values', () => {
    const settings = clientSettingsFromInputs({ clientId: 'x', accessType: 42 });
    expect(settings.publicClient).toBeUndefined();
    expect(settings.bearerOnly).toBeUndefined();
  });
});

describe('key providers', () => {
  const key = (over: Partial<KeyProviderSettings>): KeyProviderSettings => ({
    name: 'k',
    providerId: 'rsa-generated',
    priority: 200,
    enabled: true,
    active: true,
    ...over,
  });

  it.each([
    [
      key({ algorithm: 'PS256', keySize: 3072 }),
      {
        providerId: 'rsa-generated',
        args: { name: 'k', priority: 200, enabled: true, active: true, algorithm: 'PS256', keySize: 3072 },
      },
    ],
    [
      key({ providerId: 'ecdsa-generated', ellipticCurve: 'P-384', active: false }),
      {
        providerId: 'ecdsa-generated',
        args: { name: 'k', priority: 200, enabled: true, active: false, ellipticCurveKey: 'P-384' },
      },
    ],
    [
      key({ providerId: 'hmac-generated', algorithm: 'HS512', secretSize: 64 }),
      {
        providerId: 'hmac-generated',
        args: { name: 'k', priority: 200, enabled: true, active: true, algorithm: 'HS512', secretSize: 64 },
      },
    ],
    [
      key({ providerId: 'aes-generated', secretSize: 32 }),
      { providerId: 'aes-generated', args: { name: 'k', priority: 200, enabled: true, active: true, secretSize: 32 } },
    ],
  ])('maps %o', (settings, expected) => {
    expect(keyProviderArgsFromSettings(settings)).toEqual(expected);
  });

  it('refuses a provider type @pulumi/keycloak has no resource for, naming the key and the way out', () => {
    expect(() => keyProviderArgsFromSettings(key({ name: 'enc', providerId: 'rsa-enc-generated' }))).toThrow(
      /key provider 'enc' has type 'rsa-enc-generated'/,
    );
  });

  it('round-trips: settings → provider arguments → settings, for every managed type', () => {
    const keyArb = fc.oneof(
      fc.record({
        providerId: fc.constant('rsa-generated'),
        algorithm: fc.constantFrom('RS256', 'PS256', 'RS512'),
        keySize: fc.constantFrom(2048, 3072, 4096),
      }),
      fc.record({
        providerId: fc.constant('ecdsa-generated'),
        ellipticCurve: fc.constantFrom('P-256', 'P-384', 'P-521'),
      }),
      fc.record({
        providerId: fc.constant('hmac-generated'),
        algorithm: fc.constantFrom('HS256', 'HS512'),
        secretSize: fc.constantFrom(32, 64),
      }),
      fc.record({ providerId: fc.constant('aes-generated'), secretSize: fc.constantFrom(16, 24, 32) }),
    );
    fc.assert(
      fc.property(
        keyArb,
        fc.nat(1000),
        fc.boolean(),
        fc.boolean(),
        fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
        (typed, priority, enabled, active, name) => {
          const settings = { name, priority, enabled, active, ...typed } as KeyProviderSettings;
          const dialect = keyProviderArgsFromSettings(settings);
          const back = keyProviderSettingsFromInputs(KEY_PROVIDER_RESOURCE_TYPES[dialect.providerId], dialect.args);
          const algorithm =
            settings.providerId === 'ecdsa-generated'
              ? { algorithm: { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[settings.ellipticCurve ?? ''] }
              : {};
          expect(back).toEqual({ ...settings, ...algorithm });
        },
      ),
    );
  });

  it('reads inputs by Pulumi type token and fills the provider defaults', () => {
    expect(
      keyProviderSettingsFromInputs('keycloak:index/realmKeystoreRsaGenerated:RealmKeystoreRsaGenerated', {
        name: 'a',
      }),
    ).toEqual({
      providerId: 'rsa-generated',
      name: 'a',
      priority: 0,
      enabled: true,
      active: true,
      algorithm: 'RS256',
      keySize: 2048,
    });
    expect(keyProviderSettingsFromInputs('keycloak:index/realm:Realm', {})).toBeUndefined();
  });
});
