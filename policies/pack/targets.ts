/**
 * Where each rule runs in the pack: on one resource type (a resource validation policy) or
 * over the whole stack (a stack validation policy) when it needs more than one resource.
 */
import type { Rule } from '../define-rule.ts';
import { CLIENT_POLICY_TYPE, KEY_PROVIDER_TYPES, OPENID_CLIENT_TYPE, REALM_EVENTS_TYPE, REALM_TYPE } from './assemble.ts';

export type PackTarget =
  | { kind: 'resource'; types: readonly string[] }
  /**
   * `types`: the resources the stack policy gathers per realm. `wholeRealm`: a resource missing
   * from the group could clear a violation (another key, another client policy), so a realm
   * whose group may be incomplete during preview is not judged.
   */
  | { kind: 'stack'; types: readonly string[]; wholeRealm: boolean };

/** Rules that read more than one resource. */
const STACK_RULES: Record<string, { types: readonly string[]; wholeRealm: boolean }> = {
  // The realm's rotation switch decides whether a public client's refresh tokens are protected;
  // each client is judged on its own, so a client left out only means one finding fewer.
  'client-refresh-tokens': { types: [REALM_TYPE, OPENID_CLIENT_TYPE], wholeRealm: false },
  // The realm's algorithm against every key provider of the realm.
  'active-signing-key': { types: [REALM_TYPE, ...KEY_PROVIDER_TYPES], wholeRealm: true },
  // A property of the realm as a whole: does any client policy bind a strong profile?
  'client-policy-profile': { types: [REALM_TYPE, CLIENT_POLICY_TYPE], wholeRealm: true },
};

const EVENT_RULES = new Set(['login-events', 'admin-events']);

export function packTarget(rule: Rule): PackTarget {
  const stack = STACK_RULES[rule.id];
  if (stack) return { kind: 'stack', ...stack };
  if (EVENT_RULES.has(rule.id)) return { kind: 'resource', types: [REALM_EVENTS_TYPE] };
  switch (rule.category) {
    case 'realm':
      return { kind: 'resource', types: [REALM_TYPE] };
    case 'clients':
      return { kind: 'resource', types: [OPENID_CLIENT_TYPE] };
    case 'keys':
      return { kind: 'resource', types: KEY_PROVIDER_TYPES };
  }
}
