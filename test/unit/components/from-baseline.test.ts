import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HardenedRealmFromBaseline, planBaseline } from '../../../components/hardened-realm-from-baseline.ts';
import { InputError } from '../../../model/errors.ts';
import { keyProfileValues, realmProfileValues } from '../../../model/profiles.ts';
import {
  pathKey,
  type ClientSettings,
  type FieldPath,
  type KeyProviderSettings,
  type LoadedRealm,
} from '../../../model/realm-settings.ts';
import { clientSettings, loaded } from '../../support/fixtures.ts';
import { child, installMocks, ofType, registered, settle, TYPES } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

/** A public client of its own host, with PKCE and refresh tokens. */
function client(clientId: string, over: Partial<ClientSettings> = {}): ClientSettings {
  return clientSettings({
    clientId,
    publicClient: true,
    redirectUris: [`https://${clientId}.example.com/cb`],
    webOrigins: [`https://${clientId}.example.com`],
    clientAuthenticatorType: 'client-secret',
    defaultClientScopes: [],
    optionalClientScopes: [],
    attributes: { 'pkce.code.challenge.method': 'S256', 'use.refresh.tokens': 'true' },
    ...over,
  });
}

/** A loaded baseline; `declared` lists the model paths the file itself states (with made-up lines). */
function baseline(
  realm: string,
  over: {
    keys?: KeyProviderSettings[];
    clients?: ClientSettings[];
    profile?: 'baseline' | 'strict';
    declared?: FieldPath[];
    compromised?: string[];
  } = {},
): LoadedRealm {
  const profile = over.profile ?? 'baseline';
  const origin = `baselines/${realm}.yaml`;
  const realmLoaded = loaded(
    {
      ...realmProfileValues(profile),
      realm,
      keyProviders: over.keys ?? keyProfileValues(profile).defaultProviders,
      compromisedKeys: over.compromised ?? [],
      clients: over.clients ?? [client('web')],
      clientPolicies: [],
      clientProfiles: [],
      tokenVersionClaim: { attribute: 'token_version', claim: 'token_version', clients: ['*'] },
    },
    { origin, profile },
  );
  const positions = new Map(
    (over.declared ?? []).map((path, index) => [pathKey(path), { file: origin, line: 10 + index, column: 3 }]),
  );
  return { ...realmLoaded, source: { ...realmLoaded.source, positions } };
}

describe('HardenedRealmFromBaseline', () => {
  it('builds realm, events, clients and the token-version mappers from one baseline', async () => {
    new HardenedRealmFromBaseline('shop', {
      baseline: baseline('shop', {
        clients: [
          client('web'),
          client('orders', {
            publicClient: false,
            standardFlowEnabled: false,
            serviceAccountsEnabled: true,
            redirectUris: [],
            webOrigins: [],
          }),
        ],
      }),
    });
    await settle();
    expect(child(TYPES.realm, 'shop-realm-realm').inputs).toMatchObject({ realm: 'shop', accessTokenLifespan: '5m0s' });
    expect(child(TYPES.events, 'shop-realm-events').inputs).toMatchObject({ realmId: 'shop', eventsEnabled: true });
    expect(child(TYPES.client, 'shop-client-web-client').inputs).toMatchObject({
      realmId: 'shop',
      clientId: 'web',
      accessType: 'PUBLIC',
      pkceCodeChallengeMethod: 'S256',
    });
    expect(child(TYPES.client, 'shop-client-orders-client').inputs).toMatchObject({
      accessType: 'CONFIDENTIAL',
      serviceAccountsEnabled: true,
    });
    // '*' means every client the baseline declares.
    expect(child(TYPES.mapper, 'shop-token-version-mapper-web').inputs).toMatchObject({
      clientId: 'shop-client-web-client-id',
      claimName: 'token_version',
    });
    expect(child(TYPES.mapper, 'shop-token-version-mapper-orders').inputs).toMatchObject({
      clientId: 'shop-client-orders-client-id',
    });
  });

  it("leaves the profile's default keys to Keycloak, which creates the same ones in every new realm", () => {
    const plan = planBaseline(baseline('shop'));
    expect(plan.keys).toEqual([]);
    expect(plan.keysLeftToKeycloak).toEqual([
      'rsa-generated',
      'rsa-enc-generated',
      'hmac-generated-hs512',
      'aes-generated',
    ]);
    expect(plan.notes).toEqual([]);
  });

  it("recognises Keycloak's AES key whether or not the source names its algorithm", () => {
    const keys = keyProfileValues('baseline').defaultProviders.map((key) =>
      key.providerId === 'aes-generated' ? { ...key, algorithm: 'AES' } : key,
    );
    expect(planBaseline(baseline('shop', { keys })).keysLeftToKeycloak).toContain('aes-generated');
  });

  it('strict profile: creates the keys Keycloak does not have, at sizes the provider takes', () => {
    const plan = planBaseline(baseline('bank', { profile: 'strict' }));
    expect(plan.keys.map((key) => [key.name, key.providerId, key.keySize ?? key.secretSize])).toEqual(
      expect.arrayContaining([['rsa-ps256-generated', 'rsa-generated', 4096]]),
    );
    expect(plan.keysLeftToKeycloak).toContain('rsa-enc-generated');
    expect(plan.notes.join('\n')).not.toMatch(/instead of the profile's/);
    // The profile's encryption key is Keycloak's own built-in one: left alone, nothing to warn about.
    expect(plan.notes.join('\n')).not.toMatch(/rsa-enc-generated' \(rsa-enc-generated\) is not applied/);
  });

  it('builds a strict baseline whose profile keys need warnings without failing', async () => {
    const built = new HardenedRealmFromBaseline('bank', { baseline: baseline('bank', { profile: 'strict' }) });
    await settle();
    expect(built.keysLeftToKeycloak).toContain('rsa-enc-generated');
    expect(child(TYPES.rsa, 'bank-keys-key-rsa-ps256-generated').inputs).toMatchObject({
      keySize: 4096,
      algorithm: 'PS256',
    });
  });

  it('declared keys: lifecycle from enabled/active, priorities derived unless the file states them', async () => {
    const keys: KeyProviderSettings[] = [
      {
        name: 'rsa-a',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: false,
        algorithm: 'RS256',
        keySize: 2048,
      },
      {
        name: 'rsa-b',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'RS256',
        keySize: 2048,
      },
      {
        name: 'ec',
        providerId: 'ecdsa-generated',
        priority: 700,
        enabled: true,
        active: true,
        ellipticCurve: 'P-256',
        algorithm: 'ES256',
      },
    ];
    new HardenedRealmFromBaseline('shop', {
      baseline: baseline('shop', {
        keys,
        declared: [['keyProviders'], ['keyProviders', 'rsa-a'], ['keyProviders', 'ec', 'priority']],
      }),
    });
    await settle();
    expect(child(TYPES.rsa, 'shop-keys-key-rsa-a').inputs).toMatchObject({
      realmId: 'shop',
      name: 'rsa-a',
      active: false,
      enabled: true,
      priority: 200,
    });
    expect(child(TYPES.rsa, 'shop-keys-key-rsa-b').inputs).toMatchObject({
      name: 'rsa-b',
      active: true,
      priority: 210,
    });
    expect(child(TYPES.ecdsa, 'shop-keys-key-ec').inputs).toMatchObject({ priority: 700, ellipticCurveKey: 'P-256' });
  });

  it('refuses a compromised key that is still present, with the file and line of the key', () => {
    const keys: KeyProviderSettings[] = [
      {
        name: 'leaked',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: false,
        algorithm: 'RS256',
        keySize: 2048,
      },
    ];
    const loaded = baseline('shop', {
      keys,
      compromised: ['leaked'],
      declared: [['keyProviders'], ['keyProviders', 'leaked'], ['keyProviders', 'leaked', 'active']],
    });
    const error = caught(() => new HardenedRealmFromBaseline('shop', { baseline: loaded }));
    expect(error.format()).toMatch(
      /^baselines\/shop\.yaml:12:3: keys\.leaked\.state: key 'leaked' is listed as compromised and cannot be passive/,
    );
  });

  it('a bad baseline creates nothing: every check runs before the first child', async () => {
    const keys: KeyProviderSettings[] = [
      {
        name: 'leaked',
        providerId: 'rsa-generated',
        priority: 100,
        enabled: true,
        active: true,
        algorithm: 'RS256',
        keySize: 2048,
      },
    ];
    expect(
      () =>
        new HardenedRealmFromBaseline('shop', {
          baseline: baseline('shop', { keys, compromised: ['leaked'], declared: [['keyProviders']] }),
        }),
    ).toThrow(InputError);
    await settle();
    expect(registered.filter((item) => item.custom)).toEqual([]);
  });

  it('refuses an explicitly declared rsa-enc-generated key the provider cannot manage, pointing at the file', () => {
    const keys: KeyProviderSettings[] = [
      {
        name: 'enc',
        providerId: 'rsa-enc-generated',
        priority: 300,
        enabled: true,
        active: true,
        algorithm: 'RSA-OAEP',
        keySize: 4096,
      },
    ];
    const loaded = baseline('shop', {
      keys,
      declared: [['keyProviders'], ['keyProviders', 'enc'], ['keyProviders', 'enc', 'providerId']],
    });
    const error = caught(() => planBaseline(loaded));
    expect(error.location).toMatchObject({ file: 'baselines/shop.yaml', line: 12 });
    expect(error.message).toMatch(/'enc' has type 'rsa-enc-generated'/);
  });

  it('refuses two clients whose ids make the same resource name', () => {
    const error = caught(() => planBaseline(baseline('shop', { clients: [client('a/b'), client('a:b')] })));
    expect(error.message).toMatch(/clients 'a\/b' and 'a:b' differ only in characters resource names cannot hold/);
  });

  it('two baselines side by side never collide', async () => {
    new HardenedRealmFromBaseline('one', { baseline: baseline('one') });
    new HardenedRealmFromBaseline('two', { baseline: baseline('two') });
    await settle();
    const names = registered.map((item) => `${item.type}::${item.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(
      ofType(TYPES.realm)
        .map((item) => item.inputs.realm)
        .sort(),
    ).toEqual(['one', 'two']);
  });
});

function caught(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
