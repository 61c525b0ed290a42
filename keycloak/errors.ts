/**
 * IncidentError: the one error type of the incident actions. Every failure of a request — an
 * HTTP status, a refused connection, a timeout — becomes one of these with a one-line message
 * that says what failed and what to do. The CLI prints the message; bulk runs list it per target.
 */
import { describe, type RequestSpec } from './request-spec.ts';
import { tlsCode, tlsMessage } from './tls.ts';

export type IncidentErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'unreachable'
  | 'timeout'
  | 'http'
  /** A certificate problem: never retried, the message says how to trust a CA. */
  | 'tls'
  /** A request refused before sending: a path segment the URL parser would rewrite. */
  | 'refused'
  /** An answer that is not what the endpoint gives (not JSON, the wrong shape, too large). */
  | 'bad-answer'
  | 'unexpected';

export class IncidentError extends Error {
  override name = 'IncidentError';
  constructor(
    readonly kind: IncidentErrorKind,
    message: string,
    readonly status?: number,
    /** The server's own words, e.g. 'invalid_client: Invalid client credentials'. */
    readonly detail?: string,
  ) {
    super(message);
  }

  /** Worth another attempt when the request allows it: server trouble, rate limits, the network. */
  get transient(): boolean {
    return (
      this.kind === 'unreachable' ||
      this.kind === 'timeout' ||
      (this.status !== undefined && (this.status >= 500 || this.status === 429))
    );
  }
}

/** What the mapping needs to know besides the request itself. */
export interface ErrorScene {
  /** Server origin, e.g. https://sso.example.com. */
  origin: string;
  /** The realm the action works on. */
  realm: string;
  /** Who acts, e.g. "client 'incident-bot' (realm master)". */
  actor: string;
  timeoutMs: number;
}

/** An HTTP answer that was not 2xx, from the admin client or from plain fetch. */
export interface HttpFailure {
  status: number;
  body: unknown;
}

export function httpFailureOf(error: unknown): HttpFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const response = (error as { response?: unknown }).response;
  if (response instanceof Response)
    return { status: response.status, body: (error as { responseData?: unknown }).responseData };
  return undefined;
}

/** Keycloak's error body: {error, error_description} or {errorMessage} or plain text. */
export function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim().slice(0, 200) || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const parts = [record.error, record.error_description, record.errorMessage].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  return parts.length > 0 ? parts.join(': ') : undefined;
}

/** The network error code under fetch's "fetch failed" TypeError (ECONNREFUSED, ECONNRESET, …). */
export function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'TimeoutError' || (error.name === 'AbortError' && /timeout/i.test(error.message)))
  );
}

export function toIncidentError(
  error: unknown,
  spec: Pick<RequestSpec, 'method' | 'path' | 'role' | 'notFound'>,
  scene: ErrorScene,
): IncidentError {
  if (error instanceof IncidentError) return error;
  const request = describe(spec);
  const failure =
    httpFailureOf(error) ?? (error instanceof HttpStatusError ? { status: error.status, body: error.body } : undefined);
  if (failure) return fromStatus(failure, spec, request, scene);
  const tls = tlsCode(error);
  if (tls !== undefined) return new IncidentError('tls', tlsMessage(tls, scene.origin));
  if (isTimeout(error)) {
    return new IncidentError(
      'timeout',
      `timeout: ${scene.origin} did not answer ${request} within ${scene.timeoutMs} ms — check the server's health or raise --timeout`,
    );
  }
  const code = networkCode(error);
  if (code === 'ECONNREFUSED') {
    return new IncidentError(
      'unreachable',
      `cannot connect to ${scene.origin}: connection refused — is Keycloak running there, and is KEYCLOAK_URL right?`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new IncidentError(
      'unreachable',
      `cannot resolve the host of ${scene.origin} (${code}) — check KEYCLOAK_URL`,
    );
  }
  if (code !== undefined || (error instanceof TypeError && error.message === 'fetch failed')) {
    return new IncidentError(
      'unreachable',
      `network error talking to ${scene.origin} for ${request}: ${code ?? 'fetch failed'}`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new IncidentError('unexpected', `${request} failed: ${message}`);
}

function fromStatus(
  failure: HttpFailure,
  spec: Pick<RequestSpec, 'role' | 'notFound'>,
  request: string,
  scene: ErrorScene,
): IncidentError {
  const { status } = failure;
  const detail = serverMessage(failure.body);
  if (status === 401) {
    return new IncidentError(
      'unauthorized',
      `401 Unauthorized for ${request}: Keycloak rejected the credentials of ${scene.actor} — check KEYCLOAK_CLIENT_ID/KEYCLOAK_CLIENT_SECRET (or KEYCLOAK_USER/KEYCLOAK_PASSWORD) and KEYCLOAK_REALM`,
      status,
      detail,
    );
  }
  if (status === 403) {
    const role = spec.role
      ? `lacks the realm-management role '${spec.role}' for realm '${scene.realm}' — grant it (${roleHolder(scene.realm)})`
      : `is not allowed to do this${detail ? ` (${detail})` : ''}`;
    return new IncidentError('forbidden', `403 Forbidden for ${request}: ${scene.actor} ${role}`, status, detail);
  }
  if (status === 404) {
    const what = spec.notFound
      ? `unknown ${spec.notFound} in realm '${scene.realm}'`
      : `not found${detail ? ` (${detail})` : ''}`;
    return new IncidentError(
      'not-found',
      `404 Not Found for ${request}: ${what} — check the name and the realm (or that realm '${scene.realm}' exists)`,
      status,
      detail,
    );
  }
  if (status >= 300 && status < 400) {
    // No redirect is followed: the request sent must be the one listed and journalled.
    return new IncidentError(
      'http',
      `${status} redirect for ${request}: realmguard follows no redirect — give the server's own root URL in KEYCLOAK_URL (or --url)`,
      status,
      detail,
    );
  }
  if (status === 429)
    return new IncidentError(
      'http',
      `429 Too Many Requests for ${request}: Keycloak is rate limiting — retry later or lower --concurrency`,
      status,
      detail,
    );
  return new IncidentError('http', `${status} for ${request}${detail ? `: ${detail}` : ''}`, status, detail);
}

/**
 * Where a realm's admin roles live: its own realm-management client, and for an account of the
 * master realm the `<realm>-realm` client there. The master realm has only the latter.
 */
function roleHolder(realm: string): string {
  if (realm === 'master') return "client 'master-realm' in 'master'";
  return `client 'realm-management' in '${realm}', or client '${realm}-realm' for a master-realm account`;
}

/** Thrown by the plain-fetch path for a non-2xx answer, mapped like the admin client's NetworkError. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}
