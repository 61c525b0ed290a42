/**
 * Proves model/keycloak-defaults.ts and model/keycloak-catalog.ts against the real Keycloak:
 * a realm, a client and key providers created with minimal fields must read back with exactly
 * the values the adapters fill in when an export leaves them out.
 */
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import {
  KEYCLOAK_CLIENT_DEFAULTS,
  KEYCLOAK_KEY_DEFAULTS,
  KEYCLOAK_REALM_DEFAULTS,
} from '../../../model/keycloak-defaults.ts';
import {
  KEYCLOAK_DEFAULT_CLIENT_SCOPES,
  KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES,
  KEYCLOAK_EVENT_TYPES,
  KEYCLOAK_GLOBAL_CLIENT_PROFILES,
  KEYCLOAK_KEY_PROVIDER_TYPES,
  KEYCLOAK_OPTIONAL_CLIENT_SCOPES,
} from '../../../model/keycloak-catalog.ts';
import { readLiveRealm } from '../../../model/live.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const realm = uniqueRealmName('defaults');

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm }); // nothing but the name
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

describe('Keycloak 26 defaults, read back from the server', () => {
  it('a realm created with only its name has KEYCLOAK_REALM_DEFAULTS', async () => {
    const read = (await admin.realms.findOne({ realm })) as Record<string, unknown>;
    const { enabledEventTypes, passwordPolicy, eventsExpiration, ...scalars } = KEYCLOAK_REALM_DEFAULTS;
    for (const [field, value] of Object.entries(scalars)) {
      expect({ field, value: read[field] }).toEqual({ field, value });
    }
    // Left out entirely by the server: the adapters use '' / 0 for "none".
    expect(read.passwordPolicy).toBeUndefined();
    expect(read.eventsExpiration).toBeUndefined();
    expect([passwordPolicy, eventsExpiration]).toEqual(['', 0]);
    // [] in the representation means "the default set", which GET /events/config spells out.
    expect(read.enabledEventTypes).toEqual([]);
    expect(enabledEventTypes).toEqual([]);
    const events = await admin.realms.getConfigEvents({ realm });
    expect([...(events.enabledEventTypes ?? [])].sort()).toEqual([...KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES].sort());
  });

  it('a client created with only its clientId has KEYCLOAK_CLIENT_DEFAULTS', async () => {
    await admin.clients.create({ realm, clientId: 'bare' });
    const [read] = await admin.clients.find({ realm, clientId: 'bare' });
    const { attributes, defaultClientScopes, optionalClientScopes, ...scalars } = KEYCLOAK_CLIENT_DEFAULTS;
    for (const [field, value] of Object.entries(scalars)) {
      expect({ field, value: (read as Record<string, unknown>)[field] }).toEqual({ field, value });
    }
    expect(attributes).toEqual({});
    for (const key of [
      'pkce.code.challenge.method',
      'use.refresh.tokens',
      'dpop.bound.access.tokens',
      'require.pushed.authorization.requests',
    ]) {
      expect(read?.attributes?.[key]).toBeUndefined();
    }
    // A client created through the API gets the realm's default scopes; an export always lists them.
    expect([defaultClientScopes, optionalClientScopes]).toEqual([[], []]);
    expect([...(read?.defaultClientScopes ?? [])].sort()).toEqual([...KEYCLOAK_DEFAULT_CLIENT_SCOPES].sort());
    expect([...(read?.optionalClientScopes ?? [])].sort()).toEqual([...KEYCLOAK_OPTIONAL_CLIENT_SCOPES].sort());
  });

  it('key providers created with only a priority use KEYCLOAK_KEY_DEFAULTS', async () => {
    const { id: parentId } = (await admin.realms.findOne({ realm }))!;
    const create = (name: string, providerId: string) =>
      admin.components.create({
        realm,
        name,
        providerId,
        providerType: 'org.keycloak.keys.KeyProvider',
        parentId,
        config: { priority: ['7'] },
      });
    await create('bare-rsa', 'rsa-generated');
    await create('bare-hmac', 'hmac-generated');
    await create('bare-ec', 'ecdsa-generated');
    const components = await admin.components.find({ realm, type: 'org.keycloak.keys.KeyProvider' });
    const idOf = (name: string) => components.find((component) => component.name === name)!.id;
    const { keys = [] } = await admin.realms.getKeys({ realm });
    const keyOf = (name: string) => keys.find((key) => key.providerId === idOf(name))!;

    const rsa = keyOf('bare-rsa');
    expect(rsa.algorithm).toBe(KEYCLOAK_KEY_DEFAULTS.rsaAlgorithm);
    expect(
      createPublicKey({ key: Buffer.from(rsa.publicKey!, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyDetails
        ?.modulusLength,
    ).toBe(KEYCLOAK_KEY_DEFAULTS.rsaKeySize);
    expect(rsa.status).toBe('ACTIVE'); // enabled and active default to true
    expect(keyOf('bare-hmac').algorithm).toBe(KEYCLOAK_KEY_DEFAULTS.hmacAlgorithm);
    expect(keyOf('bare-ec').algorithm).toBe('ES256'); // P-256, KEYCLOAK_KEY_DEFAULTS.ecdsaCurve
    expect(KEYCLOAK_KEY_DEFAULTS.ecdsaCurve).toBe('P-256');

    // The live reader sees the same (kids from GET /keys, sizes from the public keys).
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    const bare = live.settings.keyProviders.filter((key) => key.name.startsWith('bare-'));
    expect(
      bare.map(({ kids, id, ...rest }) => ({ ...rest, kids: kids?.length, hasId: typeof id === 'string' })),
    ).toEqual(
      [
        {
          name: 'bare-ec',
          providerId: 'ecdsa-generated',
          priority: 7,
          enabled: true,
          active: true,
          algorithm: 'ES256',
          ellipticCurve: 'P-256',
          kids: 1,
          hasId: true,
        },
        {
          name: 'bare-hmac',
          providerId: 'hmac-generated',
          priority: 7,
          enabled: true,
          active: true,
          algorithm: 'HS256',
          secretSize: KEYCLOAK_KEY_DEFAULTS.hmacSecretSize,
          kids: 1,
          hasId: true,
        },
        {
          name: 'bare-rsa',
          providerId: 'rsa-generated',
          priority: 7,
          enabled: true,
          active: true,
          algorithm: 'RS256',
          keySize: 2048,
          kids: 1,
          hasId: true,
        },
      ].sort((a, b) => bare.findIndex((key) => key.name === a.name) - bare.findIndex((key) => key.name === b.name)),
    );
  });

  it('the catalogue of names matches the server (event types, key providers, client profiles, secret-size defaults)', async () => {
    const info = (await admin.serverInfo.find()) as {
      enums?: Record<string, string[]>;
      componentTypes?: Record<string, { id: string; properties: { name: string; defaultValue?: unknown }[] }[]>;
    };
    expect([...(info.enums?.eventType ?? [])].sort()).toEqual([...KEYCLOAK_EVENT_TYPES].sort());
    const keyTypes = info.componentTypes?.['org.keycloak.keys.KeyProvider'] ?? [];
    expect(keyTypes.map((type) => type.id).sort()).toEqual([...KEYCLOAK_KEY_PROVIDER_TYPES].sort());
    const secretDefault = (id: string) =>
      Number(
        keyTypes.find((type) => type.id === id)?.properties.find((property) => property.name === 'secretSize')
          ?.defaultValue,
      );
    expect(secretDefault('hmac-generated')).toBe(KEYCLOAK_KEY_DEFAULTS.hmacSecretSize);
    expect(secretDefault('aes-generated')).toBe(KEYCLOAK_KEY_DEFAULTS.aesSecretSize);
    const profiles = await admin.clientPolicies.listProfiles({ realm, includeGlobalProfiles: true });
    expect((profiles.globalProfiles ?? []).map((profile) => profile.name).sort()).toEqual(
      [...KEYCLOAK_GLOBAL_CLIENT_PROFILES].sort(),
    );
  });
});
