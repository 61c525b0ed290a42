/** The live reader's source for tests: the request core `audit` uses, acting as the master-realm admin. */
import { IncidentHttp } from '../../keycloak/core.ts';
import { liveSource } from '../../keycloak/live-source.ts';
import type { LiveSource } from '../../model/live.ts';
import { keycloak } from './keycloak.ts';

export function adminLiveSource(realm: string): LiveSource {
  const { url, adminUser, adminPassword } = keycloak();
  const http = new IncidentHttp({
    url,
    authRealm: 'master',
    credentials: { grant: 'password', clientId: 'admin-cli', username: adminUser, password: adminPassword },
  });
  return liveSource(http, realm);
}
