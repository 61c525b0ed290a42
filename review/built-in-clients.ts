/**
 * Keycloak creates the same six clients in every realm (account, account-console, admin-cli,
 * broker, realm-management, security-admin-console). A baseline rarely declares them and a team
 * cannot delete them, so audit leaves them out unless the baseline declares them or the user asks
 * (--include-built-in-clients); it says which ones it left out.
 */
import type { LoadedRealm } from '../model/realm-settings.ts';

export const KEYCLOAK_BUILT_IN_CLIENTS: readonly string[] = [
  'account',
  'account-console',
  'admin-cli',
  'broker',
  'realm-management',
  'security-admin-console',
];

export interface WithoutBuiltIns {
  realm: LoadedRealm;
  /** The built-in clients left out, in order. */
  skipped: string[];
}

/** The live realm without the built-in clients the baseline (if any) does not declare. */
export function withoutBuiltInClients(live: LoadedRealm, declared?: LoadedRealm): WithoutBuiltIns {
  const declaredIds = new Set(declared?.settings.clients.map((client) => client.clientId) ?? []);
  const isSkipped = (clientId: string) => KEYCLOAK_BUILT_IN_CLIENTS.includes(clientId) && !declaredIds.has(clientId);
  const skipped = live.settings.clients.map((client) => client.clientId).filter(isSkipped);
  const clients = live.settings.clients.filter((client) => !isSkipped(client.clientId));
  return { realm: { ...live, settings: { ...live.settings, clients } }, skipped };
}
