/**
 * The same realm, read live through the admin API and exported by the server (partial export,
 * as the admin console does), must give the same model. The realm starts stock and gets the
 * settings a hardened realm has: rotation, events, extra keys (one passive), client attributes,
 * a client policy and the token-version client scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { readLiveRealm } from '../../../model/live.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { loadRealmText } from '../../../model/load.ts';
import { InputError } from '../../../model/errors.ts';
import type { LoadedRealm, RealmSettings } from '../../../model/realm-settings.ts';
import { TOKEN_VERSION_CLIENT_SCOPE } from '../../../model/token-version.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';
import { createStockRealm } from '../../fixtures/exports/stock-realm.ts';
import { comparableParts } from './comparable-model.ts';

let admin: KcAdminClient;
const realm = uniqueRealmName('live-export');

async function harden(): Promise<void> {
  await admin.realms.update(
    { realm },
    {
      revokeRefreshToken: true,
      accessTokenLifespan: 240,
      ssoSessionIdleTimeout: 900,
      offlineSessionMaxLifespanEnabled: true,
      bruteForceProtected: true,
      failureFactor: 7,
      passwordPolicy: 'length(12) and notUsername(undefined)',
      defaultSignatureAlgorithm: 'PS256',
      eventsEnabled: true,
      eventsExpiration: 7_776_000,
      enabledEventTypes: ['LOGIN', 'LOGIN_ERROR', 'REFRESH_TOKEN', 'LOGOUT'],
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: true,
    },
  );
  const { id: parentId } = (await admin.realms.findOne({ realm }))!;
  const key = (name: string, providerId: string, config: Record<string, string[]>) =>
    admin.components.create({
      realm,
      name,
      providerId,
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId,
      config,
    });
  await key('ps256-3072', 'rsa-generated', { priority: ['200'], algorithm: ['PS256'], keySize: ['3072'] });
  await key('old-passive', 'rsa-generated', { priority: ['50'], active: ['false'] });
  await key('es384', 'ecdsa-generated', { priority: ['150'], ecdsaEllipticCurveKey: ['P-384'] });
  await admin.clients.create({
    realm,
    clientId: 'fapi-app',
    publicClient: false,
    clientAuthenticatorType: 'client-jwt',
    redirectUris: ['https://fapi.example.com/cb'],
    fullScopeAllowed: false,
    attributes: {
      'pkce.code.challenge.method': 'S256',
      'dpop.bound.access.tokens': 'true',
      'require.pushed.authorization.requests': 'true',
      'access.token.lifespan': '120',
      'post.logout.redirect.uris': 'https://fapi.example.com/bye##https://fapi.example.com/again',
    },
  });
  await admin.clientPolicies.updatePolicy({
    realm,
    policies: [
      {
        name: 'fapi',
        enabled: true,
        profiles: ['fapi-2-dpop-security-profile'],
        conditions: [{ condition: 'any-client', configuration: {} }],
      },
    ],
  });
  const { id: scopeId } = await admin.clientScopes.create({
    realm,
    name: TOKEN_VERSION_CLIENT_SCOPE,
    protocol: 'openid-connect',
    protocolMappers: [
      {
        name: 'token version',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-usermodel-attribute-mapper',
        config: {
          'user.attribute': 'token_version',
          'claim.name': 'token_version',
          'access.token.claim': 'true',
          'jsonType.label': 'int',
        },
      },
    ],
  });
  const [fapi] = await admin.clients.find({ realm, clientId: 'fapi-app' });
  await admin.clients.addDefaultClientScope({ realm, id: fapi!.id!, clientScopeId: scopeId });
}

beforeAll(async () => {
  admin = await adminClient();
  await createStockRealm(admin, realm);
  await harden();
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

/** Live models carry kids (from GET /keys) that an export cannot have; everything else must match. */
function withoutKids(settings: RealmSettings): RealmSettings {
  return { ...settings, keyProviders: settings.keyProviders.map(({ kids: _kids, ...key }) => key) };
}

function sorted(settings: RealmSettings): RealmSettings {
  const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...settings,
    keyProviders: byName(settings.keyProviders),
    clients: [...settings.clients].sort((a, b) => a.clientId.localeCompare(b.clientId)),
    clientPolicies: byName(settings.clientPolicies),
  };
}

describe('live realm ≡ its export', () => {
  let live: LoadedRealm;
  let exported: LoadedRealm;

  beforeAll(async () => {
    live = await readLiveRealm(adminLiveSource(realm), realm);
    // With groups and roles: an export without them says nothing about who holds what.
    const text = JSON.stringify(
      await admin.realms.export({ realm, exportClients: true, exportGroupsAndRoles: true }),
      null,
      2,
    );
    [exported] = loadRealmText(text, `${realm}.json`) as [LoadedRealm];
  });

  it('gives the same model', () => {
    // The export names the Keycloak that wrote it; the live reader asks the server (a master admin may read it).
    expect(exported.settings.keycloakVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(live.settings.keycloakVersion).toBe(exported.settings.keycloakVersion);
    expect({ ...sorted(withoutKids(live.settings)), ...comparableParts(live.settings, 'live') }).toEqual({
      ...sorted(exported.settings),
      ...comparableParts(exported.settings, 'export'),
    });
    expect(live.source.kind).toBe('live');
    expect(exported.source.kind).toBe('realm-export');
  });

  it('the model holds what was set', () => {
    const settings = live.settings;
    expect(settings).toMatchObject({
      revokeRefreshToken: true,
      accessTokenLifespan: 240,
      failureFactor: 7,
      defaultSignatureAlgorithm: 'PS256',
      eventsExpiration: 7_776_000,
      adminEventsDetailsEnabled: true,
    });
    expect(settings.enabledEventTypes).toEqual(['LOGIN', 'LOGIN_ERROR', 'LOGOUT', 'REFRESH_TOKEN']); // sorted: a set in Keycloak
    const keys = Object.fromEntries(settings.keyProviders.map((key) => [key.name, key]));
    expect(keys['ps256-3072']).toMatchObject({ algorithm: 'PS256', keySize: 3072, priority: 200, active: true });
    expect(keys['old-passive']).toMatchObject({ active: false, enabled: true, keySize: 2048 });
    expect(keys['es384']).toMatchObject({ algorithm: 'ES384', ellipticCurve: 'P-384' });
    for (const key of settings.keyProviders) expect(key.kids?.length, key.name).toBeGreaterThan(0);
    const fapi = settings.clients.find((client) => client.clientId === 'fapi-app')!;
    expect(fapi).toMatchObject({
      clientAuthenticatorType: 'client-jwt',
      fullScopeAllowed: false,
      attributes: { 'dpop.bound.access.tokens': 'true', 'access.token.lifespan': '120' },
    });
    expect(settings.clientPolicies).toEqual([
      { name: 'fapi', enabled: true, profiles: ['fapi-2-dpop-security-profile'] },
    ]);
    expect(settings.tokenVersionClaim).toEqual({
      attribute: 'token_version',
      claim: 'token_version',
      clients: ['fapi-app'],
    });
  });

  it('no secret reaches the model', () => {
    const text = JSON.stringify(live.settings);
    expect(text).not.toMatch(/"secret"|privateKey|\*{6}/);
  });

  it('an unknown realm is a clear input error', async () => {
    await expect(readLiveRealm(adminLiveSource(`${realm}-missing`), `${realm}-missing`)).rejects.toThrow(InputError);
    await expect(readLiveRealm(adminLiveSource(`${realm}-missing`), `${realm}-missing`)).rejects.toMatchObject({
      message: expect.stringMatching(/404|does not exist/) as unknown,
    });
  });
});
