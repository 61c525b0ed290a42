/**
 * A request as the incident actions describe it: what is sent (method + path, never a body or a
 * secret), whether it changes state (dry runs skip those), whether repeating it is harmless
 * (only those are retried), the realm-management role it needs and what a 404 means. The same
 * description feeds the dry-run listing, the journal and the error messages.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The realm-management client roles the actions need. */
export type RealmManagementRole =
  | 'view-users'
  | 'manage-users'
  | 'view-clients'
  | 'manage-clients'
  | 'view-realm'
  | 'manage-realm'
  | 'view-events'
  | 'view-identity-providers';

export interface RequestSpec {
  method: HttpMethod;
  /** Path below the server URL, ids filled in, e.g. /admin/realms/shop/users/4f…/logout. */
  path: string;
  /** True when the request changes anything in Keycloak: a dry run lists it and does not send it. */
  changesState: boolean;
  /**
   * True when sending it twice has the effect of sending it once. GET, PUT and DELETE are; a
   * POST only when said so (a logout, a push): never the POSTs that create keys or secrets.
   */
  idempotent: boolean;
  /** The role a 403 names. Absent for the OIDC endpoints (they authenticate the client instead). */
  role?: RealmManagementRole;
  /** What a 404 means, e.g. "user 'alice'". */
  notFound?: string;
}

/** GET: reads, safe to retry. */
export function read(path: string, role: RealmManagementRole | undefined, notFound?: string): RequestSpec {
  return { method: 'GET', path, changesState: false, idempotent: true, role, notFound };
}

/** A state-changing request; idempotent follows the method unless a POST is declared idempotent. */
export function change(
  method: Exclude<HttpMethod, 'GET'>,
  path: string,
  role: RealmManagementRole | undefined,
  options: { notFound?: string; idempotentPost?: boolean } = {},
): RequestSpec {
  return {
    method,
    path,
    changesState: true,
    idempotent: method !== 'POST' || options.idempotentPost === true,
    role,
    notFound: options.notFound,
  };
}

export function describe(spec: Pick<RequestSpec, 'method' | 'path'>): string {
  return `${spec.method} ${spec.path}`;
}
