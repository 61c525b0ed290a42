/**
 * The realms and clients the unit tests start from, and the helpers that change or wrap them:
 * one place for what rule tables, the runner, the review and the format tests share.
 */
import { keyProfileValues, realmProfileValues, type Profile } from '../../model/profiles.ts';
import type {
  ClientSettings,
  KeyProviderSettings,
  LoadedRealm,
  RealmSettings,
  SourcePosition,
} from '../../model/realm-settings.ts';
import {
  HARDENED_SAML_ATTRIBUTES,
  hardenedAccess,
  hardenedAuthentication,
  hardenedClientScopes,
  hardenedIdentityProviders,
  hardenedUserProfile,
} from './entity-fixtures.ts';

/** A client with every field set: OpenID Connect, enabled, confidential, standard flow only, nothing else. */
export function clientSettings(overrides: Partial<ClientSettings> & Pick<ClientSettings, 'clientId'>): ClientSettings {
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

/**
 * A realm that passes every rule under both profiles: the fixture each rule's table changes
 * one field of. Built as RealmSettings (no file), so rule tests need no loader.
 */
export function hardenedRealm(): RealmSettings {
  return {
    realm: 'hardened',
    ...realmProfileValues('strict'),
    keyProviders: [
      {
        name: 'rsa-ps256',
        providerId: 'rsa-generated',
        priority: 200,
        enabled: true,
        active: true,
        algorithm: 'PS256',
        keySize: 3072,
      },
      {
        name: 'rsa-ps256-previous',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: false,
        algorithm: 'PS256',
        keySize: 3072,
        passiveSince: '2026-11-01',
      },
      {
        name: 'ecdsa-es256',
        providerId: 'ecdsa-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'ES256',
        ellipticCurve: 'P-256',
      },
      {
        name: 'rsa-oaep',
        providerId: 'rsa-enc-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'RSA-OAEP',
        keySize: 3072,
      },
      {
        name: 'hmac-hs512',
        providerId: 'hmac-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'HS512',
        secretSize: 64,
      },
      { name: 'aes', providerId: 'aes-generated', priority: 100, enabled: true, active: true, secretSize: 32 },
    ],
    compromisedKeys: ['rsa-leaked-2025', 'kid-0badc0de'],
    clients: [
      clientSettings({
        clientId: 'web-app',
        publicClient: true,
        clientAuthenticatorType: 'client-secret',
        redirectUris: ['https://app.example.com/callback', 'http://localhost:3000/callback'],
        webOrigins: ['https://app.example.com'],
        // Offline tokens only where a client needs them (offline-access-optional).
        optionalClientScopes: [],
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'dpop.bound.access.tokens': 'true',
          'require.pushed.authorization.requests': 'true',
          'post.logout.redirect.uris': 'https://app.example.com/bye##+',
          'access.token.lifespan': '300',
        },
      }),
      clientSettings({
        clientId: 'portal',
        redirectUris: ['https://portal.example.com/oidc/callback'],
        optionalClientScopes: [],
        webOrigins: ['+'],
        attributes: {
          'pkce.code.challenge.method': 'S256',
          'tls.client.certificate.bound.access.tokens': 'true',
          'require.pushed.authorization.requests': 'true',
          'client.session.idle.timeout': '900',
          'client.session.max.lifespan': '43200',
        },
      }),
      clientSettings({
        clientId: 'batch-service',
        standardFlowEnabled: false,
        serviceAccountsEnabled: true,
        clientAuthenticatorType: 'client-x509',
        attributes: { 'tls.client.certificate.bound.access.tokens': 'true' },
      }),
      // Skipped by every OpenID Connect client rule: SAML, disabled, bearer-only — each insecure on
      // purpose in OpenID Connect terms (the SAML client is hardened for the SAML rules).
      clientSettings({
        clientId: 'saml-sp',
        protocol: 'saml',
        implicitFlowEnabled: true,
        redirectUris: ['https://sp.example.com/saml/acs'],
        webOrigins: ['*'],
        // full-scope-allowed judges SAML clients too (roles reach the assertion through `role list`).
        fullScopeAllowed: false,
        attributes: { ...HARDENED_SAML_ATTRIBUTES },
      }),
      clientSettings({
        clientId: 'retired-app',
        enabled: false,
        publicClient: true,
        directAccessGrantsEnabled: true,
        redirectUris: ['*'],
      }),
      clientSettings({
        clientId: 'legacy-api',
        bearerOnly: true,
        standardFlowEnabled: false,
        fullScopeAllowed: true,
        clientAuthenticatorType: 'client-secret',
      }),
    ],
    clientPolicies: [{ name: 'fapi-2', enabled: true, profiles: ['fapi-2-dpop-security-profile'] }],
    clientProfiles: [],
    identityProviders: hardenedIdentityProviders(),
    authentication: hardenedAuthentication(),
    access: hardenedAccess(),
    clientScopes: hardenedClientScopes(),
    userProfile: hardenedUserProfile(),
  };
}

/** A client of the review's shop realm: baseline-hardened, with its own host's redirect URIs. */
export function shopClient(clientId: string, overrides: Partial<ClientSettings> = {}): ClientSettings {
  return clientSettings({
    clientId,
    redirectUris: [`https://${clientId}.example.com/callback`],
    webOrigins: [`https://${clientId}.example.com`],
    clientAuthenticatorType: 'client-secret',
    defaultClientScopes: ['profile', 'email'],
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'post.logout.redirect.uris': `https://${clientId}.example.com/bye`,
    },
    ...overrides,
  });
}

/** The review's realm: the baseline profile's values, two clients and a token-version claim. */
export function shopRealm(realm = 'shop'): RealmSettings {
  return {
    realm,
    ...realmProfileValues('baseline'),
    keyProviders: keyProfileValues('baseline').defaultProviders,
    compromisedKeys: [],
    clients: [shopClient('web'), shopClient('spa', { publicClient: true })],
    clientPolicies: [{ name: 'oauth21', enabled: true, profiles: ['oauth-2-1-for-confidential-client'] }],
    clientProfiles: [],
    tokenVersionClaim: { attribute: 'tokenVersion', claim: 'tv', clients: ['web'] },
  };
}

/** A copy of the realm changed by `edit`. */
export function changed(realm: RealmSettings, edit: (realm: RealmSettings) => void): RealmSettings {
  const copy = structuredClone(realm);
  edit(copy);
  return copy;
}

export function client(realm: RealmSettings, clientId: string): ClientSettings {
  const found = realm.clients.find((candidate) => candidate.clientId === clientId);
  if (!found) throw new Error(`fixture has no client ${clientId}`);
  return found;
}

export function key(realm: RealmSettings, name: string): KeyProviderSettings {
  const found = realm.keyProviders.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`fixture has no key provider ${name}`);
  return found;
}

/** A loaded realm whose positions a test can set. */
export type LoadedWithPositions = LoadedRealm & { source: { positions: Map<string, SourcePosition> } };

/** Wraps settings as a loaded baseline with no file positions (origin `<realm>.yaml` unless given). */
export function loaded(
  settings: RealmSettings,
  options: { origin?: string; profile?: Profile } = {},
): LoadedWithPositions {
  const { origin = `${settings.realm}.yaml`, profile } = options;
  return { settings, source: { kind: 'baseline', origin, positions: new Map() }, ...(profile && { profile }) };
}

/** The date the tests run at (the hardened realm's passiveSince is 20 days earlier). */
export const NOW = new Date('2026-11-21T12:00:00Z');
