/**
 * The one request core of the incident actions and of `audit`. Every request — admin API and
 * OIDC endpoints alike — is sent by plain fetch to exactly the path its RequestSpec names (built
 * by the path builder, checked once more against the URL parser here): what a dry run lists and
 * the journal records is byte for byte what goes on the wire. No redirect is followed, for the
 * same reason.
 *
 * send() owns the rules: retries with backoff for 5xx, 429 and network errors on idempotent
 * requests only, one fresh authentication after a 401, a deadline for the whole command, and
 * every failure mapped to one IncidentError line. The token request is one attempt inside the
 * admin request's attempt: one retry budget, never retries nested in retries.
 */
import pRetry from 'p-retry';
import { actorOf, type AuthConfig } from './auth.ts';
import { DEFAULT_MAX_RESPONSE_BYTES, parseAnswer, readCapped } from './body.ts';
import { ENDPOINTS, requestSpec } from './endpoints.ts';
import { HttpStatusError, IncidentError, toIncidentError, type ErrorScene } from './errors.ts';
import { requestUrl, UnsafeSegmentError } from './path.ts';
import { describe, type RequestSpec } from './request-spec.ts';
import { SecretRegistry } from './secrets.ts';
import { TokenSource, type TokenAnswer } from './token-source.ts';

export interface CoreOptions {
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Retries after the first attempt, for idempotent requests. */
  retries?: number;
  /** First backoff delay; doubles each retry. */
  minRetryDelayMs?: number;
  /** Total time for everything this core sends, counted from its creation (the command's start). */
  deadlineMs?: number;
  /** Largest answer body read; larger ones are cut off and refused. */
  maxResponseBytes?: number;
}

/** An answer: its status, the parsed body (undefined when empty) and the Location header. */
export interface Answer {
  status: number;
  body: unknown;
  location?: string;
}

/** @deprecated the name of Answer before admin requests were plain fetch too. */
export type FormAnswer = Answer;

export class IncidentHttp {
  readonly secrets = new SecretRegistry();
  readonly actor: string;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly deadlineMs: number | undefined;
  readonly #deadlineAt: number;
  readonly #retries: number;
  readonly #minRetryDelayMs: number;
  readonly #tokens: TokenSource;
  /**
   * Set once a request has spent its retries on an unreachable or silent server: later requests
   * of the command get one attempt each, so a bulk run against a dead server does not spend the
   * whole retry budget again for every target.
   */
  #unreachable = false;

  constructor(
    readonly config: AuthConfig,
    options: CoreOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.#retries = options.retries ?? 3;
    this.#minRetryDelayMs = options.minRetryDelayMs ?? 250;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.deadlineMs = options.deadlineMs;
    this.#deadlineAt = options.deadlineMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.deadlineMs;
    this.actor = actorOf(config);
    const credentials = config.credentials;
    if (credentials)
      this.secrets.add(credentials.grant === 'client_credentials' ? credentials.clientSecret : credentials.password);
    this.#tokens = new TokenSource(credentials, (form) => this.#requestToken(form));
  }

  get origin(): string {
    return new URL(this.config.url).origin;
  }

  /** The server URL's own path ('' for a server at the root, '/auth' for an old-style one): every request path starts with it. */
  get basePath(): string {
    return new URL(this.config.url).pathname.replace(/\/+$/, '');
  }

  scene(realm: string): ErrorScene {
    return { origin: this.origin, realm, actor: this.actor, timeoutMs: this.timeoutMs };
  }

  /** Milliseconds left before the command's deadline (Infinity without one). */
  remainingMs(): number {
    return this.#deadlineAt - Date.now();
  }

  #deadlineError(spec: Pick<RequestSpec, 'method' | 'path'>): IncidentError {
    return new IncidentError(
      'timeout',
      `deadline: the command's ${this.deadlineMs} ms ran out at ${describe(spec)} — raise --deadline, or check the server's health`,
    );
  }

  #map(error: unknown, spec: RequestSpec, realm: string): IncidentError {
    const mapped = toIncidentError(error, spec, this.scene(realm));
    if (mapped.kind === 'timeout' && this.remainingMs() <= 0 && !mapped.message.startsWith('deadline:'))
      return this.#deadlineError(spec);
    return mapped;
  }

  /**
   * Sends one request (run performs it) with the core's retry and error rules. Throws IncidentError.
   */
  async send<T>(spec: RequestSpec, realm: string, run: () => Promise<T>): Promise<T> {
    let reauthenticated = false;
    const attempt = async (): Promise<T> => {
      if (this.remainingMs() <= 0) throw this.#deadlineError(spec);
      try {
        return await run();
      } catch (error) {
        // A 401 from the endpoint itself means the request was not processed: authenticate again
        // once, whatever the method. (A refused token request is final: its message says why.)
        if (error instanceof HttpStatusError && error.status === 401 && !reauthenticated && spec.role !== undefined) {
          reauthenticated = true;
          this.#tokens.invalidate();
          return attempt();
        }
        throw this.#map(error, spec, realm);
      }
    };
    const retries = spec.idempotent && !this.#unreachable ? this.#retries : 0;
    let attempts = 0;
    try {
      return await pRetry(
        async () => {
          attempts++;
          return attempt();
        },
        {
          retries,
          minTimeout: this.#minRetryDelayMs,
          factor: 2,
          randomize: true,
          shouldRetry: ({ error }) =>
            error instanceof IncidentError &&
            error.transient &&
            !this.#unreachable &&
            this.remainingMs() > this.#minRetryDelayMs,
        },
      );
    } catch (error) {
      // Retries spent on a server that does not answer at all: the budget is gone for the command.
      if (error instanceof IncidentError && (error.kind === 'unreachable' || error.kind === 'timeout') && attempts > 1)
        this.#unreachable = true;
      throw error;
    }
  }

  /** An admin API request with the core's rules: the parsed answer body. */
  async admin(spec: RequestSpec, realm: string, body?: unknown): Promise<unknown> {
    return (await this.send(spec, realm, () => this.adminOnce(spec, body))).body;
  }

  /** One attempt of an admin API request, with the bearer token; non-2xx throws HttpStatusError. */
  async adminOnce(spec: RequestSpec, body?: unknown): Promise<Answer> {
    const token = await this.#tokens.get();
    return this.#fetch(spec, {
      method: spec.method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  }

  /** POSTs an HTML form to an OIDC endpoint (one attempt); non-2xx answers throw HttpStatusError. */
  async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
    return this.#fetch(
      { method: 'POST', path },
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
        body: new URLSearchParams(fields).toString(),
      },
    );
  }

  /** GET without authentication (the public JWKS), one attempt. */
  async getPublic(path: string): Promise<unknown> {
    return (await this.#fetch({ method: 'GET', path }, { method: 'GET', headers: { accept: 'application/json' } }))
      .body;
  }

  async #fetch(spec: Pick<RequestSpec, 'method' | 'path'>, init: RequestInit): Promise<Answer> {
    let url: string;
    try {
      url = requestUrl(this.config.url, spec.path);
    } catch (error) {
      if (error instanceof UnsafeSegmentError)
        throw new IncidentError('refused', `refused to send ${describe(spec)}: ${error.problem} — nothing was sent`);
      throw error;
    }
    const remaining = this.remainingMs();
    if (remaining <= 0) throw this.#deadlineError(spec);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(Math.min(this.timeoutMs, remaining)),
    });
    const text = await readCapped(response, this.maxResponseBytes, spec);
    const ok = response.status >= 200 && response.status < 300;
    const body = parseAnswer(text, response.headers.get('content-type'), ok, spec);
    if (!ok) throw new HttpStatusError(response.status, body);
    const location = response.headers.get('location');
    return { status: response.status, body, ...(location ? { location } : {}) };
  }

  async #requestToken(form: Record<string, string>): Promise<TokenAnswer> {
    const realm = this.config.authRealm;
    const spec = requestSpec(ENDPOINTS.token, { realm });
    try {
      // One attempt: the admin request this token is for carries the retries.
      const answer = await this.postForm(spec.path, form);
      const body = answer.body as Partial<TokenAnswer> | undefined;
      if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
        throw new IncidentError(
          'bad-answer',
          `${describe(spec)} answered without an access token — is KEYCLOAK_URL the root of a Keycloak server?`,
        );
      }
      this.secrets.add(body.access_token);
      return { access_token: body.access_token, expires_in: body.expires_in };
    } catch (error) {
      const mapped = this.#map(error, spec, realm);
      if (mapped.status === 400 || mapped.status === 401) {
        throw new IncidentError(
          'unauthorized',
          `authentication failed: Keycloak refused ${this.actor}${mapped.detail ? ` (${mapped.detail})` : ''} — check KEYCLOAK_CLIENT_ID/KEYCLOAK_CLIENT_SECRET or KEYCLOAK_USER/KEYCLOAK_PASSWORD and KEYCLOAK_REALM`,
          mapped.status,
        );
      }
      throw mapped;
    }
  }
}
