/**
 * The issue-14 parts of a RealmRepresentation (a server export, or what the live reader
 * assembled), reduced to what the model reads and put in a stable order, so that two sources
 * can be compared with toEqual. Server-made ids stay out: both sources name things as an export does.
 */
type Json = Record<string, unknown>;

const records = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((item): item is Json => item !== null && typeof item === 'object') : [];
const record = (value: unknown): Json => (value !== null && typeof value === 'object' ? (value as Json) : {});
const sortedNames = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').sort() : [];
const byOwner = (value: unknown): Record<string, string[]> =>
  Object.fromEntries(
    Object.entries(record(value))
      .map(([owner, names]) => [owner, sortedNames(names)] as const)
      .filter(([, names]) => names.length > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
const by =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

interface Composites {
  realm?: string[];
  client?: Record<string, string[]>;
}

function composites(value: unknown): Composites | undefined {
  if (value === undefined) return undefined;
  const { realm, client } = record(value);
  const clients = byOwner(client);
  return {
    ...(sortedNames(realm).length > 0 && { realm: sortedNames(realm) }),
    ...(Object.keys(clients).length > 0 && { client: clients }),
  };
}

function mappers(value: unknown) {
  return records(value)
    .map((mapper) => ({ name: mapper.name, type: mapper.protocolMapper, config: mapper.config }))
    .sort(by((mapper) => String(mapper.name)));
}

interface Group {
  name: unknown;
  path: unknown;
  realmRoles: string[];
  clientRoles: Record<string, string[]>;
  subGroups: Group[];
}

function groups(value: unknown): Group[] {
  return records(value)
    .map((group) => ({
      name: group.name,
      path: group.path,
      realmRoles: sortedNames(group.realmRoles),
      clientRoles: byOwner(group.clientRoles),
      subGroups: groups(group.subGroups),
    }))
    .sort(by((group) => String(group.path)));
}

function execution(step: Json): string {
  const config = typeof step.authenticatorConfig === 'string' ? ` config=${step.authenticatorConfig}` : '';
  return `${String(step.authenticator ?? step.flowAlias)} ${String(step.requirement)}${config}`;
}

const USER_PROFILE = 'org.keycloak.userprofile.UserProfileProvider';

function userProfile(representation: Json) {
  const [component] = records(record(representation.components)[USER_PROFILE]);
  const [text] = sortedNames(record(component?.config)['kc.user.profile.config']);
  if (text === undefined) return undefined;
  const profile = JSON.parse(text) as { unmanagedAttributePolicy?: string; attributes?: Array<{ name: string }> };
  return {
    unmanagedAttributePolicy: profile.unmanagedAttributePolicy,
    attributes: (profile.attributes ?? []).map((attribute) => attribute.name).sort(),
  };
}

export function exportedParts(representation: Json) {
  const roles = record(representation.roles);
  return {
    identityProviders: records(representation.identityProviders)
      .map(({ types: _types, ...idp }) => idp) // `types` is an admin-API-only hint, not configuration
      .sort(by((idp) => String(idp.alias))),
    identityProviderMappers: records(representation.identityProviderMappers)
      .map(({ id: _id, ...mapper }) => mapper)
      .sort(by((mapper) => `${String(mapper.identityProviderAlias)}/${String(mapper.name)}`)),
    clients: records(representation.clients)
      .map((client) => ({
        clientId: client.clientId,
        protocol: client.protocol,
        protocolMappers: mappers(client.protocolMappers),
      }))
      .sort(by((client) => String(client.clientId))),
    clientScopes: records(representation.clientScopes)
      .map((scope) => ({ name: scope.name, protocol: scope.protocol, protocolMappers: mappers(scope.protocolMappers) }))
      .sort(by((scope) => String(scope.name))),
    realmRoles: records(roles.realm)
      .map((role) => ({ name: String(role.name), composite: role.composite, composites: composites(role.composites) }))
      .sort(by((role) => role.name)),
    clientRoles: Object.entries(record(roles.client))
      .flatMap(([client, list]) =>
        records(list).map((role) => ({
          client,
          name: String(role.name),
          composite: role.composite,
          composites: composites(role.composites),
        })),
      )
      .sort(by((role) => `${role.client}/${role.name}`)),
    groups: groups(representation.groups),
    serviceAccounts: records(representation.users)
      .filter((user) => typeof user.serviceAccountClientId === 'string')
      .map((user) => ({
        username: user.username,
        serviceAccountClientId: user.serviceAccountClientId,
        realmRoles: sortedNames(user.realmRoles),
        clientRoles: byOwner(user.clientRoles),
        groups: sortedNames(user.groups),
      }))
      .sort(by((user) => String(user.serviceAccountClientId))),
    scopeMappings: [
      ...records(representation.scopeMappings).map((mapping) => ({ ...mapping, roles: sortedNames(mapping.roles) })),
      ...Object.entries(record(representation.clientScopeMappings)).flatMap(([owner, list]) =>
        records(list).map((mapping) => ({ ...mapping, owner, roles: sortedNames(mapping.roles) })),
      ),
    ]
      .map((mapping) => mapping as { client?: string; clientScope?: string; owner?: string; roles: string[] })
      .sort(by((mapping) => `${mapping.owner ?? ''}/${mapping.client ?? ''}/${mapping.clientScope ?? ''}`)),
    flows: records(representation.authenticationFlows)
      .map((flow) => ({
        alias: String(flow.alias),
        topLevel: flow.topLevel,
        providerId: flow.providerId,
        executions: records(flow.authenticationExecutions)
          .sort((a, b) => Number(a.priority) - Number(b.priority))
          .map(execution),
      }))
      .sort(by((flow) => flow.alias)),
    configs: records(representation.authenticatorConfig)
      .map((config) => ({ alias: String(config.alias), config: config.config }))
      .sort(by((config) => config.alias)),
    bindings: Object.fromEntries(
      ['browserFlow', 'registrationFlow', 'directGrantFlow', 'resetCredentialsFlow', 'firstBrokerLoginFlow'].map(
        (key) => [key, representation[key]],
      ),
    ),
    userProfile: userProfile(representation),
  };
}

export type Parts = ReturnType<typeof exportedParts>;

/**
 * The client roles someone holds in an export — a group, a service account, a client scope's
 * scope mapping or any realm role (the default role among them), directly or through composites:
 * the client roles the live reader reads (model/live/roles.ts).
 */
export function reachableClientRoles(representation: Json): Set<string> {
  const parts = exportedParts(representation);
  const compositesOf = new Map(parts.clientRoles.map((role) => [`${role.client}/${role.name}`, role.composites]));
  const pending: string[] = [];
  const hold = (holder: Record<string, string[]> | undefined) => {
    for (const [client, names] of Object.entries(holder ?? {}))
      for (const name of names) pending.push(`${client}/${name}`);
  };
  for (const role of parts.realmRoles) hold(role.composites?.client);
  const walk = (list: Group[]) => {
    for (const group of list) {
      hold(group.clientRoles);
      walk(group.subGroups);
    }
  };
  walk(parts.groups);
  for (const account of parts.serviceAccounts) hold(account.clientRoles);
  for (const mapping of parts.scopeMappings)
    if (mapping.owner && mapping.clientScope) hold({ [mapping.owner]: mapping.roles });
  const reached = new Set<string>();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (reached.has(next)) continue;
    reached.add(next);
    hold(compositesOf.get(next)?.client);
  }
  return reached;
}
