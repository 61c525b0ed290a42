/**
 * The version of the Keycloak server a live realm runs on, so version-dependent rules
 * (redirect-uri-wildcard's reading of `https://host*`, keycloak-version) judge a live realm as they
 * judge its export. GET /admin/serverinfo answers any admin account, but Keycloak 26.7.3 fills
 * `systemInfo` (and its version) only for master-realm administrators: a realm's own service
 * account gets the answer without it (test/integration/model/server-version.test.ts). The
 * version is then unknown, and the rules that need it say so rather than guess.
 */
import type { LiveSource } from './reads.ts';
import { isRecord } from './reads.ts';

export async function readServerVersion(source: LiveSource): Promise<string | undefined> {
  let answer: unknown;
  try {
    // The role a 403 would name; serverinfo needs none beyond being an admin of some realm.
    answer = await source.get({
      what: 'read the server version',
      template: '/admin/serverinfo',
      params: {},
      role: 'view-realm',
    });
  } catch {
    return undefined; // The version is a refinement: an audit without it still judges everything else.
  }
  const systemInfo = isRecord(answer) ? answer.systemInfo : undefined;
  const version = isRecord(systemInfo) ? systemInfo.version : undefined;
  return typeof version === 'string' && version !== '' ? version : undefined;
}
