/**
 * Setting and pushing a not-before policy, shared by not-before, disable-client, rotate-keys
 * (emergency) and contain-realm. Keycloak rejects, at refresh, introspection and userinfo, every
 * token issued before that second; the push tells clients with an admin URL.
 */
import type { ActionRun } from './action-run.ts';
import { expectRecord, isRecord } from '../keycloak/answers.ts';
import { ENDPOINTS } from '../keycloak/endpoints.ts';
import type { ResolvedClient } from './lookup.ts';

/** Keycloak's own unit: whole epoch seconds, as logout-all uses. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Reads a GlobalRequestResult and records which clients the push did not reach. */
export function recordPush(run: ActionRun, what: string, answer: unknown): void {
  // Keycloak's GlobalRequestResult: {successRequests?, failedRequests?}, lists of client URLs.
  const result = isRecord(answer) ? answer : {};
  const urls = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  const failed = urls(result.failedRequests);
  const reached = urls(result.successRequests);
  run.check(
    `${what}: clients reached`,
    failed.length === 0,
    failed.length === 0
      ? `${reached.length} reached, none failed${reached.length === 0 ? ' (no client has an admin URL)' : ''}`
      : `push failed for: ${failed.join(', ')}`,
  );
}

/** Sets the realm's not-before to now and pushes it; returns the value set. */
export async function setRealmNotBefore(run: ActionRun): Promise<number> {
  const notBefore = nowSeconds();
  await run.send(run.spec(ENDPOINTS.updateRealm, {}, { notFound: `realm '${run.realm}'` }), { notBefore });
  // push-revocation only sends the current value: repeating it is harmless.
  const pushed = await run.send(run.spec(ENDPOINTS.pushRevocation));
  if (run.dryRun) return notBefore;
  recordPush(run, 'realm not-before push', pushed?.body);
  await checkRealmNotBefore(run, notBefore);
  return notBefore;
}

export async function checkRealmNotBefore(run: ActionRun, atLeast: number): Promise<void> {
  const spec = run.spec(ENDPOINTS.realm, {}, { notFound: `realm '${run.realm}'` });
  const rep = expectRecord(spec, await run.get(spec), 'a realm');
  const value = typeof rep.notBefore === 'number' ? rep.notBefore : 0;
  run.check(
    'realm not-before',
    value >= atLeast,
    `${value} (${value ? new Date(value * 1000).toISOString() : 'unset'})`,
  );
}

/** Sets the client's not-before (and optionally other fields) with one PUT of the full client, then pushes. */
export async function setClientNotBefore(
  run: ActionRun,
  client: ResolvedClient,
  extra: { enabled?: boolean } = {},
): Promise<number> {
  const notBefore = nowSeconds();
  const notFound = `client '${client.clientId}'`;
  // PUT the full representation: a partial one may reset fields Keycloak does not treat as optional.
  await run.send(run.spec(ENDPOINTS.updateClient, { id: client.id }, { notFound }), { ...client, ...extra, notBefore });
  const pushed = await run.send(run.spec(ENDPOINTS.pushClientRevocation, { id: client.id }, { notFound }));
  if (!run.dryRun) recordPush(run, `client ${client.clientId} not-before push`, pushed?.body);
  return notBefore;
}
