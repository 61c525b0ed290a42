/**
 * Identifiers a hostile tenant or a careless operator can give: dot segments, their encoded
 * spellings, separators, query and fragment characters, spaces, unicode and bidi controls.
 * Keycloak 26.7 accepts every one of them as a clientId (usernames it restricts).
 */
import type { RealmFixture } from './realm-fixture.ts';

export const HOSTILE_IDS = [
  '.',
  '..',
  '../x',
  '%2e%2e',
  '%2E.',
  'a/b',
  '?',
  '#',
  'a b',
  'ü',
  '\u202eevil',
  '%2F..',
] as const;

/** Public clients named by each hostile id, allowed password grants and offline tokens. */
export async function createHostileClients(fx: RealmFixture): Promise<Map<string, string>> {
  const uuids = new Map<string, string>();
  for (const clientId of HOSTILE_IDS) {
    const { id } = await fx.kc.clients.create({
      realm: fx.realm,
      clientId,
      publicClient: true,
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    uuids.set(clientId, id);
  }
  return uuids;
}

/** A password grant through any client (by clientId), optionally with an offline token. */
export async function loginThrough(
  fx: RealmFixture,
  username: string,
  clientId: string,
  password: string,
  offline: boolean,
): Promise<{ access_token: string; refresh_token: string; session_state?: string }> {
  const response = await fetch(fx.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      username,
      password,
      scope: offline ? 'openid offline_access' : 'openid',
    }),
  });
  const body = (await response.json()) as {
    access_token: string;
    refresh_token: string;
    session_state?: string;
    error?: string;
  };
  if (!response.ok)
    throw new Error(
      `fixture: login of ${username} through ${JSON.stringify(clientId)} failed: ${response.status} ${body.error}`,
    );
  return body;
}
