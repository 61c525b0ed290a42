/** Baseline `clientScopes` → the model's client scopes with their protocol mappers. */
import type { ClientScopeSettings } from '../../realm-settings.ts';
import type { BaselineDocument } from '../schema.ts';
import { findDuplicates } from '../find-duplicates.ts';
import { protocolMappersFrom, type BaselineEntityContext } from './context.ts';

export function clientScopesFrom(
  document: BaselineDocument,
  convert: BaselineEntityContext,
): ClientScopeSettings[] | undefined {
  const declared = document.clientScopes;
  if (declared === undefined) return undefined;
  findDuplicates(
    declared.map((scope) => scope.name),
    (index) => ['clientScopes', index, 'name'],
    'client scope',
    convert,
  );
  convert.mark(['clientScopes'], ['clientScopes']);
  return declared.map((scope, index) => {
    const entity = ['clientScopes', scope.name];
    const protocol = scope.protocol ?? 'openid-connect';
    convert.mark(entity, ['clientScopes', index]);
    return {
      name: scope.name,
      protocol,
      attributes: { ...scope.attributes },
      protocolMappers: protocolMappersFrom(
        scope.protocolMappers ?? [],
        protocol,
        entity,
        ['clientScopes', index, 'protocolMappers'],
        convert,
      ),
    };
  });
}
