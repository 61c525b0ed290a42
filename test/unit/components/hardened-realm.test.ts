import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HardenedRealm, hardenedRealmSettings } from '../../../components/hardened-realm.ts';
import { InputError } from '../../../model/errors.ts';
import { child, installMocks, registered, settle, TYPES, valueOf } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

describe('HardenedRealm', () => {
  it('creates the realm with the baseline profile in the provider dialect', async () => {
    const realm = new HardenedRealm('shop', { realm: 'shop' });
    expect(await valueOf(realm.realmId)).toBe('shop');
    await settle();
    expect(child(TYPES.realm, 'shop-realm').inputs).toMatchObject({
      realm: 'shop',
      enabled: true,
      sslRequired: 'external',
      accessTokenLifespan: '5m0s',
      accessCodeLifespan: '1m0s',
      ssoSessionIdleTimeout: '30m0s',
      ssoSessionMaxLifespan: '10h0m0s',
      offlineSessionIdleTimeout: '720h0m0s',
      offlineSessionMaxLifespanEnabled: true,
      offlineSessionMaxLifespan: '1440h0m0s',
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
      rememberMe: false,
      defaultSignatureAlgorithm: 'RS256',
      passwordPolicy: 'length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(3)',
      securityDefenses: {
        bruteForceDetection: { maxLoginFailures: 10, failureResetTimeSeconds: 43_200, permanentLockout: false },
        headers: { xFrameOptions: 'SAMEORIGIN', xContentTypeOptions: 'nosniff', xXssProtection: '' },
      },
    });
  });

  it('creates the events child on the realm, with user and admin events and jboss-logging kept', async () => {
    new HardenedRealm('shop', { realm: 'shop' });
    await settle();
    const events = child(TYPES.events, 'shop-events').inputs;
    expect(events).toMatchObject({
      realmId: 'shop',
      eventsEnabled: true,
      eventsExpiration: 7_776_000,
      adminEventsEnabled: true,
      adminEventsDetailsEnabled: true,
      eventsListeners: ['jboss-logging'],
    });
    expect(events.enabledEventTypes).toEqual(expect.arrayContaining(['LOGIN_ERROR', 'REFRESH_TOKEN', 'REVOKE_GRANT']));
  });

  it('uses the strict profile when asked, and lets explicit args win (durations in text or seconds)', async () => {
    new HardenedRealm('bank', {
      realm: 'bank',
      profile: 'strict',
      accessTokenLifespan: '2m',
      ssoSessionIdleTimeout: 600,
    });
    await settle();
    expect(child(TYPES.realm, 'bank-realm').inputs).toMatchObject({
      sslRequired: 'all',
      defaultSignatureAlgorithm: 'PS256',
      accessTokenLifespan: '2m0s',
      ssoSessionIdleTimeout: '10m0s',
      ssoSessionMaxLifespan: '12h0m0s',
    });
  });

  it('leaves the brute-force block out when protection is off', async () => {
    new HardenedRealm('lab', { realm: 'lab', bruteForceProtected: false });
    await settle();
    const defenses = child(TYPES.realm, 'lab-realm').inputs.securityDefenses as Record<string, unknown>;
    expect(defenses).not.toHaveProperty('bruteForceDetection');
  });

  it('parents its children to itself', async () => {
    const realm = new HardenedRealm('shop', { realm: 'shop' });
    expect(await valueOf(realm.realmResource.urn)).toContain(
      'realmguard:index:HardenedRealm$keycloak:index/realm:Realm::shop-realm',
    );
    expect(await valueOf(realm.events.urn)).toContain(
      'realmguard:index:HardenedRealm$keycloak:index/realmEvents:RealmEvents::shop-events',
    );
  });

  it('two instances never collide', async () => {
    new HardenedRealm('a', { realm: 'alpha' });
    new HardenedRealm('b', { realm: 'beta' });
    await settle();
    const names = registered.map((item) => `${item.type}::${item.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(child(TYPES.realm, 'a-realm').inputs.realm).toBe('alpha');
    expect(child(TYPES.realm, 'b-realm').inputs.realm).toBe('beta');
  });
});

describe('hardenedRealmSettings: validation with precise errors', () => {
  it.each([
    [{ realm: 'has space' }, /realm name 'has space'/],
    [{ realm: 'r', accessTokenLifespan: '5 minutes' }, /accessTokenLifespan: '5 minutes' is not a duration/],
    [{ realm: 'r', failureFactor: -1 }, /failureFactor must be a whole number ≥ 0/],
    [
      { realm: 'r', ssoSessionIdleTimeout: '11h' },
      /ssoSessionIdleTimeout \(39600s\) is longer than ssoSessionMaxLifespan \(36000s\)/,
    ],
    [
      { realm: 'r', revokeRefreshToken: false, refreshTokenMaxReuse: 2 },
      /refreshTokenMaxReuse is 2 but revokeRefreshToken is off/,
    ],
    [{ realm: 'r', sslRequired: 'sometimes' as never }, /sslRequired must be 'all', 'external' or 'none'/],
  ])('%o', (args, message) => {
    expect(() => hardenedRealmSettings(args)).toThrow(InputError);
    expect(() => hardenedRealmSettings(args)).toThrow(message);
  });

  it('fails the component construction with the same InputError (nothing registered)', async () => {
    expect(() => new HardenedRealm('bad', { realm: 'r', accessTokenLifespan: 'soon' })).toThrow(InputError);
    await settle();
    expect(registered.filter((item) => item.custom)).toEqual([]);
  });
});
