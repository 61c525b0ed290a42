/**
 * IncidentContext: everything an action needs besides its own options — the request core, the
 * realm to act on, dry-run mode, and optionally a suspect token with a confidential client that
 * may introspect it (the evidence that a revocation took).
 */
import { checkRealmName } from '../keycloak/auth.ts';
import type { IncidentHttp } from '../keycloak/core.ts';

export interface IntrospectionClient {
  clientId: string;
  clientSecret: string;
}

export interface SuspectToken {
  token: string;
  /** A confidential client of the realm allowed to introspect; without it the token's effect is unverified. */
  introspection?: IntrospectionClient;
}

export interface IncidentContext {
  http: IncidentHttp;
  /** The realm the action works on (not necessarily the realm the acting account lives in). */
  realm: string;
  dryRun: boolean;
  suspect?: SuspectToken;
}

/** Throws InputError for a realm name that cannot be a path segment ('.', '..', empty): nothing is sent. */
export function createContext(
  http: IncidentHttp,
  realm: string,
  options: { dryRun?: boolean; suspect?: SuspectToken } = {},
): IncidentContext {
  checkRealmName(realm, '--realm');
  if (options.suspect) {
    http.secrets.add(options.suspect.token);
    http.secrets.add(options.suspect.introspection?.clientSecret);
  }
  return { http, realm, dryRun: options.dryRun ?? false, suspect: options.suspect };
}
