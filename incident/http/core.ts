/**
 * The one request core of the incident actions. Admin calls go through
 * @keycloak/keycloak-admin-client; the OIDC endpoints it does not wrap (token, /revoke,
 * introspection) through plain fetch. Both pass through send(): retries with backoff for 5xx,
 * 429 and network errors on idempotent requests only, one fresh authentication after a 401, and
 * every failure mapped to one IncidentError line.
 */
import KcAdminClient from '@keycloak/keycloak-admin-client';
import pRetry from 'p-retry';
import { actorOf, type AuthConfig } from './auth.ts';
import { HttpStatusError, IncidentError, toIncidentError, type ErrorScene } from './errors.ts';
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
}

export interface FormAnswer {
  status: number;
  body: unknown;
}

export class IncidentHttp {
  readonly admin: KcAdminClient;
  readonly secrets = new SecretRegistry();
  readonly actor: string;
  readonly timeoutMs: number;
  readonly #retries: number;
  readonly #minRetryDelayMs: number;
  readonly #tokens: TokenSource;

  constructor(
    readonly config: AuthConfig,
    options: CoreOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.#retries = options.retries ?? 3;
    this.#minRetryDelayMs = options.minRetryDelayMs ?? 250;
    this.actor = actorOf(config);
    const credentials = config.credentials;
    if (credentials) this.secrets.add(credentials.grant === 'client_credentials' ? credentials.clientSecret : credentials.password);
    this.#tokens = new TokenSource(credentials, (form) => this.#requestToken(form));
    this.admin = new KcAdminClient({ baseUrl: config.url, realmName: config.authRealm, timeout: this.timeoutMs });
    this.admin.registerTokenProvider({ getAccessToken: () => this.#tokens.get() });
  }

  get origin(): string {
    return new URL(this.config.url).origin;
  }

  scene(realm: string): ErrorScene {
    return { origin: this.origin, realm, actor: this.actor, timeoutMs: this.timeoutMs };
  }

  /**
   * Sends one request (run performs it) with the core's retry and error rules. Throws IncidentError.
   */
  async send<T>(spec: RequestSpec, realm: string, run: () => Promise<T>): Promise<T> {
    let reauthenticated = false;
    const attempt = async (): Promise<T> => {
      try {
        return await run();
      } catch (error) {
        const mapped = toIncidentError(error, spec, this.scene(realm));
        // A 401 means the request was not processed: authenticate again once, whatever the method.
        if (mapped.kind === 'unauthorized' && mapped.status === 401 && !reauthenticated && spec.role !== undefined) {
          reauthenticated = true;
          this.#tokens.invalidate();
          return attempt();
        }
        throw mapped;
      }
    };
    return pRetry(attempt, {
      retries: spec.idempotent ? this.#retries : 0,
      minTimeout: this.#minRetryDelayMs,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof IncidentError && error.transient,
    });
  }

  /** POSTs an HTML form to an OIDC endpoint; non-2xx answers throw HttpStatusError (mapped by send). */
  async postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<FormAnswer> {
    const response = await fetch(`${this.config.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
      body: new URLSearchParams(fields),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === '' ? '' : JSON.parse(text);
    } catch {
      // plain text answer: keep the text
    }
    if (!response.ok) throw new HttpStatusError(response.status, body);
    return { status: response.status, body };
  }

  /** GET without authentication (the public JWKS). */
  async getPublic(path: string): Promise<unknown> {
    const response = await fetch(`${this.config.url}${path}`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(this.timeoutMs) });
    const text = await response.text();
    if (!response.ok) throw new HttpStatusError(response.status, text);
    return JSON.parse(text) as unknown;
  }

  async #requestToken(form: Record<string, string>): Promise<TokenAnswer> {
    const realm = this.config.authRealm;
    const path = `/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`;
    // Obtaining a token changes nothing the incident cares about: safe to retry.
    const spec: RequestSpec = { method: 'POST', path, changesState: false, idempotent: true };
    try {
      const answer = await this.send(spec, realm, () => this.postForm(path, form));
      const body = answer.body as Partial<TokenAnswer>;
      if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
        throw new IncidentError('unexpected', `${describe(spec)} answered without an access token`);
      }
      this.secrets.add(body.access_token);
      return { access_token: body.access_token, expires_in: body.expires_in };
    } catch (error) {
      if (error instanceof IncidentError && (error.status === 400 || error.status === 401)) {
        throw new IncidentError(
          'unauthorized',
          `authentication failed: Keycloak refused ${this.actor}${error.detail ? ` (${error.detail})` : ''} — check KEYCLOAK_CLIENT_ID/KEYCLOAK_CLIENT_SECRET or KEYCLOAK_USER/KEYCLOAK_PASSWORD and KEYCLOAK_REALM`,
          error.status,
        );
      }
      throw error;
    }
  }
}
