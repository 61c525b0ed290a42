/**
 * How the tool authenticates to the admin API: the Pulumi Keycloak provider's environment
 * variables, a service-account client (client credentials, preferred) or an admin user with
 * admin-cli. Tokens are fetched on first use and fetched again when they expire or are rejected:
 * client-credentials grants carry no refresh token, so re-authenticating is the one way for both.
 */
import { InputError } from '../model/errors.ts';
import { serverUrlProblem } from '../model/loopback.ts';
import { segmentProblem } from './path.ts';

export type Credentials =
  | { grant: 'client_credentials'; clientId: string; clientSecret: string }
  | { grant: 'password'; clientId: string; username: string; password: string };

export interface AuthConfig {
  /** Server URL without a trailing slash, e.g. https://sso.example.com. */
  url: string;
  /** Realm the acting account lives in (KEYCLOAK_REALM, default master). */
  authRealm: string;
  credentials?: Credentials;
}

/**
 * The URL as it may be shown: user info (user:password@) replaced, also in text that does not
 * parse as a URL. Every message about the URL uses this, never the raw value.
 */
export function displayUrl(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@').replace(/^[^/?#:]*:[^/?#]*@/, '***@');
}

/** Parses and checks the server URL: http only to loopback unless allowed, no credentials in it. */
export function checkServerUrl(raw: string | undefined, allowInsecureHttp: boolean): string {
  if (!raw)
    throw new InputError(
      'no Keycloak URL given',
      { keyPath: 'KEYCLOAK_URL' },
      'set KEYCLOAK_URL (e.g. https://sso.example.com) or pass --url',
    );
  const shown = displayUrl(raw);
  const problem = serverUrlProblem(raw, allowInsecureHttp);
  switch (problem?.kind) {
    case 'not-a-url':
      throw new InputError(
        `'${shown}' is not a URL`,
        { keyPath: 'KEYCLOAK_URL' },
        'give the server root, e.g. https://sso.example.com',
      );
    case 'scheme':
      throw new InputError(
        `unsupported scheme '${problem.scheme}' in '${shown}'`,
        { keyPath: 'KEYCLOAK_URL' },
        'use https://',
      );
    case 'plain-http':
      throw new InputError(
        `refusing plain http:// to ${problem.host}: tokens and credentials would cross the network unencrypted`,
        { keyPath: 'KEYCLOAK_URL' },
        'use https://, or pass --allow-insecure-http if you accept that risk',
      );
  }
  const url = new URL(raw);
  // Credentials in the URL would be printed, journalled and sent as Basic auth to every endpoint.
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      `the Keycloak URL '${shown}' carries credentials (user:password@): they would end up in logs and output`,
      { keyPath: 'KEYCLOAK_URL' },
      'remove them from the URL and set KEYCLOAK_USER and KEYCLOAK_PASSWORD (or KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET) instead',
    );
  }
  // A query or fragment would be glued in front of every request path.
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(
      `the Keycloak URL '${shown}' has a query or fragment`,
      { keyPath: 'KEYCLOAK_URL' },
      'give the server root only, e.g. https://sso.example.com',
    );
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * A realm name as given on the command line or in KEYCLOAK_REALM: it becomes one path segment,
 * so '.', '..' and the like would reach another realm's (or no realm's) endpoints.
 */
export function checkRealmName(realm: string, source: string): string {
  const problem = segmentProblem(realm);
  if (problem) {
    throw new InputError(
      `realm ${JSON.stringify(realm)} cannot be used: ${problem}`,
      { keyPath: source },
      'give the realm name exactly as Keycloak shows it',
    );
  }
  return realm;
}

/** Reads credentials from the environment, secrets optionally from files already read by the caller. */
export function credentialsFromEnv(
  env: NodeJS.ProcessEnv,
  overrides: { clientSecret?: string; password?: string } = {},
): Credentials | undefined {
  const clientId = env.KEYCLOAK_CLIENT_ID;
  const clientSecret = overrides.clientSecret ?? env.KEYCLOAK_CLIENT_SECRET;
  if (clientId && clientSecret) return { grant: 'client_credentials', clientId, clientSecret };
  const username = env.KEYCLOAK_USER;
  const password = overrides.password ?? env.KEYCLOAK_PASSWORD;
  if (username && password) return { grant: 'password', clientId: clientId ?? 'admin-cli', username, password };
  return undefined;
}

/**
 * The connection for incident and audit alike: the server URL (--url, else KEYCLOAK_URL) checked,
 * the credentials from the environment (secrets optionally from files already read), and the
 * realm of the acting account (--auth-realm, else KEYCLOAK_REALM, else master; empty counts as unset).
 */
export function authConfigFrom(
  env: NodeJS.ProcessEnv,
  options: {
    url?: string;
    authRealm?: string;
    allowInsecureHttp?: boolean;
    clientSecret?: string;
    password?: string;
  } = {},
): AuthConfig {
  const url = checkServerUrl(options.url ?? env.KEYCLOAK_URL, options.allowInsecureHttp === true);
  const credentials = credentialsFromEnv(env, {
    ...(options.clientSecret !== undefined ? { clientSecret: options.clientSecret } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  const authRealm = options.authRealm
    ? checkRealmName(options.authRealm, '--auth-realm')
    : env.KEYCLOAK_REALM
      ? checkRealmName(env.KEYCLOAK_REALM, 'KEYCLOAK_REALM')
      : 'master';
  return { url, authRealm, ...(credentials ? { credentials } : {}) };
}

/** Who acts, for messages and the journal (never a secret). */
export function actorOf(config: AuthConfig): string {
  const credentials = config.credentials;
  if (!credentials) return 'nobody (no credentials)';
  return credentials.grant === 'client_credentials'
    ? `client '${credentials.clientId}' (realm ${config.authRealm})`
    : `user '${credentials.username}' (realm ${config.authRealm})`;
}
