/** not-before: set a not-before policy of now for the realm or one client, and push it. */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecord } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { LOCAL_JWT_LIMIT, PUSH_LIMIT } from '../limits.ts';
import { resolveClient } from '../lookup.ts';
import { setClientNotBefore, setRealmNotBefore } from '../not-before-steps.ts';
import type { ActionResult } from '../result.ts';
import { checkSuspectToken, observeSuspect, reportIssuedBefore } from '../tokens.ts';

export interface NotBeforeOptions {
  /** A clientId: only that client's tokens. Absent: the whole realm. */
  client?: string;
}

export function notBefore(ctx: IncidentContext, options: NotBeforeOptions = {}): Promise<ActionResult> {
  return runAction(ctx, 'not-before', async (run) => {
    run.limit(LOCAL_JWT_LIMIT);
    run.limit(PUSH_LIMIT);
    const suspectBefore = await observeSuspect(run);
    if (!options.client) {
      run.target({ type: 'realm', name: run.realm });
      const value = await setRealmNotBefore(run);
      reportIssuedBefore(run, suspectBefore, value);
    } else {
      const target = run.target({ type: 'client', name: options.client });
      const client = await resolveClient(run, options.client);
      target.id = client.id;
      const value = await setClientNotBefore(run, client);
      if (run.dryRun) return;
      const readBack = run.spec(ENDPOINTS.client, { id: client.id }, { notFound: `client '${client.clientId}'` });
      const after = expectRecord(readBack, await run.get(readBack), 'a client');
      const stored = typeof after.notBefore === 'number' ? after.notBefore : 0;
      run.check(`client ${client.clientId} not-before`, stored >= value, String(stored));
      if (suspectBefore?.claims?.azp === client.clientId) reportIssuedBefore(run, suspectBefore, value);
    }
    await checkSuspectToken(run, suspectBefore, { expectInactive: true, expectSessionEnds: false });
  });
}
