/**
 * The `clientScopes` part from Pulumi resources: keycloak.openid.ClientScope with the protocol
 * mappers attached to it, the mappers attached to a client, and the scopes a client has as
 * default or optional (ClientDefaultScopes / ClientOptionalScopes, which take scope NAMES and
 * replace the client's whole list). A mapper or binding whose client or scope id resolves to no
 * resource of the stack is left out. RealmDefaultClientScopes / RealmOptionalClientScopes are
 * not read: Keycloak copies them only into clients created after them, an order the stack does
 * not fix, so a client without its own binding keeps the lists the pack cannot know (empty).
 */
import {
  GENERIC_MAPPER_TYPES,
  HARDCODED_ROLE_MAPPER_TYPE,
  TYPED_MAPPER_DIALECTS,
  clientScopeFromInputs,
  hardcodedRoleConfig,
  protocolMapperFromInputs,
  scopeNamesFromInputs,
} from '../../model/provider-dialect/client-scopes.ts';
import type { ClientScopeSettings } from '../../model/entities/client-scopes.ts';
import type { RealmSettings } from '../../model/realm-settings.ts';
import { clientIdOf, ROLE_TYPE, rolesByUrn } from './assemble-access.ts';
import type { PackResource } from './assemble.ts';
import type { PathOwners } from './path-owners.ts';
import type { StackReferences } from './references.ts';

export const CLIENT_SCOPE_TYPE = 'keycloak:openid/clientScope:ClientScope';
export const CLIENT_DEFAULT_SCOPES_TYPE = 'keycloak:openid/clientDefaultScopes:ClientDefaultScopes';
export const CLIENT_OPTIONAL_SCOPES_TYPE = 'keycloak:openid/clientOptionalScopes:ClientOptionalScopes';
export const PROTOCOL_MAPPER_TYPES: readonly string[] = [
  ...Object.keys(TYPED_MAPPER_DIALECTS),
  ...GENERIC_MAPPER_TYPES,
];
const OPENID_CLIENT = 'keycloak:openid/client:Client';

/** The scope-binding resources: which field of the client each sets, from which argument. */
const BINDINGS = {
  [CLIENT_DEFAULT_SCOPES_TYPE]: { field: 'defaultClientScopes', argument: 'defaultScopes' },
  [CLIENT_OPTIONAL_SCOPES_TYPE]: { field: 'optionalClientScopes', argument: 'optionalScopes' },
} as const;

/** The resources that declare client scopes, their mappers and bindings; clients and roles are what they refer to. */
export const CLIENT_SCOPE_RESOURCE_TYPES: readonly string[] = [
  CLIENT_SCOPE_TYPE,
  CLIENT_DEFAULT_SCOPES_TYPE,
  CLIENT_OPTIONAL_SCOPES_TYPE,
  ...PROTOCOL_MAPPER_TYPES,
  OPENID_CLIENT,
  ROLE_TYPE,
];

/** Fills the clients' mappers and scope lists in place; returns the client scopes (undefined when the stack declares none). */
export function assembleClientScopes(
  resources: readonly PackResource[],
  settings: RealmSettings,
  refs: StackReferences,
  owners: PathOwners,
): ClientScopeSettings[] | undefined {
  const scopes = new Map<string, ClientScopeSettings>();
  for (const resource of resources) {
    if (resource.type !== CLIENT_SCOPE_TYPE) continue;
    const scope = clientScopeFromInputs(resource.props);
    if (!scope) continue;
    scopes.set(resource.urn, scope);
    owners.set(['clientScopes', scope.name], resource.urn);
  }
  const clientOf = (resource: PackResource, property: string) => {
    const declaring = refs.one(resource, property, [OPENID_CLIENT]);
    const clientId = declaring && clientIdOf(declaring);
    return settings.clients.find((client) => client.clientId === clientId);
  };
  const roleOf = rolesByUrn(resources, refs);

  for (const resource of resources) {
    if (!PROTOCOL_MAPPER_TYPES.includes(resource.type)) continue;
    const role = refs.one(resource, 'roleId', [ROLE_TYPE]);
    const hardcoded = role && roleOf.get(role.urn);
    const mapper = protocolMapperFromInputs(
      resource.type,
      resource.props,
      resource.type === HARDCODED_ROLE_MAPPER_TYPE && hardcoded ? hardcodedRoleConfig(hardcoded) : undefined,
    );
    if (!mapper) continue;
    const scope = scopes.get(refs.one(resource, 'clientScopeId', [CLIENT_SCOPE_TYPE])?.urn ?? '');
    const client = scope ? undefined : clientOf(resource, 'clientId');
    if (scope) {
      scope.protocolMappers.push(mapper);
      owners.set(['clientScopes', scope.name, 'protocolMappers', mapper.name], resource.urn);
    } else if (client) {
      client.protocolMappers = [...(client.protocolMappers ?? []), mapper];
      owners.set(['clients', client.clientId, 'protocolMappers', mapper.name], resource.urn);
    }
  }

  for (const resource of resources) {
    const binding = BINDINGS[resource.type as keyof typeof BINDINGS] as
      (typeof BINDINGS)[keyof typeof BINDINGS] | undefined;
    if (!binding) continue;
    const client = clientOf(resource, 'clientId');
    const names = scopeNamesFromInputs(resource.props, binding.argument);
    if (!client || !names) continue;
    client[binding.field] = names;
    owners.set(['clients', client.clientId, binding.field], resource.urn);
  }
  return scopes.size > 0 ? [...scopes.values()] : undefined;
}
