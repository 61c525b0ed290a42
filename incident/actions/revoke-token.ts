/**
 * revoke-token: RFC 7009 revocation at the realm's /revoke endpoint, authenticated as the client
 * the token was issued to (a public client sends only its client_id). A refresh or offline token
 * detaches the client from its session; an access token is put on Keycloak's revoked list until
 * it expires (only introspection and userinfo consult that list).
 */
import { runAction } from '../action-run.ts';
import type { IncidentContext, IntrospectionClient } from '../context.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { IncidentError } from '../../keycloak/errors.ts';
import { LOCAL_JWT_LIMIT } from '../limits.ts';
import type { ActionResult } from '../result.ts';
import { decodeClaims, observeSuspect, reportSuspect, tokenLabel } from '../tokens.ts';

export interface RevokeTokenOptions {
  token: string;
  /** clientId of the client the token was issued to. Defaults to the token's azp claim. */
  clientId?: string;
  /** The client's secret; absent for a public client. */
  clientSecret?: string;
  /** A confidential client to introspect with; default: the token's own client when it has a secret. */
  introspection?: IntrospectionClient;
}

export function revokeToken(ctx: IncidentContext, options: RevokeTokenOptions): Promise<ActionResult> {
  ctx.http.secrets.add(options.token);
  ctx.http.secrets.add(options.clientSecret);
  ctx.http.secrets.add(options.introspection?.clientSecret);
  return runAction(ctx, 'revoke-token', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    const claims = decodeClaims(options.token);
    const clientId = options.clientId ?? claims?.azp;
    run.target({ type: 'token', name: tokenLabel(claims), ...(claims?.jti ? { id: claims.jti } : {}) });
    if (!clientId) {
      throw new IncidentError(
        'unexpected',
        'the token names no client (no azp claim): pass --token-client-id with the client it was issued to',
      );
    }
    if (claims?.azp && claims.azp !== clientId) {
      throw new IncidentError(
        'unexpected',
        `the token was issued to client '${claims.azp}', not '${clientId}': Keycloak only lets the issuing client revoke it`,
      );
    }
    // Evidence: introspection by the given confidential client, else by the token's own client
    // if it has a secret; and, with admin credentials, the token's session.
    const introspector: IntrospectionClient | undefined =
      options.introspection ?? (options.clientSecret ? { clientId, clientSecret: options.clientSecret } : undefined);
    const before = await observeSuspect(run, options.token, introspector);
    // Revoking an already revoked token is answered 200 and changes nothing more: safe to retry.
    const spec = run.spec(ENDPOINTS.revoke);
    const form: Record<string, string> = {
      token: options.token,
      client_id: clientId,
      ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
    };
    try {
      await run.change(spec, () => run.ctx.http.postForm(spec.path, form));
    } catch (error) {
      if (error instanceof IncidentError && (error.status === 400 || error.status === 401)) {
        throw new IncidentError(
          'unauthorized',
          `Keycloak refused the revocation by client '${clientId}' (${error.detail ?? error.status}) — check the client id, its secret (confidential clients) and that the token was issued to it`,
          error.status,
        );
      }
      throw error;
    }
    if (run.dryRun) return;
    const after = await observeSuspect(run, options.token, introspector);
    // Revoking a refresh or offline token detaches its client from the session; an access token only goes on the revoked list.
    reportSuspect(run, before, after, {
      expectInactive: true,
      expectSessionEnds: claims?.typ === 'Refresh' || claims?.typ === 'Offline',
    });
  });
}
