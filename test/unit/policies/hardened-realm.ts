/**
 * A realm that passes every rule under both profiles: the fixture each rule's table changes
 * one field of. Built as RealmSettings (no file), so rule tests need no loader.
 */
import { realmProfileValues } from '../../../model/profiles.ts';
import type { ClientSettings, LoadedRealm, RealmSettings } from '../../../model/realm-settings.ts';

function client(overrides: Partial<ClientSettings> & Pick<ClientSettings, 'clientId'>): ClientSettings {
  return {
    protocol: 'openid-connect',
    enabled: true,
    publicClient: false,
    bearerOnly: false,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: [],
    webOrigins: [],
    clientAuthenticatorType: 'client-jwt',
    fullScopeAllowed: false,
    defaultClientScopes: ['profile', 'email', 'roles'],
    optionalClientScopes: ['offline_access'],
    attributes: {},
    ...overrides,
  };
}

export function hardenedRealm(): RealmSettings {
  return {
    realm: 'hardened',
    ...realmProfileValues('strict'),
    keyProviders: [
      { name: 'rsa-ps256', providerId: 'rsa-generated', priority: 200, enabled: true, active: true, algorithm: 'PS256', keySize: 3072 },
      { name: 'rsa-ps256-previous', providerId: 'rsa-generated', priority: 100, enabled: true, active: false, algorithm: 'PS256', keySize: 3072, passiveSince: '2026-11-01' },
      { name: 'ecdsa-es256', providerId: 'ecdsa-generated', priority: 100, enabled: true, active: true, algorithm: 'ES256', ellipticCurve: 'P-256' },
      { name: 'rsa-oaep', providerId: 'rsa-enc-generated', priority: 100, enabled: true, active: true, algorithm: 'RSA-OAEP', keySize: 3072 },
      { name: 'hmac-hs512', providerId: 'hmac-generated', priority: 100, enabled: true, active: true, algorithm: 'HS512', secretSize: 64 },
      { name: 'aes', providerId: 'aes-generated', priority: 100, enabled: true, active: true, secretSize: 32 },
    ],
    compromisedKeys: ['rsa-leaked-2025', 'kid-0badc0de'],
    clients: [
      client({
        clientId: 'web-app',
        publicClient: true,
        clientAuthenticatorType: 'client-secret',
        redirectUris: ['https://app.example.com/callback', 'http://localhost:3000/callback'],
        webOrigins: ['https://app.example.com'],
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'dpop.bound.access.tokens': 'true',
          'require.pushed.authorization.requests': 'true',
          'post.logout.redirect.uris': 'https://app.example.com/bye##+',
          'access.token.lifespan': '300',
        },
      }),
      client({
        clientId: 'portal',
        redirectUris: ['https://portal.example.com/oidc/callback'],
        webOrigins: ['+'],
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'tls.client.certificate.bound.access.tokens': 'true',
          'require.pushed.authorization.requests': 'true',
          'client.session.idle.timeout': '900',
          'client.session.max.lifespan': '43200',
        },
      }),
      client({
        clientId: 'batch-service',
        standardFlowEnabled: false,
        serviceAccountsEnabled: true,
        clientAuthenticatorType: 'client-x509',
        attributes: { 'tls.client.certificate.bound.access.tokens': 'true' },
      }),
      // Skipped by every client rule: SAML, disabled, bearer-only — each insecure on purpose.
      client({ clientId: 'saml-sp', protocol: 'saml', implicitFlowEnabled: true, redirectUris: ['*'], fullScopeAllowed: true }),
      client({ clientId: 'retired-app', enabled: false, publicClient: true, directAccessGrantsEnabled: true, redirectUris: ['*'] }),
      client({ clientId: 'legacy-api', bearerOnly: true, standardFlowEnabled: false, fullScopeAllowed: true, clientAuthenticatorType: 'client-secret' }),
    ],
    clientPolicies: [{ name: 'fapi-2', enabled: true, profiles: ['fapi-2-dpop-security-profile'] }],
    clientProfiles: [],
  };
}

/** Wraps settings as a loaded realm with no file positions. */
export function loaded(settings: RealmSettings, profile?: LoadedRealm['profile']): LoadedRealm {
  return { settings, source: { kind: 'baseline', origin: 'hardened.yaml', positions: new Map() }, ...(profile && { profile }) };
}

/** The date the table tests run at (passiveSince above is 20 days earlier). */
export const NOW = new Date('2026-11-21T12:00:00Z');
