/**
 * Provides a real Keycloak to the integration tests: the one KEYCLOAK_URL names (with
 * KEYCLOAK_USER and KEYCLOAK_PASSWORD for the master realm), or a fresh dev-mode server that is
 * stopped when the run ends, pass or fail.
 */
import type { TestProject } from 'vitest/node';
import { startKeycloak, type KeycloakServer } from '../../scripts/lib/keycloak-server.ts';
import type { KeycloakConnection } from './keycloak.ts';

let server: KeycloakServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const url = process.env.KEYCLOAK_URL;
  let connection: KeycloakConnection;
  if (url) {
    const adminUser = process.env.KEYCLOAK_USER;
    const adminPassword = process.env.KEYCLOAK_PASSWORD;
    if (!adminUser || !adminPassword) {
      throw new Error(
        `KEYCLOAK_URL is set (${url}) but KEYCLOAK_USER / KEYCLOAK_PASSWORD are not: the integration tests need ` +
          'a master-realm admin of that server. Set both, or unset KEYCLOAK_URL to let the tests start their own Keycloak.',
      );
    }
    connection = { url: url.replace(/\/+$/, ''), adminUser, adminPassword, startedByTests: false };
  } else {
    server = await startKeycloak();
    process.stderr.write(`[keycloak] ready at ${server.url} in ${(server.startupMs / 1000).toFixed(1)}s\n`);
    connection = {
      url: server.url,
      adminUser: server.adminUser,
      adminPassword: server.adminPassword,
      startedByTests: true,
    };
  }
  project.provide('keycloak', connection);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
