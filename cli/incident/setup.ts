/**
 * Turns the common command-line options and the environment into a ready IncidentContext and
 * journal — the pre-flight of every action. Everything a person can get wrong here is an
 * InputError (exit 2), and nothing has been sent yet: no request, not even the token request.
 */
import { InputError } from '../../model/errors.ts';
import { createContext, type IncidentContext, type IntrospectionClient } from '../../incident/context.ts';
import { authConfigFrom } from '../../keycloak/auth.ts';
import { IncidentHttp } from '../../keycloak/core.ts';
import { Journal } from '../../incident/journal.ts';
import { readSecret, readToken, refuseArgvSecret } from './inputs.ts';

export interface CommonOptions {
  realm: string;
  url?: string;
  authRealm?: string;
  clientSecretFile?: string;
  passwordFile?: string;
  allowInsecureHttp?: boolean;
  timeout: number;
  retries: number;
  /** Total milliseconds for the whole command (unset: no deadline). */
  deadline?: number;
  /** Largest answer body read, in MiB. */
  maxResponseMib?: number;
  dryRun?: boolean;
  journal: string;
  yes?: boolean;
  json?: boolean;
  tokenFile?: string;
  tokenEnv?: string;
  introspectClientId?: string;
  introspectClientSecretFile?: string;
  // Refused when present: secrets never come from argv.
  token?: string;
  clientSecret?: string;
  password?: string;
}

export interface Setup {
  ctx: IncidentContext;
  http: IncidentHttp;
  journal: Journal;
  /** The token read from --token-file/--token-env (for revoke-token the target, else the suspect). */
  token?: string;
  /** The confidential client given to introspect with. */
  introspection?: IntrospectionClient;
}

export function refuseArgvSecrets(options: CommonOptions): void {
  if (options.token !== undefined)
    refuseArgvSecret('--token', '--token-file FILE, --token-file - (stdin) or --token-env VAR');
  if (options.clientSecret !== undefined)
    refuseArgvSecret('--client-secret', 'KEYCLOAK_CLIENT_SECRET or --client-secret-file FILE');
  if (options.password !== undefined) refuseArgvSecret('--password', 'KEYCLOAK_PASSWORD or --password-file FILE');
}

export function setup(options: CommonOptions, env: NodeJS.ProcessEnv, { tokenIsTarget = false } = {}): Setup {
  refuseArgvSecrets(options);
  const clientSecret = readSecret(options.clientSecretFile, '--client-secret-file', env, 'KEYCLOAK_CLIENT_SECRET');
  const password = readSecret(options.passwordFile, '--password-file', env, 'KEYCLOAK_PASSWORD');
  const config = authConfigFrom(env, {
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.authRealm !== undefined ? { authRealm: options.authRealm } : {}),
    allowInsecureHttp: options.allowInsecureHttp === true,
    ...(clientSecret ? { clientSecret } : {}),
    ...(password ? { password } : {}),
  });
  const http = new IncidentHttp(config, {
    timeoutMs: options.timeout,
    retries: options.retries,
    ...(options.deadline !== undefined ? { deadlineMs: options.deadline } : {}),
    ...(options.maxResponseMib !== undefined ? { maxResponseBytes: options.maxResponseMib * 1024 * 1024 } : {}),
  });
  const token = readToken(options, env);
  http.secrets.add(token);
  let introspection: IntrospectionClient | undefined;
  if (options.introspectClientId) {
    const secret = readSecret(
      options.introspectClientSecretFile,
      '--introspect-client-secret-file',
      env,
      'REALMGUARD_INTROSPECT_CLIENT_SECRET',
    );
    if (!secret) {
      throw new InputError(
        '--introspect-client-id needs the client secret',
        { keyPath: '--introspect-client-secret-file' },
        'set REALMGUARD_INTROSPECT_CLIENT_SECRET or pass --introspect-client-secret-file FILE',
      );
    }
    introspection = { clientId: options.introspectClientId, clientSecret: secret };
  }
  const suspect = !tokenIsTarget && token ? { token, ...(introspection ? { introspection } : {}) } : undefined;
  const ctx = createContext(http, options.realm, { dryRun: options.dryRun === true, ...(suspect ? { suspect } : {}) });
  const journal = new Journal(options.journal, http.secrets);
  // Pre-flight: a journal that cannot take a line is found now, while nothing has been sent.
  journal.check();
  return { ctx, http, journal, ...(token ? { token } : {}), ...(introspection ? { introspection } : {}) };
}
