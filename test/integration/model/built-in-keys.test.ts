/**
 * KEYCLOAK_BUILT_IN_KEYS against the real Keycloak: a realm created with only its name holds
 * exactly these key providers, as the live reader (what `audit` uses) reads them — so a baseline
 * that declares them leaves them to Keycloak, and drift never reports them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { isKeycloakBuiltInKey, KEYCLOAK_BUILT_IN_KEYS } from '../../../model/keycloak-keys.ts';
import { readLiveRealm } from '../../../model/live.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KcAdminClient;
const realm = uniqueRealmName('built-in-keys');

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm });
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

describe("Keycloak's own keys in a new realm", () => {
  it('are KEYCLOAK_BUILT_IN_KEYS, each recognised as built in', async () => {
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    const keys = live.settings.keyProviders.map(
      ({ name, providerId, priority, enabled, active, algorithm, keySize, secretSize }) => ({
        name,
        providerId,
        priority,
        enabled,
        active,
        ...(algorithm !== undefined && providerId !== 'aes-generated' ? { algorithm } : {}),
        ...(keySize !== undefined ? { keySize } : {}),
        ...(secretSize !== undefined ? { secretSize } : {}),
      }),
    );
    expect(keys.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...KEYCLOAK_BUILT_IN_KEYS].sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const key of live.settings.keyProviders) expect(isKeycloakBuiltInKey(key), key.name).toBe(true);
  });
});
