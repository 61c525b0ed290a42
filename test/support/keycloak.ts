/** What integration tests get to reach the real Keycloak, and an authenticated admin client. */
import { inject } from 'vitest';
import KcAdminClient from '@keycloak/keycloak-admin-client';

export interface KeycloakConnection {
  url: string;
  adminUser: string;
  adminPassword: string;
  startedByTests: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    keycloak: KeycloakConnection;
  }
}

export function keycloak(): KeycloakConnection {
  return inject('keycloak');
}

/** An admin client logged in to the master realm as the bootstrap admin. */
export async function adminClient(): Promise<KcAdminClient> {
  const { url, adminUser, adminPassword } = keycloak();
  const client = new KcAdminClient({ baseUrl: url, realmName: 'master' });
  await client.auth({ grantType: 'password', clientId: 'admin-cli', username: adminUser, password: adminPassword });
  return client;
}

/** A realm name no other test uses. */
export function uniqueRealmName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A user who can log in with a password at once: enabled, e-mail verified and profile complete,
 * so Keycloak asks for no required action. Returns the user's id.
 */
export async function createLoginUser(
  admin: KcAdminClient,
  realm: string,
  username: string,
  password: string,
): Promise<string> {
  const { id } = await admin.users.create({
    realm,
    username,
    enabled: true,
    email: `${username}@example.com`,
    emailVerified: true,
    firstName: 'Test',
    lastName: 'User',
    credentials: [{ type: 'password', value: password, temporary: false }],
  });
  return id;
}
