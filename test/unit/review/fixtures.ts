/** A hardened realm built from the baseline profile, and helpers to change one thing in it. */
import { keyProfileValues, realmProfileValues } from '../../../model/profiles.ts';
import type { ClientSettings, LoadedRealm, RealmSettings } from '../../../model/realm-settings.ts';

export function hardenedClient(clientId: string, overrides: Partial<ClientSettings> = {}): ClientSettings {
  return {
    clientId,
    protocol: 'openid-connect',
    enabled: true,
    publicClient: false,
    bearerOnly: false,
    standardFlowEnabled: true,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: [`https://${clientId}.example.com/callback`],
    webOrigins: [`https://${clientId}.example.com`],
    clientAuthenticatorType: 'client-secret',
    fullScopeAllowed: false,
    defaultClientScopes: ['profile', 'email'],
    optionalClientScopes: ['offline_access'],
    attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': `https://${clientId}.example.com/bye` },
    ...overrides,
  };
}

export function hardenedRealm(realm = 'shop'): RealmSettings {
  return {
    realm,
    ...realmProfileValues('baseline'),
    keyProviders: keyProfileValues('baseline').defaultProviders,
    compromisedKeys: [],
    clients: [hardenedClient('web'), hardenedClient('spa', { publicClient: true })],
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

export function loaded(settings: RealmSettings, origin = `${settings.realm}.yaml`): LoadedRealm {
  return { settings, source: { kind: 'baseline', origin, positions: new Map() }, profile: 'baseline' };
}
