/**
 * contain-user: the response to one compromised account — optionally disable it, log it out
 * everywhere including offline tokens, and bump its token version so backends that check the
 * claim reject the tokens already out there.
 */
import { runAction } from '../action-run.ts';
import { bumpTokenVersion } from '../actions/bump-token-version.ts';
import { disableUser } from '../actions/disable-user.ts';
import { logoutUser } from '../actions/logout-user.ts';
import type { IncidentContext } from '../context.ts';
import type { ActionResult } from '../result.ts';

export interface ContainUserOptions {
  user: string;
  /** Also disable the account (it cannot log in again until re-enabled). */
  disable?: boolean;
  /** Token-version attribute (default token_version). */
  attribute?: string;
}

export function containUser(ctx: IncidentContext, options: ContainUserOptions): Promise<ActionResult> {
  return runAction(ctx, 'contain-user', async (run) => {
    // Disable first, so the account cannot log in again between the logout and the bump.
    const first = options.disable
      ? await disableUser(ctx, { user: options.user })
      : await logoutUser(ctx, { user: options.user });
    run.absorb(first);
    if (!first.ok) return;
    run.absorb(
      await bumpTokenVersion(ctx, {
        user: options.user,
        ...(options.attribute ? { attribute: options.attribute } : {}),
      }),
    );
  });
}
