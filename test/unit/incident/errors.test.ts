import { describe, expect, it } from 'vitest';
import {
  HttpStatusError,
  IncidentError,
  networkCode,
  serverMessage,
  toIncidentError,
  type ErrorScene,
} from '../../../keycloak/errors.ts';
import { change, read } from '../../../keycloak/request-spec.ts';

const scene: ErrorScene = {
  origin: 'https://sso.example.com',
  realm: 'shop',
  actor: "client 'bot' (realm master)",
  timeoutMs: 1000,
};
const logout = change('POST', '/admin/realms/shop/users/u1/logout', 'manage-users', {
  notFound: "user 'alice'",
  idempotentPost: true,
});

/** The shape the admin client throws: NetworkError with the Response and the parsed body. */
function adminClientError(status: number, body: unknown): Error {
  return Object.assign(new Error('x'), { response: new Response(null, { status }), responseData: body });
}

describe('toIncidentError', () => {
  it.each([
    [
      401,
      'unauthorized',
      /^401 Unauthorized for POST \/admin\/realms\/shop\/users\/u1\/logout: Keycloak rejected the credentials of client 'bot'/,
    ],
    [
      403,
      'forbidden',
      /^403 Forbidden for POST .*: client 'bot' \(realm master\) lacks the realm-management role 'manage-users' for realm 'shop'/,
    ],
    [404, 'not-found', /^404 Not Found for POST .*: unknown user 'alice' in realm 'shop'/],
    [429, 'http', /^429 Too Many Requests/],
    [503, 'http', /^503 for POST .*: boom/],
  ] as const)('maps %i from the admin client', (status, kind, message) => {
    const error = toIncidentError(adminClientError(status, { error: 'boom' }), logout, scene);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('maps the plain-fetch HttpStatusError the same way', () => {
    const error = toIncidentError(new HttpStatusError(403, ''), read('/admin/realms/shop/keys', 'view-realm'), scene);
    expect(error.message).toMatch(/lacks the realm-management role 'view-realm'/);
  });

  it('a 403 names where the role is granted: realm-management in the realm, or <realm>-realm in master', () => {
    const shop = toIncidentError(new HttpStatusError(403, ''), read('/admin/realms/shop/keys', 'view-realm'), scene);
    expect(shop.message).toMatch(
      /grant it \(client 'realm-management' in 'shop', or client 'shop-realm' for a master-realm account\)$/,
    );
    // The master realm has no realm-management client: its admin roles are on master-realm.
    const master = toIncidentError(new HttpStatusError(403, ''), read('/admin/realms/master/keys', 'view-realm'), {
      ...scene,
      realm: 'master',
    });
    expect(master.message).toMatch(/grant it \(client 'master-realm' in 'master'\)$/);
  });

  it('maps connection refused, unknown host, resets and timeouts to one line each', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(toIncidentError(refused, logout, scene).message).toBe(
      'cannot connect to https://sso.example.com: connection refused — is Keycloak running there, and is KEYCLOAK_URL right?',
    );
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('dns'), { code: 'ENOTFOUND' }) });
    expect(toIncidentError(dns, logout, scene).message).toMatch(
      /^cannot resolve the host of https:\/\/sso.example.com \(ENOTFOUND\)/,
    );
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(toIncidentError(reset, logout, scene)).toMatchObject({ kind: 'unreachable', transient: true });
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(toIncidentError(timeout, logout, scene).message).toMatch(
      /^timeout: https:\/\/sso.example.com did not answer POST .* within 1000 ms/,
    );
  });

  it('says which failures are transient', () => {
    expect(new IncidentError('http', 'x', 502).transient).toBe(true);
    expect(new IncidentError('http', 'x', 429).transient).toBe(true);
    expect(new IncidentError('http', 'x', 400).transient).toBe(false);
    expect(new IncidentError('forbidden', 'x', 403).transient).toBe(false);
    expect(new IncidentError('timeout', 'x').transient).toBe(true);
  });
});

describe('helpers', () => {
  it('serverMessage reads Keycloak error bodies', () => {
    expect(serverMessage({ error: 'invalid_client', error_description: 'Invalid client credentials' })).toBe(
      'invalid_client: Invalid client credentials',
    );
    expect(serverMessage({ errorMessage: 'User not found' })).toBe('User not found');
    expect(serverMessage('')).toBeUndefined();
    expect(serverMessage(42)).toBeUndefined();
  });

  it('networkCode digs through causes', () => {
    expect(networkCode(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))).toBe('ECONNRESET');
    expect(networkCode(new Error('plain'))).toBeUndefined();
  });

  it('POSTs are not idempotent unless declared', () => {
    expect(change('POST', '/x', 'manage-realm').idempotent).toBe(false);
    expect(change('POST', '/x', 'manage-users', { idempotentPost: true }).idempotent).toBe(true);
    expect(change('DELETE', '/x', 'manage-users').idempotent).toBe(true);
    expect(read('/x', 'view-users')).toMatchObject({ method: 'GET', changesState: false, idempotent: true });
  });
});
