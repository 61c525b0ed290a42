/** The Keycloak a benchmark runs against: the one KEYCLOAK_URL names, or one it starts and stops. */
import { startKeycloak, type KeycloakServer } from '../scripts/lib/keycloak-server.ts';

export interface BenchServer {
  url: string;
  adminUser: string;
  adminPassword: string;
  stop?: () => Promise<void>;
}

export async function benchServer(): Promise<BenchServer> {
  const url = process.env.KEYCLOAK_URL;
  if (url) {
    const adminUser = process.env.KEYCLOAK_USER;
    const adminPassword = process.env.KEYCLOAK_PASSWORD;
    if (!adminUser || !adminPassword)
      throw new Error(
        'KEYCLOAK_URL is set but KEYCLOAK_USER / KEYCLOAK_PASSWORD are not: set both, or unset KEYCLOAK_URL to let the bench start a Keycloak',
      );
    return { url: url.replace(/\/+$/, ''), adminUser, adminPassword };
  }
  const started: KeycloakServer = await startKeycloak();
  return {
    url: started.url,
    adminUser: started.adminUser,
    adminPassword: started.adminPassword,
    stop: () => started.stop(),
  };
}
