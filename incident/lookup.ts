/**
 * Resolves what a person types (a username or a user id, a clientId) to Keycloak's records.
 * Reads only: dry runs send these too. The username and clientId travel in the query, where no
 * value can climb the path; a user id from the input is a path segment only when it is a UUID.
 */
import type ClientRepresentation from '@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js';
import type UserRepresentation from '@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js';
import type { ActionRun } from './action-run.ts';
import { expectRecord, expectRecords, withStrings } from '../keycloak/answers.ts';
import { ENDPOINTS } from '../keycloak/endpoints.ts';
import { IncidentError } from '../keycloak/errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ResolvedUser extends UserRepresentation {
  id: string;
  username: string;
}

export interface ResolvedClient extends ClientRepresentation {
  id: string;
  clientId: string;
}

/** A user by id (when the input looks like one) or by exact username. */
export async function resolveUser(run: ActionRun, input: string): Promise<ResolvedUser> {
  const realm = run.realm;
  if (UUID.test(input)) {
    const spec = run.spec(ENDPOINTS.user, { id: input }, { notFound: `user '${input}'` });
    try {
      const byId = expectRecord(spec, await run.get(spec), 'a user');
      if (typeof byId.id === 'string' && typeof byId.username === 'string') return byId as ResolvedUser & typeof byId;
    } catch (error) {
      // Not a user id after all: try it as a username.
      if (!(error instanceof IncidentError && error.kind === 'not-found')) throw error;
    }
  }
  const spec = run.spec(ENDPOINTS.users, {}, { query: { username: input, exact: true }, notFound: `user '${input}'` });
  const found = expectRecords(spec, await run.get(spec), 'a list of users');
  const user = found.find(
    (candidate) => typeof candidate.username === 'string' && candidate.username.toLowerCase() === input.toLowerCase(),
  );
  if (!user) {
    throw new IncidentError(
      'not-found',
      `unknown user '${input}' in realm '${realm}': no user has that username or id`,
    );
  }
  return withStrings(spec, user, ['id', 'username'], 'a list of users with ids');
}

/** A client by its clientId (the name clients log in with, not the internal UUID). */
export async function resolveClient(run: ActionRun, clientId: string): Promise<ResolvedClient> {
  const realm = run.realm;
  const spec = run.spec(ENDPOINTS.clients, {}, { query: { clientId }, notFound: `client '${clientId}'` });
  const found = expectRecords(spec, await run.get(spec), 'a list of clients');
  const client = found.find((candidate) => candidate.clientId === clientId);
  if (!client) {
    throw new IncidentError(
      'not-found',
      `unknown client '${clientId}' in realm '${realm}': no client has that clientId`,
    );
  }
  return withStrings(spec, client, ['id', 'clientId'], 'a list of clients with ids');
}
