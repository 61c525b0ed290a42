/**
 * RealmRepresentation.clientScopes[] → the model's client scopes with their protocol mappers.
 * Absent when the file has no `clientScopes` key (a partial file may leave scopes alone).
 */
import type { ClientScopeSettings } from '../../realm-settings.ts';
import type { RealmRepresentation } from '../schema.ts';
import { stringMap, type EntityContext } from './mark.ts';
import { protocolMapperFrom } from './protocol-mappers.ts';

/** ClientScopeRepresentation's protocol when the file leaves it out. */
const DEFAULT_PROTOCOL = 'openid-connect';

export function clientScopesFrom(rep: RealmRepresentation, { mark }: EntityContext): ClientScopeSettings[] | undefined {
  if (rep.clientScopes === undefined) return undefined;
  return rep.clientScopes.map((scope, index) => {
    const entity = ['clientScopes', scope.name];
    const protocol = scope.protocol ?? DEFAULT_PROTOCOL;
    mark(entity, ['clientScopes', index]);
    (scope.protocolMappers ?? []).forEach((mapper, mapperIndex) =>
      mark([...entity, 'protocolMappers', mapper.name ?? ''], ['clientScopes', index, 'protocolMappers', mapperIndex]),
    );
    return {
      name: scope.name,
      protocol,
      attributes: stringMap(scope.attributes),
      protocolMappers: (scope.protocolMappers ?? []).map((mapper) => protocolMapperFrom(mapper, protocol)),
    };
  });
}
