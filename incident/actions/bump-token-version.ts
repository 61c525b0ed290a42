/**
 * bump-token-version: raise the user's token-version attribute by one. The token-version claim
 * (components' TokenVersionClaim) copies it into tokens; a backend that compares the claim with
 * the current value rejects tokens issued before the bump — the one revocation that also reaches
 * backends validating JWTs locally. Keycloak's user profile may silently drop an undeclared
 * attribute: the read-back after the PUT catches that.
 */
import { runAction } from '../action-run.ts';
import type { IncidentContext } from '../context.ts';
import { expectRecord, isRecord } from '../../keycloak/answers.ts';
import { ENDPOINTS } from '../../keycloak/endpoints.ts';
import { IncidentError } from '../../keycloak/errors.ts';
import { TOKEN_VERSION_LIMIT } from '../limits.ts';
import { resolveUser } from '../lookup.ts';
import type { ActionResult } from '../result.ts';
import { TOKEN_VERSION_DEFAULT_ATTRIBUTE } from '../../model/token-version.ts';

/** The attribute the components' token-version claim reads by default. */
export const DEFAULT_TOKEN_VERSION_ATTRIBUTE = TOKEN_VERSION_DEFAULT_ATTRIBUTE;

export interface BumpTokenVersionOptions {
  user: string;
  attribute?: string;
}

/** The current version (0 when unset); a value that is not a whole number is an error. */
export function currentVersion(values: string[] | undefined, attribute: string): number {
  const raw = values?.[0];
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw.trim()))
    throw new IncidentError(
      'unexpected',
      `attribute '${attribute}' holds '${raw}', not a whole number: fix it in the admin console first`,
    );
  return Number(raw.trim());
}

export function bumpTokenVersion(ctx: IncidentContext, options: BumpTokenVersionOptions): Promise<ActionResult> {
  const attribute = options.attribute ?? DEFAULT_TOKEN_VERSION_ATTRIBUTE;
  return runAction(ctx, 'bump-token-version', async (run) => {
    run.limit(TOKEN_VERSION_LIMIT);
    const target = run.target({ type: 'user', name: options.user });
    const user = await resolveUser(run, options.user);
    Object.assign(target, { id: user.id, name: user.username });
    const from = currentVersion(user.attributes?.[attribute] as string[] | undefined, attribute);
    const to = from + 1;
    const notFound = `user '${user.username}'`;
    await run.send(run.spec(ENDPOINTS.updateUser, { id: user.id }, { notFound }), {
      ...user,
      attributes: { ...user.attributes, [attribute]: [String(to)] },
    });
    if (run.dryRun) {
      run.notes.push(`${attribute}: ${from} → ${to} (planned)`);
      return;
    }
    const readBack = run.spec(ENDPOINTS.user, { id: user.id }, { notFound });
    const after = expectRecord(readBack, await run.get(readBack), 'a user');
    const values = isRecord(after.attributes) ? after.attributes[attribute] : undefined;
    const stored = Array.isArray(values) && typeof values[0] === 'string' ? values[0] : undefined;
    run.check(
      `${attribute} raised`,
      stored === String(to),
      stored === undefined
        ? `Keycloak did not store it: the realm's user profile drops undeclared attributes — declare '${attribute}' in the realm's user profile (admin-editable only) or set its unmanaged-attribute policy to ADMIN_EDIT — the token-version component adds the claim, not the declaration`
        : `${from} → ${stored}`,
    );
    if (stored === String(to)) run.notes.push(`${attribute}: ${from} → ${to}`);
  });
}
