/**
 * disable-client: disable a client and revoke what it holds — its not-before is set to now in the
 * same PUT and pushed. Tokens of a disabled client fail refresh and introspection.
 */
import { runAction } from '../action-run.ts';
import { disabledClientEdit } from '../baseline-edit.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecord } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { LOCAL_JWT_LIMIT, PUSH_LIMIT } from '../limits.ts';
import { resolveClient } from '../lookup.ts';
import { setClientNotBefore } from '../not-before-steps.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect, reportIssuedBefore } from '../tokens.ts';

export interface DisableClientOptions {
  /** The clientId. */
  client: string;
}

export function disableClient(ctx: IncidentContext, options: DisableClientOptions): Promise<ActionResult> {
  return runAction(ctx, 'disable-client', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    run.limit(PUSH_LIMIT);
    const suspectBefore = await observeSuspect(run);
    const target = run.target({ type: 'client', name: options.client });
    const client = await resolveClient(run, options.client);
    target.id = client.id;
    const notBefore = await setClientNotBefore(run, client, { enabled: false });
    run.baselineEdit = disabledClientEdit(run.realm, client.clientId);
    if (run.dryRun) return;
    const readBack = run.spec(ENDPOINTS.client, { id: client.id }, { notFound: `client '${client.clientId}'` });
    const after = expectRecord(readBack, await run.get(readBack), 'a client');
    const stored = typeof after.notBefore === 'number' ? after.notBefore : 0;
    run.check('client disabled', after.enabled === false, `enabled: ${String(after.enabled)}`);
    run.check('client not-before', stored >= notBefore, String(stored));
    if (suspectBefore?.claims?.azp === client.clientId) reportIssuedBefore(run, suspectBefore, notBefore);
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: false });
  });
}
