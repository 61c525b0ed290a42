/**
 * How the tool authenticates to the admin API: the Pulumi Keycloak provider's environment
 * variables, a service-account client (client credentials, preferred) or an admin user with
 * admin-cli. Tokens are fetched on first use and fetched again when they expire or are rejected:
 * client-credentials grants carry no refresh token, so re-authenticating is the one way for both.
 */
import { InputError } from '../../model/errors.ts';
import { serverUrlProblem } from '../../model/loopback.ts';

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

/** Parses and checks the server URL: http only to loopback unless allowed. */
export function checkServerUrl(raw: string | undefined, allowInsecureHttp: boolean): string {
  if (!raw) throw new InputError('no Keycloak URL given', { keyPath: 'KEYCLOAK_URL' }, 'set KEYCLOAK_URL (e.g. https://sso.example.com) or pass --url');
  const problem = serverUrlProblem(raw, allowInsecureHttp);
  switch (problem?.kind) {
    case 'not-a-url':
      throw new InputError(`'${raw}' is not a URL`, { keyPath: 'KEYCLOAK_URL' }, 'give the server root, e.g. https://sso.example.com');
    case 'scheme':
      throw new InputError(`unsupported scheme '${problem.scheme}' in '${raw}'`, { keyPath: 'KEYCLOAK_URL' }, 'use https://');
    case 'plain-http':
      throw new InputError(
        `refusing plain http:// to ${problem.host}: tokens and credentials would cross the network unencrypted`,
        { keyPath: 'KEYCLOAK_URL' },
        'use https://, or pass --allow-insecure-http if you accept that risk',
      );
  }
  return new URL(raw).href.replace(/\/+$/, '');
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
  options: { url?: string; authRealm?: string; allowInsecureHttp?: boolean; clientSecret?: string; password?: string } = {},
): AuthConfig {
  const url = checkServerUrl(options.url ?? env.KEYCLOAK_URL, options.allowInsecureHttp === true);
  const credentials = credentialsFromEnv(env, {
    ...(options.clientSecret !== undefined ? { clientSecret: options.clientSecret } : {}),
    ...(options.password !== undefined ? { password: options.password } : {}),
  });
  return { url, authRealm: options.authRealm || env.KEYCLOAK_REALM || 'master', ...(credentials ? { credentials } : {}) };
}

/** Who acts, for messages and the journal (never a secret). */
export function actorOf(config: AuthConfig): string {
  const credentials = config.credentials;
  if (!credentials) return 'nobody (no credentials)';
  return credentials.grant === 'client_credentials'
    ? `client '${credentials.clientId}' (realm ${config.authRealm})`
    : `user '${credentials.username}' (realm ${config.authRealm})`;
}
