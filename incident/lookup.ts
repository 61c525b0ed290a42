/**
 * Resolves what a person types (a username or a user id, a clientId) to Keycloak's records.
 * Reads only: dry runs send these too.
 */
import type ClientRepresentation from '@keycloak/keycloak-admin-client/lib/defs/clientRepresentation.js';
import type UserRepresentation from '@keycloak/keycloak-admin-client/lib/defs/userRepresentation.js';
import type { ActionRun } from './action-run.ts';
import { IncidentError } from './http/errors.ts';
import { read } from './http/request-spec.ts';

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
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  if (UUID.test(input)) {
    const spec = read(run.adminPath('users', input), 'view-users', `user '${input}'`);
    const byId = await run.read(spec, () => admin.users.findOne({ realm, id: input }, { catchNotFound: true }));
    if (byId?.id && byId.username) return { ...byId, id: byId.id, username: byId.username };
  }
  const spec = read(`${run.adminPath('users')}?username=${encodeURIComponent(input)}&exact=true`, 'view-users', `user '${input}'`);
  const found = await run.read(spec, () => admin.users.find({ realm, username: input, exact: true }));
  const user = found.find((candidate) => candidate.username?.toLowerCase() === input.toLowerCase());
  if (!user?.id || !user.username) {
    throw new IncidentError('not-found', `unknown user '${input}' in realm '${realm}': no user has that username or id`);
  }
  return { ...user, id: user.id, username: user.username };
}

/** A client by its clientId (the name clients log in with, not the internal UUID). */
export async function resolveClient(run: ActionRun, clientId: string): Promise<ResolvedClient> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const spec = read(`${run.adminPath('clients')}?clientId=${encodeURIComponent(clientId)}`, 'view-clients', `client '${clientId}'`);
  const found = await run.read(spec, () => admin.clients.find({ realm, clientId }));
  const client = found.find((candidate) => candidate.clientId === clientId);
  if (!client?.id || !client.clientId) {
    throw new IncidentError('not-found', `unknown client '${clientId}' in realm '${realm}': no client has that clientId`);
  }
  return { ...client, id: client.id, clientId: client.clientId };
}
