/**
 * A live model and an export's model, made comparable: collections in a stable order, and the
 * things the live reader does not read taken out of the export's side, each a Keycloak fact the
 * live-entities test asserts — client roles nobody holds (the API lists a client's roles only per
 * client; model/live/roles.ts), clients' own scope mappings (per client only, so read only when
 * asked and only for clients with full scope off; model/live/access.ts) and the built-in
 * 'saml ecp' flow (GET /authentication/flows hides it).
 */
import { roleKey } from '../../../model/entities/access.ts';
import type { AccessSettings, RealmSettings, ScopeMappingSettings } from '../../../model/realm-settings.ts';
import type { LiveReadOptions } from '../../../model/live.ts';

export const HIDDEN_FLOW = 'saml ecp';

const keyOf = roleKey;
const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

/** The roles someone holds: realm roles, and client roles held by a group, service account, default role or a read scope mapping, through composites too. */
function heldRoles(access: AccessSettings, read: (mapping: ScopeMappingSettings) => boolean): Set<string> {
  const composites = new Map(access.roles.map((role) => [keyOf(role), role.composites]));
  const pending = [
    ...access.roles.filter((role) => role.client === undefined),
    ...access.groups.flatMap((group) => group.roles),
    ...access.serviceAccounts.flatMap((account) => account.roles),
    ...access.defaultRoles,
    ...access.scopeMappings.filter(read).flatMap((mapping) => mapping.roles),
  ].map(keyOf);
  const held = new Set<string>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (held.has(next)) continue;
    held.add(next);
    pending.push(...(composites.get(next) ?? []).map(keyOf));
  }
  return held;
}

function comparableAccess(
  access: AccessSettings,
  fromExport: boolean,
  read: (mapping: ScopeMappingSettings) => boolean,
): AccessSettings {
  const held = heldRoles(access, read);
  return {
    roles: access.roles
      .filter((role) => !fromExport || held.has(keyOf(role)))
      .map((role) => ({ ...role, composites: [...role.composites].sort(byText(keyOf)) }))
      .sort(byText(keyOf)),
    groups: [...access.groups].sort(byText((group) => group.path)),
    defaultRoles: [...access.defaultRoles].sort(byText(keyOf)),
    serviceAccounts: [...access.serviceAccounts].sort(byText((account) => account.clientId)),
    scopeMappings: access.scopeMappings
      .filter((mapping) => !fromExport || read(mapping))
      // Keycloak lists a mapping's roles in no fixed order.
      .map((mapping) => ({ ...mapping, roles: [...mapping.roles].sort(byText(keyOf)) }))
      .sort(byText((mapping) => mapping.clientScope ?? mapping.client ?? '')),
  };
}

/** The scope mappings the live reader reads, read with `options`: every client scope's, and clients' own when asked, with full scope off. */
function readsMapping(settings: RealmSettings, options: LiveReadOptions): (mapping: ScopeMappingSettings) => boolean {
  const narrow = new Set(
    settings.clients.filter((client) => !client.fullScopeAllowed).map((client) => client.clientId),
  );
  return (mapping) =>
    mapping.clientScope !== undefined ||
    (options.clientScopeMappings === true && mapping.client !== undefined && narrow.has(mapping.client));
}

/** The issue-14 parts of a model, comparable between a live read (made with `options`) and an export. */
export function comparableParts(settings: RealmSettings, source: 'live' | 'export', options: LiveReadOptions = {}) {
  const fromExport = source === 'export';
  const { identityProviders, clientScopes, access, authentication, userProfile } = settings;
  return {
    identityProviders: identityProviders && [...identityProviders].sort(byText((idp) => idp.alias)),
    clientScopes: clientScopes && [...clientScopes].sort(byText((scope) => scope.name)),
    access: access && comparableAccess(access, fromExport, readsMapping(settings, options)),
    authentication: authentication && {
      ...authentication,
      flows: authentication.flows
        .filter((flow) => !fromExport || flow.alias !== HIDDEN_FLOW)
        .sort(byText((flow) => flow.alias)),
    },
    userProfile,
  };
}
