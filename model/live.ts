/**
 * Reads a live realm through the admin REST API into the model. Read-only: GET requests only,
 * so a service account with view-realm and view-clients is enough.
 */
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type { LoadedRealm } from './realm-settings.ts';

export async function readLiveRealm(admin: KeycloakAdminClient, realm: string): Promise<LoadedRealm> {
  void admin;
  throw new Error(`readLiveRealm(${realm}): not implemented yet`);
}
