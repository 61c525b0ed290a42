import { describe, expect, it } from 'vitest';
import { fullRealm } from '../../../bench/fixtures/full-export.ts';

describe('the generated full export has what kcwarden and realmguard read', () => {
  const realm = fullRealm({ clients: 9, users: 4 }) as {
    realm: string;
    clients: Array<{ clientId: string; serviceAccountsEnabled?: boolean }>;
    roles: { realm: Array<{ name: string }>; client: Record<string, unknown[]> };
    users: Array<{ username: string; serviceAccountClientId?: string }>;
    clientScopes: unknown[];
    identityProviderMappers: unknown[];
    accessTokenLifespan: number;
  };

  it("keeps Keycloak's own clients and adds the generated ones, each with its roles", () => {
    const ids = realm.clients.map((client) => client.clientId);
    expect(ids).toEqual(expect.arrayContaining(['account', 'admin-cli', 'realm-management', 'client-0', 'client-8']));
    expect(realm.clients).toHaveLength(6 + 9);
    for (let index = 0; index < 9; index++) expect(realm.roles.client[`client-${index}`]).toHaveLength(2);
    expect(realm.roles.realm.map((role) => role.name)).toContain('default-roles-bench');
  });

  it('has people and one service-account user per service-account client', () => {
    const serviceClients = realm.clients.filter(
      (client) => client.serviceAccountsEnabled === true && client.clientId.startsWith('client-'),
    );
    expect(realm.users.filter((user) => user.serviceAccountClientId)).toHaveLength(serviceClients.length);
    expect(realm.users.filter((user) => !user.serviceAccountClientId)).toHaveLength(4);
  });

  it('carries the keys kcwarden reads unconditionally and the bench realm settings', () => {
    expect(realm.realm).toBe('bench');
    expect(Array.isArray(realm.identityProviderMappers)).toBe(true);
    expect(realm.clientScopes.length).toBeGreaterThan(5);
    expect(realm.accessTokenLifespan).toBe(300);
  });
});
