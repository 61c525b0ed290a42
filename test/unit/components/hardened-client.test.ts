import * as pulumi from '@pulumi/pulumi';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  checkedClientSettings,
  HardenedClient,
  hardenedClientSettings,
  type HardenedClientOptions,
} from '../../../components/hardened-client.ts';
import { InputError } from '../../../model/errors.ts';
import { child, installMocks, isSecretOutput, registered, settle, TYPES, valueOf } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

const spa: HardenedClientOptions = {
  realmId: 'shop',
  clientId: 'web-app',
  accessType: 'public',
  redirectUris: ['https://app.example.com/callback'],
  webOrigins: ['https://app.example.com'],
};

describe('HardenedClient defaults (baseline profile)', () => {
  it('a public SPA: code flow with PKCE S256, no implicit, no password grant, exact URIs, full scope off', async () => {
    new HardenedClient('web', spa);
    await settle();
    const inputs = child(TYPES.client, 'web-client').inputs;
    expect(inputs).toMatchObject({
      realmId: 'shop',
      clientId: 'web-app',
      accessType: 'PUBLIC',
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
      validRedirectUris: ['https://app.example.com/callback'],
      webOrigins: ['https://app.example.com'],
      fullScopeAllowed: false,
      pkceCodeChallengeMethod: 'S256',
      useRefreshTokens: true,
      requireDpopBoundTokens: false,
    });
    expect(inputs).not.toHaveProperty('clientAuthenticatorType');
    expect(inputs.extraConfig).toEqual({
      'tls.client.certificate.bound.access.tokens': 'false',
      'require.pushed.authorization.requests': 'false',
    });
  });

  it('a confidential backend authenticates with a client secret by default', async () => {
    new HardenedClient('api', { realmId: 'shop', clientId: 'orders', serviceAccounts: true });
    await settle();
    expect(child(TYPES.client, 'api-client').inputs).toMatchObject({
      accessType: 'CONFIDENTIAL',
      clientAuthenticatorType: 'client-secret',
      standardFlowEnabled: false,
      serviceAccountsEnabled: true,
    });
    expect(child(TYPES.client, 'api-client').inputs).not.toHaveProperty('validRedirectUris');
  });

  it('the strict profile: private_key_jwt, DPoP-bound tokens and PAR', () => {
    const settings = hardenedClientSettings({
      ...spa,
      accessType: 'confidential',
      profile: 'strict',
      jwksUrl: 'https://app.example.com/jwks',
      tokenEndpointSigningAlgorithm: 'PS256',
    });
    expect(settings.clientAuthenticatorType).toBe('client-jwt');
    expect(settings.attributes).toMatchObject({
      'dpop.bound.access.tokens': 'true',
      'require.pushed.authorization.requests': 'true',
      'use.jwks.url': 'true',
      'jwks.url': 'https://app.example.com/jwks',
      'token.endpoint.auth.signing.alg': 'PS256',
    });
  });
});

describe('HardenedClient per-client token policy', () => {
  it('maps refresh tokens off, session and offline overrides and access-token lifespan (strings of seconds)', async () => {
    new HardenedClient('web', {
      ...spa,
      refreshTokens: false,
      accessTokenLifespan: '2m',
      clientSessionIdleTimeout: '15m',
      clientSessionMaxLifespan: '8h',
      clientOfflineSessionIdleTimeout: '7d',
      clientOfflineSessionMaxLifespan: 2_592_000,
    });
    await settle();
    expect(child(TYPES.client, 'web-client').inputs).toMatchObject({
      useRefreshTokens: false,
      accessTokenLifespan: '120',
      clientSessionIdleTimeout: '900',
      clientSessionMaxLifespan: '28800',
      clientOfflineSessionIdleTimeout: '604800',
      clientOfflineSessionMaxLifespan: '2592000',
    });
  });

  it('mTLS certificate-bound tokens go through the client attribute (extraConfig)', async () => {
    new HardenedClient('svc', {
      realmId: 'shop',
      clientId: 'svc',
      serviceAccounts: true,
      authenticator: 'client-x509',
      x509SubjectDn: 'CN=svc',
      tokenBinding: 'mtls',
    });
    await settle();
    const inputs = child(TYPES.client, 'svc-client').inputs;
    expect(inputs).toMatchObject({ clientAuthenticatorType: 'client-x509', requireDpopBoundTokens: false });
    expect(inputs.extraConfig).toMatchObject({
      'tls.client.certificate.bound.access.tokens': 'true',
      'x509.subjectdn': 'CN=svc',
    });
  });

  it('implicit flow and password grant only when asked', async () => {
    new HardenedClient('legacy', { ...spa, clientId: 'legacy', implicitFlow: true, passwordGrant: true });
    await settle();
    expect(child(TYPES.client, 'legacy-client').inputs).toMatchObject({
      implicitFlowEnabled: true,
      directAccessGrantsEnabled: true,
    });
  });
});

describe('HardenedClient secrets', () => {
  it('exposes the generated client secret only as a Pulumi secret', async () => {
    const client = new HardenedClient('api', { realmId: 'shop', clientId: 'orders', serviceAccounts: true });
    expect(await isSecretOutput(client.clientSecret)).toBe(true);
    expect(await valueOf(client.clientSecret)).toBe('generated-by-keycloak');
  });

  it('passes a given secret to the provider as a secret input', async () => {
    const client = new HardenedClient('api', {
      realmId: 'shop',
      clientId: 'orders',
      serviceAccounts: true,
      clientSecret: pulumi.output('s3cr3t-value'),
    });
    expect(await isSecretOutput(client.client.clientSecret)).toBe(true);
    await settle();
    // The mock monitor receives it wrapped as a secret (Pulumi's secret signature), never bare.
    expect(child(TYPES.client, 'api-client').inputs.clientSecret).toEqual({
      '4dabf18193072939515e22adb298388d': '1b47061264138c4ac30d75fd1eb44270',
      value: 's3cr3t-value',
    });
  });
});

describe('HardenedClient validation', () => {
  it.each([
    [
      { ...spa, redirectUris: ['https://app.example.com/*'] },
      /redirect URI 'https:\/\/app.example.com\/\*' has a wildcard/,
    ],
    [{ ...spa, webOrigins: ['*'] }, /web origin '\*' has a wildcard/],
    [{ ...spa, redirectUris: [], standardFlow: true }, /uses a browser flow but lists no redirect URIs/],
    [{ ...spa, serviceAccounts: true }, /public client 'web-app' cannot use a service account/],
    [{ ...spa, authenticator: 'client-jwt' as const }, /public client 'web-app' does not authenticate/],
    [
      { realmId: 'r', clientId: 'svc', serviceAccounts: true, authenticator: 'client-x509' as const },
      /names no certificate subject/,
    ],
    [
      { realmId: 'r', clientId: 'svc', serviceAccounts: true, authenticator: 'client-jwt' as const, clientSecret: 'x' },
      /authenticates with client-jwt, not a secret/,
    ],
    [{ ...spa, accessTokenLifespan: 'a while' }, /access.token.lifespan: 'a while' is not a duration/],
  ])('refuses %#', (options, message) => {
    expect(() => hardenedClientSettings(options as HardenedClientOptions)).toThrow(InputError);
    expect(() => hardenedClientSettings(options as HardenedClientOptions)).toThrow(message);
  });

  it('refuses a model client that binds tokens both ways', () => {
    const settings = hardenedClientSettings(spa);
    const both = {
      ...settings,
      attributes: {
        ...settings.attributes,
        'dpop.bound.access.tokens': 'true',
        'tls.client.certificate.bound.access.tokens': 'true',
      },
    };
    expect(() => checkedClientSettings(both)).toThrow(/binds tokens with both DPoP and mTLS/);
  });

  it('named options win over free attributes', () => {
    const settings = hardenedClientSettings({
      ...spa,
      attributes: { 'dpop.bound.access.tokens': 'true' },
      tokenBinding: 'mtls',
    });
    expect(settings.attributes['dpop.bound.access.tokens']).toBe('false');
    expect(settings.attributes['tls.client.certificate.bound.access.tokens']).toBe('true');
  });

  it('two clients in one realm never collide', async () => {
    new HardenedClient('a', { ...spa, clientId: 'one' });
    new HardenedClient('b', { ...spa, clientId: 'two' });
    await settle();
    expect(child(TYPES.client, 'a-client').inputs.clientId).toBe('one');
    expect(child(TYPES.client, 'b-client').inputs.clientId).toBe('two');
  });

  it('parents the client to the component', async () => {
    const client = new HardenedClient('web', spa);
    expect(await valueOf(client.client.urn)).toContain(
      'realmguard:index:HardenedClient$keycloak:openid/client:Client::web-client',
    );
  });
});
