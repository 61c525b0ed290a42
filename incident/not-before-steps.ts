/**
 * Setting and pushing a not-before policy, shared by not-before, disable-client, rotate-keys
 * (emergency) and contain-realm. Keycloak rejects, at refresh, introspection and userinfo, every
 * token issued before that second; the push tells clients with an admin URL.
 */
import type GlobalRequestResult from '@keycloak/keycloak-admin-client/lib/defs/globalRequestResult.js';
import type { ActionRun } from './action-run.ts';
import { change, read } from './http/request-spec.ts';
import type { ResolvedClient } from './lookup.ts';

/** Keycloak's own unit: whole epoch seconds, as logout-all uses. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Reads a GlobalRequestResult and records which clients the push did not reach. */
export function recordPush(run: ActionRun, what: string, answer: unknown): void {
  const result = (typeof answer === 'object' && answer !== null ? answer : {}) as GlobalRequestResult;
  const failed = result.failedRequests ?? [];
  const reached = result.successRequests ?? [];
  run.check(
    `${what}: clients reached`,
    failed.length === 0,
    failed.length === 0 ? `${reached.length} reached, none failed${reached.length === 0 ? ' (no client has an admin URL)' : ''}` : `push failed for: ${failed.join(', ')}`,
  );
}

/** Sets the realm's not-before to now and pushes it; returns the value set. */
export async function setRealmNotBefore(run: ActionRun): Promise<number> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const notBefore = nowSeconds();
  await run.change(change('PUT', run.adminPath(), 'manage-realm', { notFound: `realm '${realm}'` }), () => admin.realms.update({ realm }, { notBefore }));
  // push-revocation only sends the current value: repeating it is harmless.
  const pushed = await run.change(change('POST', run.adminPath('push-revocation'), 'manage-realm', { idempotentPost: true }), () =>
    admin.realms.pushRevocation({ realm }),
  );
  if (run.dryRun) return notBefore;
  recordPush(run, 'realm not-before push', pushed);
  await checkRealmNotBefore(run, notBefore);
  return notBefore;
}

export async function checkRealmNotBefore(run: ActionRun, atLeast: number): Promise<void> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const rep = await run.read(read(run.adminPath(), 'view-realm', `realm '${realm}'`), () => admin.realms.findOne({ realm }));
  const value = rep?.notBefore ?? 0;
  run.check('realm not-before', value >= atLeast, `${value} (${value ? new Date(value * 1000).toISOString() : 'unset'})`);
}

/** Sets the client's not-before (and optionally other fields) with one PUT of the full client, then pushes. */
export async function setClientNotBefore(run: ActionRun, client: ResolvedClient, extra: { enabled?: boolean } = {}): Promise<number> {
  const admin = run.ctx.http.admin;
  const realm = run.realm;
  const notBefore = nowSeconds();
  // PUT the full representation: a partial one may reset fields Keycloak does not treat as optional.
  await run.change(change('PUT', run.adminPath('clients', client.id), 'manage-clients', { notFound: `client '${client.clientId}'` }), () =>
    admin.clients.update({ realm, id: client.id }, { ...client, ...extra, notBefore }),
  );
  const pushed = await run.change(change('POST', run.adminPath('clients', client.id, 'push-revocation'), 'manage-clients', { notFound: `client '${client.clientId}'`, idempotentPost: true }), () =>
    admin.clients.pushRevocation({ realm, id: client.id }),
  );
  if (!run.dryRun) recordPush(run, `client ${client.clientId} not-before push`, pushed);
  return notBefore;
}
