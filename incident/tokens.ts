/**
 * Tokens as evidence and as targets: reading a JWT's claims (without trusting them — only for
 * labels), RFC 7662 introspection by a confidential client, RFC 7009 revocation.
 */
import type { ActionRun } from './action-run.ts';
import type { IntrospectionClient } from './context.ts';
import { ENDPOINTS } from '../keycloak/endpoints.ts';
import { IncidentError } from '../keycloak/errors.ts';
import { listUserSessions } from './user-sessions.ts';

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
    const text = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
    const number = (key: string) => (typeof record[key] === 'number' ? record[key] : undefined);
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
  const kind =
    claims.typ === 'Bearer'
      ? 'access token'
      : claims.typ === 'Offline'
        ? 'offline token'
        : claims.typ === 'Refresh'
          ? 'refresh token'
          : `${claims.typ ?? 'unknown'} token`;
  const parts = [
    kind,
    claims.azp ? `of client ${claims.azp}` : undefined,
    claims.sub ? `for subject ${claims.sub}` : undefined,
  ];
  return parts.filter(Boolean).join(' ');
}

export async function introspect(
  run: ActionRun,
  token: string,
  client: IntrospectionClient,
): Promise<{ active: boolean }> {
  // Introspection reads: safe to send in a dry run and to retry.
  const spec = run.spec(ENDPOINTS.introspect);
  try {
    const answer = await run.read(spec, () =>
      run.ctx.http.postForm(spec.path, { token, client_id: client.clientId, client_secret: client.clientSecret }),
    );
    const body = answer.body;
    if (typeof body !== 'object' || body === null || typeof (body as { active?: unknown }).active !== 'boolean') {
      throw new IncidentError(
        'bad-answer',
        `${spec.method} ${spec.path} answered without a boolean 'active' — is KEYCLOAK_URL the root of a Keycloak server?`,
      );
    }
    return { active: (body as { active: boolean }).active };
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

/**
 * What Keycloak says about the suspect token, observed before and after an action. Keycloak 26
 * introspects an access token only for a client in its audience, and a refresh token for none:
 * an "inactive" answer proves something only if the same question answered "active" before.
 */
export interface SuspectObservation {
  claims: TokenClaims | undefined;
  /** Introspection's answer; undefined when no confidential client was given. */
  active?: boolean;
  /** Whether the token's session still serves its client; undefined when the token names no session. */
  sessionServes?: boolean;
}

async function sessionServesClient(run: ActionRun, claims: TokenClaims): Promise<boolean | undefined> {
  const { sid, sub, azp } = claims;
  if (!sid || !sub || !azp || !run.ctx.http.config.credentials) return undefined;
  try {
    const sessions = await listUserSessions(run, sub);
    const pool = claims.typ === 'Offline' ? sessions.offline : sessions.online;
    return pool.some((session) => session.id === sid && session.clients.includes(azp));
  } catch (error) {
    // The user is gone (404): so is the session.
    if (error instanceof IncidentError && error.kind === 'not-found') return false;
    throw error;
  }
}

/** Observes the suspect token (the one in ctx, or the one given). Sends reads only; nothing in a dry run. */
export async function observeSuspect(
  run: ActionRun,
  token = run.ctx.suspect?.token,
  introspector = run.ctx.suspect?.introspection,
): Promise<SuspectObservation | undefined> {
  if (!token || run.dryRun) return undefined;
  const claims = decodeClaims(token);
  const observation: SuspectObservation = { claims };
  if (introspector) observation.active = (await introspect(run, token, introspector)).active;
  if (claims) {
    const serves = await sessionServesClient(run, claims);
    if (serves !== undefined) observation.sessionServes = serves;
  }
  return observation;
}

const AUDIENCE_HINT =
  'Keycloak 26 introspects an access token only for a client in its audience (add an audience mapper for the introspecting client) and a refresh token for none';

/**
 * Compares the observations before and after and records the evidence. expectSessionEnds: the
 * action removes the token's session (logouts, refresh-token revocation); otherwise the token dies
 * by not-before or a disabled client, and only introspection can show it.
 */
export function reportSuspect(
  run: ActionRun,
  before: SuspectObservation | undefined,
  after: SuspectObservation | undefined,
  options: { expectInactive: boolean; expectSessionEnds: boolean },
): void {
  if (!before || !after) return;
  const label = tokenLabel(before.claims);
  if (before.active === undefined) {
    run.check(
      `introspection of the ${label}`,
      'unverified',
      'no confidential client to introspect with: pass --introspect-client-id and its secret (env or file)',
    );
  } else if (!options.expectInactive) {
    run.check(
      `introspection of the ${label} (this action does not end it)`,
      'pass',
      `active: ${before.active} → ${after.active}`,
    );
  } else if (!before.active) {
    run.check(
      `introspection of the ${label}`,
      'unverified',
      `it answered active: false already before the action, so it proves nothing: ${AUDIENCE_HINT}`,
    );
  } else {
    run.check(`introspection of the ${label}`, after.active === false, `active: true → ${after.active}`);
  }
  if (options.expectSessionEnds && before.sessionServes !== undefined) {
    const where = `${before.claims?.typ === 'Offline' ? 'offline ' : ''}session ${before.claims?.sid} for client ${before.claims?.azp}`;
    if (!before.sessionServes) run.check(`the token's ${where}`, 'unverified', 'it was already gone before the action');
    else
      run.check(
        `the token's ${where}`,
        after.sessionServes === false,
        after.sessionServes === false ? 'gone' : 'still there',
      );
  }
}

/** Observe after the action and report; the usual tail of an action that kills the suspect token. */
export async function checkSuspectToken(
  run: ActionRun,
  before: SuspectObservation | undefined,
  options: { expectInactive: boolean; expectSessionEnds: boolean },
): Promise<void> {
  if (!before) return;
  reportSuspect(run, before, await observeSuspect(run), options);
}

/** For actions that kill tokens by not-before: is the suspect token older than the value Keycloak now holds? */
export function reportIssuedBefore(run: ActionRun, before: SuspectObservation | undefined, notBefore: number): void {
  const iat = before?.claims?.iat;
  if (iat === undefined) return;
  run.check(
    `the ${tokenLabel(before?.claims)} was issued before not-before`,
    iat < notBefore,
    `iat ${iat} < not-before ${notBefore}: Keycloak rejects it at refresh, introspection and userinfo`,
  );
}
