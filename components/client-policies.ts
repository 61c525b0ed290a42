/**
 * Checks a realm's client policies before anything is created, and names their child resources.
 * The components apply a policy with the provider's RealmClientPolicyProfilePolicy, which refers
 * to its profiles by name; they do not create client profiles (RealmClientPolicyProfile), so a
 * policy may only use Keycloak's built-in (global) profiles, which every realm has.
 */
import { InputError } from '../model/errors.ts';
import { KEYCLOAK_GLOBAL_CLIENT_PROFILES } from '../model/keycloak-catalog.ts';
import type { ClientPolicySettings } from '../model/realm-settings.ts';
import { resourceNameFor } from './resource-name.ts';

/** [child resource key, policy] — keys are unique and safe in resource names. */
export type ClientPolicyPlan = [string, ClientPolicySettings][];

/** The policies with their resource keys. Throws InputError (keyPath `clientPolicies.<name>[.profiles]`). */
export function checkedClientPolicies(policies: readonly ClientPolicySettings[]): ClientPolicyPlan {
  const plan: ClientPolicyPlan = [];
  const usedKeys = new Map<string, string>();
  for (const policy of policies) {
    if (typeof policy.name !== 'string' || policy.name.trim() === '') {
      throw new InputError(
        'a client policy has no name',
        { keyPath: 'clientPolicies' },
        'give every client policy a name',
      );
    }
    if (policy.profiles.length === 0) {
      throw new InputError(
        `client policy '${policy.name}' applies no profile`,
        { keyPath: `clientPolicies.${policy.name}.profiles` },
        `list at least one of ${KEYCLOAK_GLOBAL_CLIENT_PROFILES.join(', ')}`,
      );
    }
    for (const profile of policy.profiles) {
      if (!KEYCLOAK_GLOBAL_CLIENT_PROFILES.includes(profile)) {
        throw new InputError(
          `client policy '${policy.name}' uses client profile '${profile}', which is not one of Keycloak's built-in profiles; the components cannot create realm-defined client profiles`,
          { keyPath: `clientPolicies.${policy.name}.profiles` },
          `use one of ${KEYCLOAK_GLOBAL_CLIENT_PROFILES.join(', ')}, or create the profile outside realmguard (admin console, Realm settings → Client policies → Profiles)`,
        );
      }
    }
    const key = resourceNameFor(policy.name);
    const other = usedKeys.get(key);
    if (other !== undefined) {
      throw new InputError(
        `client policies '${other}' and '${policy.name}' ${other === policy.name ? 'are the same policy declared twice' : 'differ only in characters resource names cannot hold'}`,
        { keyPath: `clientPolicies.${policy.name}` },
        'give each client policy a distinct name',
      );
    }
    usedKeys.set(key, policy.name);
    plan.push([key, policy]);
  }
  return plan;
}
