/**
 * Tokens as evidence and as targets: reading a JWT's claims (without trusting them — only for
 * labels), RFC 7662 introspection by a confidential client, RFC 7009 revocation.
 */
import type { ActionRun } from './action-run.ts';
import type { IntrospectionClient } from './context.ts';
import { IncidentError } from './http/errors.ts';
import type { RequestSpec } from './http/request-spec.ts';

export interface TokenClaims {
  /** Keycloak's token type: Bearer (access), Refresh, Offline, ID. */
  typ?: string;
  sub?: string;
  sid?: string;
  azp?: string;
  jti?: string;
  exp?: number;
  iat?: number;
  iss?: string;
}

/** The payload of a JWT, unverified; undefined when the token is not a JWT. */
export function decodeClaims(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const record = parsed as Record<string, unknown>;
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : undefined);
    const number = (key: string) => (typeof record[key] === 'number' ? (record[key] as number) : undefined);
    const claims: TokenClaims = {};
    for (const key of ['typ', 'sub', 'sid', 'azp', 'jti', 'iss'] as const) {
      const value = text(key);
      if (value !== undefined) claims[key] = value;
    }
    for (const key of ['exp', 'iat'] as const) {
      const value = number(key);
      if (value !== undefined) claims[key] = value;
    }
    return claims;
  } catch {
    return undefined;
  }
}

/** A label for a token that reveals nothing usable: type, client, subject, expiry. */
export function tokenLabel(claims: TokenClaims | undefined): string {
  if (!claims) return 'opaque token';
  const kind = claims.typ === 'Bearer' ? 'access token' : claims.typ === 'Offline' ? 'offline token' : claims.typ === 'Refresh' ? 'refresh token' : `${claims.typ ?? 'unknown'} token`;
  const parts = [kind, claims.azp ? `of client ${claims.azp}` : undefined, claims.sub ? `for subject ${claims.sub}` : undefined];
  return parts.filter(Boolean).join(' ');
}

export async function introspect(run: ActionRun, token: string, client: IntrospectionClient): Promise<{ active: boolean }> {
  const path = run.oidcPath('token/introspect');
  // Introspection reads: safe to send in a dry run and to retry.
  const spec: RequestSpec = { method: 'POST', path, changesState: false, idempotent: true };
  try {
    const answer = await run.read(spec, () => run.ctx.http.postForm(path, { token, client_id: client.clientId, client_secret: client.clientSecret }));
    const body = answer.body as { active?: unknown };
    return { active: body.active === true };
  } catch (error) {
    if (error instanceof IncidentError && (error.status === 401 || error.status === 403)) {
      throw new IncidentError(
        'unauthorized',
        `introspection refused for client '${client.clientId}' (${error.detail ?? error.status}): it must be a confidential client of realm '${run.realm}' and its secret must be right`,
        error.status,
      );
    }
    throw error;
  }
}

/** Records the state of the suspect token, when one was supplied: the evidence most actions can give. */
export async function checkSuspectToken(run: ActionRun, expectInactive: boolean): Promise<void> {
  const suspect = run.ctx.suspect;
  if (!suspect || run.dryRun) return;
  const label = tokenLabel(decodeClaims(suspect.token));
  if (!suspect.introspection) {
    run.check(`introspection of the supplied ${label}`, 'unverified', 'no confidential client to introspect with: pass --introspect-client-id and its secret (env or file)');
    return;
  }
  const { active } = await introspect(run, suspect.token, suspect.introspection);
  if (expectInactive) run.check(`introspection of the supplied ${label}`, !active, `active: ${active}`);
  else run.check(`introspection of the supplied ${label} (this action is not expected to end it)`, 'pass', `active: ${active}`);
}
