import { resolve } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HardenedRealmFromBaseline, planBaseline } from '../../../components/hardened-realm-from-baseline.ts';
import { loadBaseline, loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { InputError } from '../../../model/errors.ts';
import type { LoadedRealm } from '../../../model/realm-settings.ts';
import { child, installMocks, ofType, registered, settle, TYPES, valueOf } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

const STRICT_EXAMPLE = resolve(import.meta.dirname, '../../../baselines/strict-fapi.yaml');

function caught(build: () => unknown): InputError {
  try {
    build();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('client policies from a baseline', () => {
  it('the strict example applies fapi-2-dpop to every client of the realm, as a child of the component', async () => {
    const strict = await loadBaseline(STRICT_EXAMPLE);
    const built = new HardenedRealmFromBaseline('bank', { baseline: strict });
    await settle();
    const policy = child(TYPES.clientPolicy, 'bank-client-policy-fapi-2-dpop');
    expect(policy.custom).toBe(true);
    expect(policy.inputs).toEqual({
      realmId: 'bank',
      name: 'fapi-2-dpop',
      enabled: true,
      profiles: ['fapi-2-dpop-security-profile'],
      conditions: [{ name: 'any-client' }],
    });
    expect(ofType(TYPES.clientPolicy)).toHaveLength(1);
    const resource = built.clientPolicies['fapi-2-dpop'];
    expect(resource).toBeDefined();
    // The URN carries the parent's type: the policy is the component's child.
    expect(await valueOf(resource!.urn)).toMatch(
      /::realmguard:index:HardenedRealmFromBaseline\$keycloak:index\/realmClientPolicyProfilePolicy:RealmClientPolicyProfilePolicy::bank-client-policy-fapi-2-dpop$/,
    );
  });

  it('no longer warns about client policies', async () => {
    const strict = await loadBaseline(STRICT_EXAMPLE);
    expect(planBaseline(strict).notes.join('\n')).not.toMatch(/client polic/i);
  });

  it('maps a disabled policy to enabled: false and keeps every policy of the baseline', async () => {
    const base = await loadBaseline(STRICT_EXAMPLE);
    const changed: LoadedRealm = {
      ...base,
      settings: {
        ...base.settings,
        clientPolicies: [
          { name: 'fapi-2-dpop', enabled: false, profiles: ['fapi-2-dpop-security-profile'] },
          {
            name: 'OAuth 2.1 / confidential',
            enabled: true,
            profiles: ['oauth-2-1-for-confidential-client', 'fapi-2-security-profile'],
          },
        ],
      },
    };
    new HardenedRealmFromBaseline('bank', { baseline: changed });
    await settle();
    expect(child(TYPES.clientPolicy, 'bank-client-policy-fapi-2-dpop').inputs).toMatchObject({
      name: 'fapi-2-dpop',
      enabled: false,
    });
    expect(child(TYPES.clientPolicy, 'bank-client-policy-OAuth_2.1___confidential').inputs).toEqual({
      realmId: 'bank',
      name: 'OAuth 2.1 / confidential',
      enabled: true,
      profiles: ['oauth-2-1-for-confidential-client', 'fapi-2-security-profile'],
      conditions: [{ name: 'any-client' }],
    });
  });

  it('gives two instances distinct resource names, each policy bound to its own realm', async () => {
    const strict = await loadBaseline(STRICT_EXAMPLE);
    const other: LoadedRealm = { ...strict, settings: { ...strict.settings, realm: 'bank-eu' } };
    new HardenedRealmFromBaseline('bank', { baseline: strict });
    new HardenedRealmFromBaseline('bank-eu', { baseline: other });
    await settle();
    const policies = ofType(TYPES.clientPolicy);
    expect(policies.map((policy) => policy.name).sort()).toEqual([
      'bank-client-policy-fapi-2-dpop',
      'bank-eu-client-policy-fapi-2-dpop',
    ]);
    expect(new Set(registered.map((item) => `${item.type}::${item.name}`)).size).toBe(registered.length);
    expect(child(TYPES.clientPolicy, 'bank-eu-client-policy-fapi-2-dpop').inputs.realmId).toBe('bank-eu');
    expect(child(TYPES.clientPolicy, 'bank-client-policy-fapi-2-dpop').inputs.realmId).toBe('bank');
  });

  it('refuses realm-defined client profiles with the file and a hint, before creating anything', async () => {
    const strict = await loadBaseline(STRICT_EXAMPLE);
    const withProfiles: LoadedRealm = { ...strict, settings: { ...strict.settings, clientProfiles: ['acme-profile'] } };
    const error = caught(() => new HardenedRealmFromBaseline('bank', { baseline: withProfiles }));
    expect(error.message).toContain('realm-defined client profiles (acme-profile) cannot be applied');
    expect(error.location.file).toBe(STRICT_EXAMPLE);
    expect(error.location.keyPath).toBe('clientProfiles');
    expect(error.hint).toContain('fapi-2-dpop-security-profile');
    await settle();
    expect(registered.filter((item) => item.custom)).toHaveLength(0);
  });

  it("refuses a profile that is not one of Keycloak's built-in ones, pointing at the policy's line", async () => {
    const text = [
      'realm: shop',
      'clientPolicies:',
      '  - name: mine',
      '    profiles: [fapi-2-dpop-security-profile]',
      '',
    ].join('\n');
    const loaded = loadBaselineText(text, 'baselines/shop.yaml');
    const changed: LoadedRealm = {
      ...loaded,
      settings: { ...loaded.settings, clientPolicies: [{ name: 'mine', enabled: true, profiles: ['acme-profile'] }] },
    };
    const error = caught(() => planBaseline(changed));
    expect(error.message).toContain(
      "client policy 'mine' uses client profile 'acme-profile', which is not one of Keycloak's built-in profiles",
    );
    expect(error.location).toMatchObject({
      file: 'baselines/shop.yaml',
      line: 4,
      keyPath: 'clientPolicies.mine.profiles',
    });
  });
});

describe('client policy checks', () => {
  async function withPolicies(clientPolicies: LoadedRealm['settings']['clientPolicies']): Promise<LoadedRealm> {
    const strict = await loadBaseline(STRICT_EXAMPLE);
    return { ...strict, settings: { ...strict.settings, clientPolicies } };
  }

  it('creates none when the baseline declares none', async () => {
    new HardenedRealmFromBaseline('bank', { baseline: await withPolicies([]) });
    await settle();
    expect(ofType(TYPES.clientPolicy)).toHaveLength(0);
  });

  it('refuses an empty profile list', async () => {
    const empty = await withPolicies([{ name: 'a', enabled: true, profiles: [] }]);
    const error = caught(() => planBaseline(empty));
    expect(error.message).toBe("client policy 'a' applies no profile");
    expect(error.location.file).toBe(STRICT_EXAMPLE);
  });

  it('refuses two policies that collide as resource names, before creating anything', async () => {
    const colliding = await withPolicies([
      { name: 'a b', enabled: true, profiles: ['fapi-2-security-profile'] },
      { name: 'a/b', enabled: true, profiles: ['fapi-2-security-profile'] },
    ]);
    const error = caught(() => new HardenedRealmFromBaseline('bank', { baseline: colliding }));
    expect(error.message).toBe("client policies 'a b' and 'a/b' differ only in characters resource names cannot hold");
    await settle();
    expect(registered.filter((item) => item.custom)).toHaveLength(0);
  });
});
