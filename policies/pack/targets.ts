/**
 * Where each rule runs in the pack, derived from what the rule reads (Rule.reads, wholeRealm):
 * on one resource type (a resource validation policy) when it reads one part of the realm, or
 * over the whole stack (a stack validation policy) when it reads several or the realm as a whole.
 */
import type { RealmPart, Rule } from '../define-rule.ts';
import {
  CLIENT_POLICY_TYPE,
  IDENTITY_PROVIDER_TYPES,
  KEY_PROVIDER_TYPES,
  OPENID_CLIENT_TYPE,
  REALM_EVENTS_TYPE,
  SAML_CLIENT_TYPE,
  REALM_TYPE,
} from './assemble.ts';
import { ACCESS_RESOURCE_TYPES } from './assemble-access.ts';
import { CLIENT_SCOPE_RESOURCE_TYPES } from './assemble-client-scopes.ts';
import { AUTHENTICATION_TYPES } from './assemble-authentication.ts';
import { USER_PROFILE_TYPE } from './assemble-user-profile.ts';
import { IDENTITY_PROVIDER_MAPPER_TYPES } from '../../model/provider-dialect/identity-provider-mappers.ts';

export type PackTarget =
  | { kind: 'resource'; types: readonly string[] }
  /**
   * `types`: the resources the stack policy gathers per realm. `wholeRealm`: a resource missing
   * from the group could clear a violation (another key, another client policy), so a realm
   * whose group may be incomplete during preview is not judged.
   */
  | { kind: 'stack'; types: readonly string[]; wholeRealm: boolean };

/** The part the policy config gives rather than a resource: the keys named compromised. */
type ConfiguredPart = Extract<RealmPart, 'compromisedKeys'>;

/** The resource types that declare each part of a realm. */
const RESOURCE_TYPES: Record<Exclude<RealmPart, ConfiguredPart>, readonly string[]> = {
  realm: [REALM_TYPE],
  events: [REALM_EVENTS_TYPE],
  clients: [OPENID_CLIENT_TYPE, SAML_CLIENT_TYPE],
  keys: KEY_PROVIDER_TYPES,
  clientPolicies: [CLIENT_POLICY_TYPE],
  identityProviders: IDENTITY_PROVIDER_TYPES,
  clientScopes: CLIENT_SCOPE_RESOURCE_TYPES,
  access: ACCESS_RESOURCE_TYPES,
  identityProviderMappers: IDENTITY_PROVIDER_MAPPER_TYPES,
  // The realm binds flows too; the stack policy always gathers it.
  authentication: AUTHENTICATION_TYPES,
  userProfile: [USER_PROFILE_TYPE],
};

/**
 * Parts the pack fills with Keycloak's own when the stack declares none (the built-in flows, the
 * browser flow binding): a realm whose group may miss a member is not judged on them, since the
 * missing flow or binding could replace what Keycloak's default would be blamed for.
 */
const DEFAULTED_PARTS: ReadonlySet<RealmPart> = new Set(['authentication']);

function fromResources(part: RealmPart): part is Exclude<RealmPart, ConfiguredPart> {
  return part !== 'compromisedKeys';
}

/** Parts whose resources refer to each other by id: one resource alone cannot be judged. */
const REFERRING_PARTS: ReadonlySet<RealmPart> = new Set(['access', 'clientScopes', 'authentication']);

export function packTarget(rule: Rule): PackTarget {
  const parts = rule.reads.filter(fromResources);
  const types = [...new Set(parts.flatMap((part) => RESOURCE_TYPES[part]))];
  if (parts.length === 1 && !rule.wholeRealm && !parts.some((part) => REFERRING_PARTS.has(part)))
    return { kind: 'resource', types };
  // Resources are grouped per realm by the realm resource, so a stack policy always gathers it.
  const wholeRealm = rule.wholeRealm || parts.some((part) => DEFAULTED_PARTS.has(part));
  return { kind: 'stack', types: [...new Set([REALM_TYPE, ...types])], wholeRealm };
}

/**
 * The parts a rule reads that no resource of the pack declares yet. The rule's policy then sees
 * them absent ("this source does not say") and stays silent: the rule docs say so.
 */
export function unassembledParts(rule: Rule): RealmPart[] {
  return rule.reads.filter((part) => fromResources(part) && RESOURCE_TYPES[part].length === 0);
}

/** Whether the policy config names compromised keys for this rule. */
export function readsConfiguredKeys(rule: Rule): boolean {
  return rule.reads.includes('compromisedKeys');
}
