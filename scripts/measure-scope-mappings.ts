/**
 * What reading clients' own scope mappings would cost `audit` (the figures in the README's
 * "Limits of the catalogue"): in a scratch realm of N clients with full scope off, the whole live
 * read as `audit` makes it (timed, requests counted), then one GET /clients/{id}/scope-mappings per
 * such client under the reader's own concurrency limit. Twice per size: the first read after the
 * clients are created warms the server's caches.
 *
 *   source <the Keycloak env file>   # KEYCLOAK_URL, KEYCLOAK_USER, KEYCLOAK_PASSWORD
 *   scripts/with-node22.sh tsx scripts/measure-scope-mappings.ts 500,2000,5000
 *
 * Prints one JSON line per read; the scratch realm is deleted at the end.
 */
import KcAdminClient from '@keycloak/keycloak-admin-client';
import { IncidentHttp } from '../keycloak/core.ts';
import { liveSource } from '../keycloak/live-source.ts';
import { readLiveRealm } from '../model/live.ts';
import { RealmReads, text, type LiveRead, type LiveSource } from '../model/live/reads.ts';

/** Clients are created through partial imports of this many. */
const IMPORT_CHUNK = 500;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: source the Keycloak env file first`);
  return value;
}

function counted(source: LiveSource): { source: LiveSource; count: () => number } {
  let count = 0;
  return {
    count: () => count,
    source: {
      url: source.url,
      get(read: LiveRead) {
        count++;
        return source.get(read);
      },
    },
  };
}

async function main(): Promise<void> {
  const url = required('KEYCLOAK_URL');
  const credentials = {
    clientId: 'admin-cli',
    username: required('KEYCLOAK_USER'),
    password: required('KEYCLOAK_PASSWORD'),
  };
  const sizes = (process.argv[2] ?? '500,2000,5000').split(',').map(Number);
  const realm = `rg-measure-${Date.now().toString(36)}`;
  const admin = new KcAdminClient({ baseUrl: url, realmName: 'master' });
  const login = () => admin.auth({ grantType: 'password', ...credentials });
  const http = new IncidentHttp({
    url: url,
    authRealm: 'master',
    credentials: { grant: 'password', ...credentials },
  });
  await login();
  await admin.realms.create({ realm, enabled: true });
  try {
    let created = 0;
    for (const size of sizes) {
      while (created < size) {
        const chunk = Math.min(IMPORT_CHUNK, size - created);
        const clients = Array.from({ length: chunk }, (_, index) => ({
          clientId: `m-${created + index}`,
          fullScopeAllowed: false,
          redirectUris: [`https://m-${created + index}.example.com/cb`],
        }));
        await login(); // the admin token is short-lived; an import of 500 clients takes seconds
        await admin.realms.partialImport({ realm, rep: { ifResourceExists: 'FAIL', clients } });
        created += chunk;
      }
      for (let run = 0; run < 2; run++) {
        const audit = counted(liveSource(http, realm));
        const readStart = performance.now();
        const model = await readLiveRealm(audit.source, realm);
        const readMs = performance.now() - readStart;
        const reads = new RealmReads(liveSource(http, realm), realm);
        const narrow = new Set(
          model.settings.clients.filter((client) => !client.fullScopeAllowed).map((client) => client.clientId),
        );
        const listed = await reads.pages('list clients', '/clients', 'view-clients');
        const uuids = listed.filter((client) => narrow.has(text(client.clientId) ?? ''));
        const mappingsStart = performance.now();
        await reads.each(uuids, (client) =>
          reads.object(
            reads.read('scope mappings', '/clients/{id}/scope-mappings', 'view-clients', { id: text(client.id) ?? '' }),
          ),
        );
        const mappingsMs = performance.now() - mappingsStart;
        console.log(
          JSON.stringify({
            clients: model.settings.clients.length,
            run,
            readMs: Math.round(readMs),
            readRequests: audit.count(),
            scopeMappingReads: uuids.length,
            scopeMappingsMs: Math.round(mappingsMs),
          }),
        );
      }
    }
  } finally {
    await login();
    await admin.realms.del({ realm });
  }
}

await main();
