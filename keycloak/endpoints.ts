/**
 * The Keycloak endpoints the tool calls, as data: method, path template, the role a 403 names,
 * whether the request changes state (a dry run holds it back) and whether repeating it is
 * harmless (only those are retried). Paths are made from these by the one path builder, so a
 * request can only reach the path its template names. Facts: notes/keycloak-admin-api.md.
 */
import { IncidentError } from './errors.ts';
import { buildPath, UnsafeSegmentError, type PathParams, type QueryParams } from './path.ts';
import type { HttpMethod, RealmManagementRole, RequestSpec } from './request-spec.ts';

export interface Endpoint {
  method: HttpMethod;
  template: string;
  role?: RealmManagementRole;
  changesState: boolean;
  idempotent: boolean;
}

const get = (template: string, role?: RealmManagementRole): Endpoint => ({
  method: 'GET',
  template,
  ...(role ? { role } : {}),
  changesState: false,
  idempotent: true,
});
const put = (template: string, role: RealmManagementRole): Endpoint => ({
  method: 'PUT',
  template,
  role,
  changesState: true,
  idempotent: true,
});
const del = (template: string, role: RealmManagementRole): Endpoint => ({
  method: 'DELETE',
  template,
  role,
  changesState: true,
  idempotent: true,
});
/** A POST; idempotent only when sending it twice does what sending it once does (a logout, a push). */
const post = (
  template: string,
  role: RealmManagementRole | undefined,
  idempotent: boolean,
  changesState = true,
): Endpoint => ({
  method: 'POST',
  template,
  ...(role ? { role } : {}),
  changesState,
  idempotent,
});

const REALM = '/admin/realms/{realm}';
const OIDC = '/realms/{realm}/protocol/openid-connect';

export const ENDPOINTS = {
  // OpenID Connect: the client authenticates itself, no realm-management role.
  token: post(`${OIDC}/token`, undefined, true, false),
  introspect: post(`${OIDC}/token/introspect`, undefined, true, false),
  revoke: post(`${OIDC}/revoke`, undefined, true),
  /** /revoke with a token that matches nothing: only tests a client's credentials. */
  revokeProbe: post(`${OIDC}/revoke`, undefined, true, false),
  certs: get(`${OIDC}/certs`),

  realm: get(REALM, 'view-realm'),
  updateRealm: put(REALM, 'manage-realm'),
  pushRevocation: post(`${REALM}/push-revocation`, 'manage-realm', true),
  logoutAll: post(`${REALM}/logout-all`, 'manage-users', true),
  clientSessionStats: get(`${REALM}/client-session-stats`, 'view-realm'),
  keys: get(`${REALM}/keys`, 'view-realm'),

  users: get(`${REALM}/users`, 'view-users'),
  user: get(`${REALM}/users/{id}`, 'view-users'),
  updateUser: put(`${REALM}/users/{id}`, 'manage-users'),
  logoutUser: post(`${REALM}/users/{id}/logout`, 'manage-users', true),
  userSessions: get(`${REALM}/users/{id}/sessions`, 'view-users'),
  userConsents: get(`${REALM}/users/{id}/consents`, 'view-users'),
  revokeConsent: del(`${REALM}/users/{id}/consents/{clientId}`, 'manage-users'),
  userOfflineSessions: get(`${REALM}/users/{id}/offline-sessions/{clientUuid}`, 'view-users'),
  deleteSession: del(`${REALM}/sessions/{session}`, 'manage-users'),

  clients: get(`${REALM}/clients`, 'view-clients'),
  client: get(`${REALM}/clients/{id}`, 'view-clients'),
  updateClient: put(`${REALM}/clients/{id}`, 'manage-clients'),
  pushClientRevocation: post(`${REALM}/clients/{id}/push-revocation`, 'manage-clients', true),
  clientSecret: get(`${REALM}/clients/{id}/client-secret`, 'view-clients'),
  // Generating a secret is not idempotent: never retried.
  newClientSecret: post(`${REALM}/clients/{id}/client-secret`, 'manage-clients', false),

  components: get(`${REALM}/components`, 'view-realm'),
  // Creating a key is not idempotent: never retried.
  createComponent: post(`${REALM}/components`, 'manage-realm', false),
  component: get(`${REALM}/components/{id}`, 'view-realm'),
  updateComponent: put(`${REALM}/components/{id}`, 'manage-realm'),
  deleteComponent: del(`${REALM}/components/{id}`, 'manage-realm'),

  // The live reader of `audit` (GET only).
  clientScopes: get(`${REALM}/client-scopes`, 'view-clients'),
  defaultClientScopes: get(`${REALM}/default-default-client-scopes`, 'view-clients'),
  clientPolicies: get(`${REALM}/client-policies/policies`, 'view-realm'),
  clientProfiles: get(`${REALM}/client-policies/profiles`, 'view-realm'),

  // The reader of `watch` (GET only): query dateFrom (epoch ms, inclusive), direction asc, first, max.
  events: get(`${REALM}/events`, 'view-events'),
  adminEvents: get(`${REALM}/admin-events`, 'view-events'),
  /** eventsEnabled, enabledEventTypes, eventsExpiration, adminEventsEnabled: readable with view-events alone. */
  eventsConfig: get(`${REALM}/events/config`, 'view-events'),
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof ENDPOINTS;

/** The path of an endpoint; a value that cannot be one segment is an IncidentError ('refused'): nothing is sent. */
export function endpointPath(endpoint: Endpoint, params: PathParams, query?: QueryParams): string {
  try {
    return buildPath(endpoint.template, params, query);
  } catch (error) {
    if (!(error instanceof UnsafeSegmentError)) throw error;
    throw new IncidentError(
      'refused',
      `refused to send ${endpoint.method} ${endpoint.template} with {${error.hole}} = ${JSON.stringify(error.value)}: ${error.problem} — nothing was sent`,
    );
  }
}

/** The request an endpoint makes with these values: the path built, segment by segment. */
export function requestSpec(
  endpoint: Endpoint,
  params: PathParams,
  options: { query?: QueryParams; notFound?: string } = {},
): RequestSpec {
  return {
    method: endpoint.method,
    path: endpointPath(endpoint, params, options.query),
    changesState: endpoint.changesState,
    idempotent: endpoint.idempotent,
    ...(endpoint.role ? { role: endpoint.role } : {}),
    ...(options.notFound ? { notFound: options.notFound } : {}),
  };
}
