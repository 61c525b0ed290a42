/**
 * npm run keycloak — starts the pinned Keycloak on loopback for local work and keeps it running
 * until Ctrl-C (or SIGTERM), then stops it. Prints the URL, and writes the bootstrap admin's
 * credentials as shell exports to a 0600 file (never to the terminal), so that other terminals
 * (and the integration tests) can `source` it and use this server.
 *   npm run keycloak            start and wait
 *   npm run keycloak -- fetch   only download and unpack the distribution into the cache
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cacheDir,
  ensureDistribution,
  KEYCLOAK_VERSION,
  PrerequisiteError,
  residentMemoryMiB,
  startKeycloak,
} from './lib/keycloak-server.ts';

async function run(): Promise<void> {
  if (process.argv[2] === 'fetch') {
    const home = await ensureDistribution();
    process.stdout.write(`Keycloak ${KEYCLOAK_VERSION} is in ${home}\n`);
    return;
  }
  const server = await startKeycloak();
  const envFile = join(cacheDir(), `keycloak-${new URL(server.url).port}.env`);
  writeFileSync(
    envFile,
    [
      `export KEYCLOAK_URL=${server.url}`,
      `export KEYCLOAK_USER=${server.adminUser}`,
      `export KEYCLOAK_PASSWORD=${server.adminPassword}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  const removeEnvFile = (): void => rmSync(envFile, { force: true });
  process.on('exit', removeEnvFile);
  process.stdout.write(
    [
      `# Keycloak ${KEYCLOAK_VERSION} ready in ${(server.startupMs / 1000).toFixed(1)}s (resident ${residentMemoryMiB(server.pid) ?? '?'} MiB); log: ${server.logFile}`,
      `export KEYCLOAK_URL=${server.url}`,
      `# admin credentials (0600, removed on stop): source ${envFile}`,
      '# Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  await new Promise(() => {}); // the exit hooks stop the server on SIGINT / SIGTERM
}

run().catch((error: unknown) => {
  process.stderr.write(`realmguard: ${error instanceof PrerequisiteError ? error.message : String(error)}\n`);
  process.exit(2);
});
