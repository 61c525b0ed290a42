/**
 * contain-realm: the response to a compromised realm signing key or a mass token leak —
 * emergency key rotation (new key, compromised key deleted, not-before pushed), log out the realm,
 * then set and push not-before once more so adapters hold the latest value.
 */
import { runAction } from '../action-run.ts';
import { logoutRealm } from '../actions/logout-realm.ts';
import { notBefore } from '../actions/not-before.ts';
import { rotateKeys } from '../actions/rotate-keys.ts';
import type { IncidentContext } from '../context.ts';
import type { ActionResult } from '../result.ts';

export interface ContainRealmOptions {
  kid?: string;
  provider?: string;
  algorithm?: string;
}

export function containRealm(ctx: IncidentContext, options: ContainRealmOptions): Promise<ActionResult> {
  return runAction(ctx, 'contain-realm', async (run) => {
    const rotation = await rotateKeys(ctx, { mode: 'emergency', ...options });
    run.absorb(rotation);
    // A failed rotation leaves the compromised key signing: logging out now would only hand out new tokens signed by it.
    if (!rotation.ok) return;
    run.absorb(await logoutRealm(ctx));
    run.absorb(await notBefore(ctx, {}));
  });
}
