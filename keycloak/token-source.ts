/**
 * Supplies the admin access token: fetched on first use, reused until shortly before it expires,
 * dropped when Keycloak answers 401 so the next request authenticates again. Client-credentials
 * grants carry no refresh token, so re-authenticating is the one way that works for both grants.
 */
import type { Credentials } from './auth.ts';
import { IncidentError } from './errors.ts';

/** Renew this long before the token's own expiry, so no request leaves with a dying token. */
const EXPIRY_MARGIN_MS = 15_000;

export interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

export type TokenRequester = (form: Record<string, string>) => Promise<TokenAnswer>;

export class TokenSource {
  #token: string | undefined;
  #expiresAt = 0;
  #pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: Credentials | undefined,
    private readonly request: TokenRequester,
  ) {}

  async get(): Promise<string> {
    if (this.#token && Date.now() < this.#expiresAt) return this.#token;
    // Concurrent callers in a bulk run share one token request.
    this.#pending ??= this.#fetch().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  invalidate(): void {
    this.#token = undefined;
    this.#expiresAt = 0;
  }

  async #fetch(): Promise<string> {
    const credentials = this.credentials;
    if (!credentials) {
      throw new IncidentError(
        'unauthorized',
        'no admin credentials: set KEYCLOAK_CLIENT_ID + KEYCLOAK_CLIENT_SECRET (a service account, preferred) or KEYCLOAK_USER + KEYCLOAK_PASSWORD',
      );
    }
    const form: Record<string, string> =
      credentials.grant === 'client_credentials'
        ? { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }
        : {
            grant_type: 'password',
            client_id: credentials.clientId,
            username: credentials.username,
            password: credentials.password,
          };
    const answer = await this.request(form);
    this.#token = answer.access_token;
    this.#expiresAt = Date.now() + Math.max(answer.expires_in * 1000 - EXPIRY_MARGIN_MS, 1000);
    return answer.access_token;
  }
}
