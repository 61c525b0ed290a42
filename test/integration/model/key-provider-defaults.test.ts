/**
 * The keycloakDefault columns of the key provider and client policy tables
 * (model/fields/key-provider.ts, client-policy.ts) against the real Keycloak: components created
 * with an empty config, and a policy stored without `enabled`, must read back as the tables say.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { CLIENT_POLICY_FIELDS } from '../../../model/fields/client-policy.ts';
import { forKeyType, keycloakKeyDefault, keyProviderRows } from '../../../model/fields/key-provider.ts';
import { readLiveRealm } from '../../../model/live.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const realm = uniqueRealmName('key-defaults');

/** Types Keycloak creates a key for from an empty config; imported RSA keys need only their PEM. */
const GENERATED = [
  'rsa-generated',
  'rsa-enc-generated',
  'ecdsa-generated',
  'ecdh-generated',
  'eddsa-generated',
  'hmac-generated',
  'aes-generated',
] as const;
const IMPORTED = ['rsa', 'rsa-enc'] as const;
const IMPORTED_BITS = 3072;

/** Node's name of a curve → Keycloak's. */
const CURVE_NAMES: Readonly<Record<string, string>> = { prime256v1: 'P-256', ed25519: 'Ed25519' };

interface LiveKey {
  providerId?: string;
  providerPriority?: number;
  status?: string;
  algorithm?: string;
  publicKey?: string;
}
let keysByType: Map<string, LiveKey>;

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm });
  const { id: parentId } = (await admin.realms.findOne({ realm }))!;
  const privateKey = generateKeyPairSync('rsa', { modulusLength: IMPORTED_BITS }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  for (const type of [...GENERATED, ...IMPORTED]) {
    await admin.components.create({
      realm,
      name: `bare-${type}`,
      providerId: type,
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId,
      config: type === 'rsa' || type === 'rsa-enc' ? { privateKey: [privateKey] } : {},
    });
  }
  const components = await admin.components.find({ realm, type: 'org.keycloak.keys.KeyProvider' });
  const { keys = [] } = await admin.realms.getKeys({ realm });
  keysByType = new Map(
    [...GENERATED, ...IMPORTED].map((type) => {
      const id = components.find((component) => component.name === `bare-${type}`)?.id;
      return [type, keys.find((key) => key.providerId === id) ?? {}];
    }),
  );
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

function publicKeyOf(type: string) {
  const { publicKey } = keysByType.get(type) ?? {};
  if (!publicKey) throw new Error(`Keycloak published no public key for the bare ${type} component`);
  return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
}

describe('key provider defaults, read back from the server', () => {
  it.each([...GENERATED, ...IMPORTED])('a bare %s key has the priority, state and algorithm of the table', (type) => {
    const key = keysByType.get(type)!;
    expect(key.providerPriority).toBe(keycloakKeyDefault('priority', type));
    // ACTIVE: enabled (in the JWKS) and active (signs or encrypts).
    expect(key.status).toBe('ACTIVE');
    expect([keycloakKeyDefault('enabled', type), keycloakKeyDefault('active', type)]).toEqual([true, true]);
    if (type === 'aes-generated') {
      // GET /keys calls it 'AES'; no source names it, so the model has no algorithm for AES keys.
      expect(key.algorithm).toBe('AES');
      expect(keycloakKeyDefault('algorithm', type)).toBeUndefined();
    } else if (type === 'ecdh-generated') {
      // GET /keys reports RS256 for an ECDH key whose config names no ecdhAlgorithm; what the
      // provider declares, and the table holds, is ECDH-ES (checked against serverinfo below).
      expect(key.algorithm).toBe('RS256');
    } else {
      expect(key.algorithm).toBe(keycloakKeyDefault('algorithm', type));
    }
  });

  it.each(['rsa-generated', 'rsa-enc-generated'])("a bare %s key has the table's size", (type) => {
    expect(publicKeyOf(type).asymmetricKeyDetails?.modulusLength).toBe(keycloakKeyDefault('keySize', type));
  });

  it.each(IMPORTED)('an imported %s key has the size of the key itself: the table has no default', (type) => {
    expect(publicKeyOf(type).asymmetricKeyDetails?.modulusLength).toBe(IMPORTED_BITS);
    expect(keycloakKeyDefault('keySize', type)).toBeUndefined();
  });

  it.each(['ecdsa-generated', 'ecdh-generated', 'eddsa-generated'])("a bare %s key is on the table's curve", (type) => {
    const key = publicKeyOf(type);
    const curve = key.asymmetricKeyDetails?.namedCurve ?? key.asymmetricKeyType ?? '';
    expect(CURVE_NAMES[curve]).toBe(keycloakKeyDefault('ellipticCurve', type));
  });

  it("serverinfo declares the table's defaults for every config key it gives one (secret sizes among them)", async () => {
    const info = (await admin.serverInfo.find()) as {
      componentTypes?: Record<string, { id: string; properties: { name: string; defaultValue?: unknown }[] }[]>;
    };
    const compared: string[] = [];
    for (const type of info.componentTypes?.['org.keycloak.keys.KeyProvider'] ?? []) {
      for (const [field, row] of keyProviderRows()) {
        const representation = row.representation;
        if (representation === undefined || !('config' in representation)) continue;
        const configKey = forKeyType(representation.config, type.id);
        const declared = type.properties.find((property) => property.name === configKey)?.defaultValue;
        const expected = keycloakKeyDefault(field, type.id);
        if (declared === undefined || expected === undefined) continue;
        // The admin console pre-fills HS512 for HMAC keys; the server signs with HS256 (shown above).
        if (type.id === 'hmac-generated' && field === 'algorithm') {
          expect(declared).toBe('HS512');
          continue;
        }
        expect({ type: type.id, field, value: String(declared as string | number) }).toEqual({
          type: type.id,
          field,
          value: String(expected),
        });
        compared.push(`${type.id}.${field}`);
      }
    }
    expect(compared).toEqual(
      expect.arrayContaining([
        'hmac-generated.secretSize',
        'aes-generated.secretSize',
        'java-keystore.algorithm',
        'ecdh-generated.algorithm',
        'eddsa-generated.ellipticCurve',
      ]),
    );
  });

  it('the live reader reads every bare key as the table says (ECDH algorithm aside: GET /keys says RS256)', async () => {
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    for (const type of [...GENERATED, ...IMPORTED]) {
      const key = live.settings.keyProviders.find((candidate) => candidate.name === `bare-${type}`);
      for (const [field] of keyProviderRows()) {
        const expected = keycloakKeyDefault(field, type);
        if (expected === undefined || (type === 'ecdh-generated' && field === 'algorithm')) continue;
        expect({ type, field, value: key?.[field] }).toEqual({ type, field, value: expected });
      }
    }
  });
});

describe('client policy defaults, read back from the server', () => {
  it('a policy stored without enabled is disabled, and one without profiles has none', async () => {
    await admin.clientPolicies.updatePolicy({
      realm,
      policies: [{ name: 'bare' }, { name: 'flagless', profiles: ['fapi-2-security-profile'] }],
    });
    const { policies = [] } = await admin.clientPolicies.listPolicies({ realm });
    expect(policies.map(({ name, enabled, profiles }) => ({ name, enabled, profiles }))).toEqual([
      {
        name: 'bare',
        enabled: CLIENT_POLICY_FIELDS.enabled.keycloakDefault,
        profiles: CLIENT_POLICY_FIELDS.profiles.keycloakDefault,
      },
      {
        name: 'flagless',
        enabled: CLIENT_POLICY_FIELDS.enabled.keycloakDefault,
        profiles: ['fapi-2-security-profile'],
      },
    ]);
    // The live reader goes through the export adapter: it says so too.
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    expect(live.settings.clientPolicies.map(({ name, enabled }) => [name, enabled])).toEqual([
      ['bare', false],
      ['flagless', false],
    ]);
  });
});
