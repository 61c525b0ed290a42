/**
 * Drift: each setting where a live realm differs from what its baseline declares. It is the diff
 * engine with the declared realm as "before" and the live realm as "after", so the effect reads
 * "the live realm is weaker / stronger than declared". What a baseline cannot declare is left
 * out: the clients Keycloak creates in every realm (unless the baseline declares them), and
 * client attributes realmguard does not classify that only the server sets.
 */
import { positionOf, type LoadedRealm } from '../model/realm-settings.ts';
import type { SettingChange } from './change.ts';
import { CLIENT_ATTRIBUTE_RULES } from './classify/client-attributes.ts';
import { diffRealm } from './diff-realms.ts';

/** Clients Keycloak 26 creates in every new realm. */
export const KEYCLOAK_BUILT_IN_CLIENTS: readonly string[] = [
  'account',
  'account-console',
  'admin-cli',
  'broker',
  'realm-management',
  'security-admin-console',
];

function isServerOnly(change: SettingChange, declared: LoadedRealm): boolean {
  const [collection, id, field, attribute] = change.path;
  if (collection !== 'clients' || id === undefined) return false;
  const declaresClient = declared.settings.clients.some((client) => client.clientId === id);
  if (field === undefined) return !declaresClient && KEYCLOAK_BUILT_IN_CLIENTS.includes(id) && change.before === undefined;
  return field === 'attributes' && attribute !== undefined && change.before === undefined && CLIENT_ATTRIBUTE_RULES[attribute] === undefined;
}

/** Declared → live, setting by setting; locations point at the baseline line to look at. */
export function driftBetween(declared: LoadedRealm, live: LoadedRealm): SettingChange[] {
  return diffRealm(declared.settings, live.settings)
    .filter((change) => !isServerOnly(change, declared))
    .map((change) => {
      const location = positionOf(declared.source, change.path);
      const { location: _ignored, ...rest } = change;
      return location ? { ...rest, location } : rest;
    });
}
