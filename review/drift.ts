/**
 * Drift: each setting where a live realm differs from what its baseline declares. It is the diff
 * engine with the declared realm as "before" and the live realm as "after", so the effect reads
 * "the live realm is weaker / stronger than declared". What a baseline cannot declare is left
 * out: the clients, keys and roles Keycloak creates in every realm (unless the baseline declares
 * them, or they were changed), scope mappings (a baseline has no key for them: the rules judge
 * the live ones), and client attributes realmguard does not classify that only the server sets.
 */
import { roleKey, type RoleSettings } from '../model/entities/access.ts';
import { isKeycloakBuiltInKey } from '../model/keycloak-keys.ts';
import { positionOf, type LoadedRealm } from '../model/realm-settings.ts';
import type { SettingChange } from './change.ts';
import { CLIENT_ATTRIBUTE_RULES } from './classify/client-attributes.ts';
import type { SensitiveRoleLists } from './classify/sensitive-grants.ts';
import { diffRealm } from './diff-realms.ts';
import { KEYCLOAK_BUILT_IN_CLIENTS } from './built-in-clients.ts';

/**
 * Client attributes Keycloak sets itself when a client is created without them: a live value
 * equal to this, where the baseline says nothing, is the server's doing, not drift.
 */
const SET_BY_KEYCLOAK_ON_CREATE: Readonly<Record<string, string>> = {
  // "+" = post-logout redirects allowed to the client's redirect URIs.
  'post.logout.redirect.uris': '+',
};

/**
 * A role Keycloak creates in every realm: offline_access, uma_authorization, the default role,
 * and the roles of its own clients (account's manage-account, view-profile, …). Shown in
 * test/integration/review/audit.test.ts on a realm whose baseline declares roles.
 */
function isKeycloakBuiltInRole(role: RoleSettings, realm: string): boolean {
  if (role.client !== undefined) return KEYCLOAK_BUILT_IN_CLIENTS.includes(role.client);
  return ['offline_access', 'uma_authorization', `default-roles-${realm}`].includes(role.name);
}

function isServerOnly(change: SettingChange, declared: LoadedRealm, live: LoadedRealm): boolean {
  const [collection, id, field, attribute] = change.path;
  if (collection === 'access' && id === 'scopeMappings') return true;
  if (collection === 'access' && id === 'roles' && field !== undefined && change.before === undefined) {
    // A role the baseline does not name (nothing before), one Keycloak creates in every realm.
    const liveRole = live.settings.access?.roles.find((role) => roleKey(role) === field);
    return liveRole !== undefined && isKeycloakBuiltInRole(liveRole, live.settings.realm);
  }
  if (collection === 'keyProviders' && id !== undefined && field === undefined && change.before === undefined) {
    // A key the baseline does not name (nothing before), exactly as Keycloak creates it in every realm.
    const liveKey = live.settings.keyProviders.find((key) => key.name === id);
    return liveKey !== undefined && isKeycloakBuiltInKey(liveKey);
  }
  if (collection !== 'clients' || id === undefined) return false;
  const declaresClient = declared.settings.clients.some((client) => client.clientId === id);
  if (field === undefined)
    return !declaresClient && KEYCLOAK_BUILT_IN_CLIENTS.includes(id) && change.before === undefined;
  if (field !== 'attributes' || attribute === undefined) return false;
  const declaredClient = declared.settings.clients.find((client) => client.clientId === id);
  if (declaredClient?.attributes[attribute] !== undefined) return false;
  const liveValue = typeof change.after === 'string' ? change.after : undefined;
  return (
    CLIENT_ATTRIBUTE_RULES[attribute] === undefined ||
    (liveValue !== undefined && SET_BY_KEYCLOAK_ON_CREATE[attribute] === liveValue)
  );
}

/**
 * Declared → live, setting by setting; locations point at the baseline line to look at. Role
 * grants are judged with `sensitiveRoles` (the policy config's lists; default: the built-in ones).
 */
export function driftBetween(
  declared: LoadedRealm,
  live: LoadedRealm,
  sensitiveRoles?: SensitiveRoleLists,
): SettingChange[] {
  return diffRealm(declared.settings, live.settings, {}, sensitiveRoles)
    .filter((change) => !isServerOnly(change, declared, live))
    .map((change) => {
      const location = positionOf(declared.source, change.path);
      const { location: _ignored, ...rest } = change;
      return location ? { ...rest, location } : rest;
    });
}
