/**
 * How a client policy change is judged: a policy that enforces a profile on the realm's clients
 * strengthens them (FAPI 2.0, OAuth 2.1 profiles), so switching it off or dropping a profile
 * weakens. Fields with a simple class are judged as their row in the client policy table says
 * (model/fields/client-policy.ts); the rows marked `custom` have their differ here.
 */
import { clientPolicyRows, type ClientPolicyCustomDiffField } from '../../model/fields/client-policy.ts';
import type { ClientPolicySettings } from '../../model/realm-settings.ts';
import { ignored, neutralVerdict, setOf, strengthens, weakens, type DiffTable } from './differ.ts';
import { entities } from './entities.ts';
import { differFor } from './row-differ.ts';

/** Policy fields whose table row names a simple diff class. */
const TABLE_DIFFERS = Object.fromEntries(
  clientPolicyRows().flatMap(([field, row]) => {
    const differ = differFor(row);
    return differ ? [[field, differ]] : [];
  }),
) as Omit<DiffTable<ClientPolicySettings>, ClientPolicyCustomDiffField>;

/** Policy fields whose table row says `custom`: the type checker wants one differ for each. */
const CUSTOM_DIFFERS: Pick<DiffTable<ClientPolicySettings>, ClientPolicyCustomDiffField> = {
  name: ignored,
  profiles: setOf({
    added: (profile) => strengthens(`client profile ${profile} now enforced`),
    removed: (profile) => weakens(`client profile ${profile} no longer enforced`),
  }),
};

const DIFFERS: Record<string, unknown> = { ...TABLE_DIFFERS, ...CUSTOM_DIFFERS };

/** In the client policy table's order (the order changes are listed in). */
export const CLIENT_POLICY_TABLE = Object.fromEntries(
  clientPolicyRows().map(([field]) => [field, DIFFERS[field]]),
) as DiffTable<ClientPolicySettings>;

const enforces = (policy: ClientPolicySettings): boolean => policy.enabled && policy.profiles.length > 0;

export const CLIENT_POLICIES = entities<ClientPolicySettings>({
  key: (policy) => policy.name,
  fields: CLIENT_POLICY_TABLE,
  added: (policy) =>
    enforces(policy)
      ? strengthens(`client policy enforces ${policy.profiles.join(', ')}`)
      : neutralVerdict('client policy added, enforces nothing'),
  removed: (policy) =>
    enforces(policy)
      ? weakens(`client policy no longer enforces ${policy.profiles.join(', ')}`)
      : neutralVerdict('client policy removed'),
  summary: (policy) =>
    `${policy.enabled ? 'enabled' : 'disabled'} policy: ${policy.profiles.join(', ') || 'no profiles'}`,
});
