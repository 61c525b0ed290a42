/**
 * Client policy constraints from org.keycloak.services.clientpolicy.ClientPoliciesUtil
 * #validatePolicies, which Keycloak runs on PUT /admin/realms/{realm}/client-policies/policies and
 * on realm import (400 "proposed client policy name duplicated", "Policy p contains duplicated
 * profiles", "Policy p contains invalid profile nope"). A profile must be one of Keycloak's
 * global (built-in) profiles or one the realm defines. A blank policy name is accepted.
 *
 * Realm-defined profiles (ClientPoliciesUtil#getValidatedClientProfilesForUpdate, PUT
 * …/client-policies/profiles and import): two with one name ("proposed client profile name
 * duplicated."), or one named like a global profile, are refused.
 */
import { KEYCLOAK_GLOBAL_CLIENT_PROFILES } from '../keycloak-catalog.ts';
import type { RealmSettings } from '../realm-settings.ts';
import type { ConstraintViolation } from './violation.ts';

export function clientPolicyViolations(settings: RealmSettings): ConstraintViolation[] {
  const violations: ConstraintViolation[] = [...clientProfileViolations(settings)];
  const known = new Set([...KEYCLOAK_GLOBAL_CLIENT_PROFILES, ...settings.clientProfiles]);
  const firstByName = new Map<string, number>();
  settings.clientPolicies.forEach((policy, index) => {
    const first = firstByName.get(policy.name);
    if (first === undefined) firstByName.set(policy.name, index);
    else {
      violations.push({
        subject: { kind: 'client-policy', index, field: 'name' },
        message: `client policy '${policy.name}' is declared twice ("proposed client policy name duplicated")`,
        hint: 'give every client policy its own name',
      });
    }
    const seen = new Set<string>();
    policy.profiles.forEach((profile, item) => {
      const subject = { kind: 'client-policy', index, field: 'profiles', item } as const;
      if (seen.has(profile)) {
        violations.push({
          subject,
          message: `client policy '${policy.name}' lists profile '${profile}' twice ("Policy ${policy.name} contains duplicated profiles")`,
          hint: 'list each profile once',
        });
      } else if (!known.has(profile)) {
        violations.push({
          subject,
          message: `client policy '${policy.name}' names profile '${profile}', which neither Keycloak nor the realm defines ("Policy ${policy.name} contains invalid profile ${profile}")`,
          hint: `use one of ${[...known].join(', ')}`,
        });
      }
      seen.add(profile);
    });
  });
  return violations;
}

function clientProfileViolations(settings: RealmSettings): ConstraintViolation[] {
  const seen = new Set<string>();
  return settings.clientProfiles.flatMap((name, index): ConstraintViolation[] => {
    const subject = { kind: 'client-profile', index } as const;
    if (seen.has(name))
      return [
        {
          subject,
          message: `client profile '${name}' is defined twice ("proposed client profile name duplicated.")`,
          hint: 'give every client profile its own name',
        },
      ];
    seen.add(name);
    if (KEYCLOAK_GLOBAL_CLIENT_PROFILES.includes(name)) {
      return [
        {
          subject,
          message: `the realm defines a client profile '${name}', the name of one of Keycloak's built-in profiles, which Keycloak refuses`,
          hint: `rename it (e.g. '${name}-custom'), or drop it and use the built-in one`,
        },
      ];
    }
    return [];
  });
}
