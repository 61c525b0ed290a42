import * as pulumi from '@pulumi/pulumi';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planKeys, RealmKeys, type KeyDeclaration } from '../../../components/realm-keys.ts';
import { InputError } from '../../../model/errors.ts';
import { child, installMocks, ofType, registered, settle, TYPES, valueOf } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

const rsa = (name: string, state: KeyDeclaration['state'], over: Partial<KeyDeclaration> = {}): KeyDeclaration => ({
  name,
  providerId: 'rsa-generated',
  state,
  algorithm: 'RS256',
  keySize: 2048,
  ...over,
});

describe('RealmKeys lifecycle', () => {
  it('creates active and passive keys, derives priorities so the newest active key signs, and removes retired ones', async () => {
    const keys = new RealmKeys('shop', {
      realmId: 'shop',
      keys: [
        rsa('rsa-2025', 'retired'),
        rsa('rsa-2026-05', 'passive'),
        rsa('rsa-2026-11', 'active'),
        { name: 'hmac', providerId: 'hmac-generated', state: 'active', algorithm: 'HS512', secretSize: 64 },
      ],
    });
    await settle();
    expect(
      ofType(TYPES.rsa)
        .map((item) => item.name)
        .sort(),
    ).toEqual(['shop-key-rsa-2026-05', 'shop-key-rsa-2026-11']);
    expect(child(TYPES.rsa, 'shop-key-rsa-2026-05').inputs).toEqual({
      realmId: 'shop',
      name: 'rsa-2026-05',
      priority: 210,
      enabled: true,
      active: false,
      algorithm: 'RS256',
      keySize: 2048,
    });
    expect(child(TYPES.rsa, 'shop-key-rsa-2026-11').inputs).toMatchObject({
      name: 'rsa-2026-11',
      priority: 220,
      enabled: true,
      active: true,
    });
    expect(child(TYPES.hmac, 'shop-key-hmac').inputs).toMatchObject({
      priority: 230,
      algorithm: 'HS512',
      secretSize: 64,
      active: true,
    });
    expect(keys.activeKeys).toEqual(['rsa-2026-11', 'hmac']);
    expect(keys.passiveKeys).toEqual(['rsa-2026-05']);
    expect(keys.retiredKeys).toEqual(['rsa-2025']);
  });

  it('rotation is appending: existing keys keep their child name and priority (no replacement)', () => {
    const before = planKeys([rsa('a', 'active')], [], 200);
    const after = planKeys([rsa('a', 'passive'), rsa('b', 'active')], [], 200);
    expect(before[0]?.dialect.args).toMatchObject({ name: 'a', priority: 200, active: true });
    expect(after[0]?.dialect.args).toMatchObject({ name: 'a', priority: 200, active: false });
    expect(after[1]?.dialect.args).toMatchObject({ name: 'b', priority: 210, active: true });
  });

  it('a passive key is demoted only after the active keys exist (it depends on them), and nothing deletes before replacing', () => {
    const seen = new Map<string, pulumi.CustomResourceOptions>();
    // Legacy transformations run in the SDK itself (also under mocks) and see each child's options.
    const keys = new RealmKeys(
      'shop',
      { realmId: 'shop', keys: [rsa('a', 'passive'), rsa('b', 'active')] },
      {
        transformations: [
          (args) => {
            seen.set(args.name, args.opts);
            return undefined;
          },
        ],
      },
    );
    expect(seen.get('shop-key-a')?.dependsOn).toEqual([keys.keystores.b]);
    expect(seen.get('shop-key-b')?.dependsOn).toEqual([]);
    for (const name of ['shop-key-a', 'shop-key-b']) expect(seen.get(name)?.deleteBeforeReplace, name).toBe(false);
  });

  it('uses stated priorities as given, and supports every managed key type', async () => {
    new RealmKeys('k', {
      realmId: 'r',
      keys: [
        { name: 'ec', providerId: 'ecdsa-generated', state: 'active', ellipticCurve: 'P-384', priority: 500 },
        { name: 'aes', providerId: 'aes-generated', state: 'active', secretSize: 32 },
      ],
    });
    await settle();
    expect(child(TYPES.ecdsa, 'k-key-ec').inputs).toMatchObject({ ellipticCurveKey: 'P-384', priority: 500 });
    expect(child(TYPES.aes, 'k-key-aes').inputs).toMatchObject({ secretSize: 32, priority: 210 });
  });

  it('parents every keystore to the component; two instances never collide', async () => {
    const one = new RealmKeys('one', { realmId: 'a', keys: [rsa('main', 'active')] });
    new RealmKeys('two', { realmId: 'b', keys: [rsa('main', 'active')] });
    expect(await valueOf((one.keystores.main as pulumi.CustomResource).urn)).toContain(
      'realmguard:index:RealmKeys$keycloak:index/realmKeystoreRsaGenerated:RealmKeystoreRsaGenerated::one-key-main',
    );
    await settle();
    expect(child(TYPES.rsa, 'one-key-main').inputs.realmId).toBe('a');
    expect(child(TYPES.rsa, 'two-key-main').inputs.realmId).toBe('b');
  });
});

describe('RealmKeys refuses', () => {
  it.each([
    [
      'a compromised key declared active',
      [rsa('leaked', 'active')],
      ['leaked'],
      /key 'leaked' is listed as compromised and cannot be active/,
    ],
    [
      'a compromised key declared passive',
      [rsa('leaked', 'passive'), rsa('new', 'active')],
      ['leaked'],
      /key 'leaked' is listed as compromised and cannot be passive/,
    ],
    ['the same name twice', [rsa('a', 'active'), rsa('a', 'passive')], [], /key 'a' is declared twice/],
    [
      'an RSA size the provider rejects',
      [rsa('a', 'active', { keySize: 3072 })],
      [],
      /key 'a' has keySize 3072.*1024, 2048, 4096/,
    ],
    ['an unknown RSA algorithm', [rsa('a', 'active', { algorithm: 'RS1' })], [], /key 'a' has algorithm RS1/],
    ['an unknown state', [rsa('a', 'revoked' as never)], [], /key 'a' has state 'revoked'/],
    [
      'an unmanaged type',
      [{ name: 'enc', providerId: 'rsa-enc-generated' as never, state: 'active' as const }],
      [],
      /type 'rsa-enc-generated'/,
    ],
    [
      'an older active key outranking the newest',
      [rsa('old', 'active', { priority: 900 }), rsa('new', 'active', { priority: 300 })],
      [],
      /key 'new' is the newest active RS256 key but 'old' has priority 900/,
    ],
  ])('%s', (_label, keys, compromised, message) => {
    expect(() => planKeys(keys, compromised, 200)).toThrow(InputError);
    // The one line a user sees: message and what to do.
    expect(formatted(() => planKeys(keys, compromised, 200))).toMatch(message);
  });

  it('a retired compromised key is fine (that is how it is removed)', () => {
    expect(
      planKeys([rsa('leaked', 'retired'), rsa('new', 'active')], ['leaked'], 200).map((key) => key.dialect.args.name),
    ).toEqual(['new']);
  });

  it('two active keys of different algorithms do not compete', () => {
    expect(() =>
      planKeys(
        [rsa('rs', 'active', { priority: 500 }), rsa('ps', 'active', { algorithm: 'PS256', priority: 100 })],
        [],
        200,
      ),
    ).not.toThrow();
  });
});

function formatted(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.format();
    throw error;
  }
  throw new Error('expected an InputError');
}
