/**
 * Client scopes, matched by name: what a scope puts into tokens is its mappers (classified as a
 * client's, entity-protocol-mappers.ts); which clients use it is each client's own change.
 */
import type { ClientScopeSettings } from '../../model/realm-settings.ts';
import { ignored, mapOf, neutral, neutralVerdict, type DiffTable } from './differ.ts';
import { entities } from './entities.ts';
import { anyChange } from './entity-part.ts';
import { PROTOCOL_MAPPERS } from './entity-protocol-mappers.ts';

const CLIENT_SCOPE_TABLE: DiffTable<ClientScopeSettings> = {
  name: ignored,
  protocol: neutral('scope protocol changed'),
  attributes: mapOf(() => anyChange('scope display or consent setting changed')),
  protocolMappers: PROTOCOL_MAPPERS,
};

export const CLIENT_SCOPES = entities<ClientScopeSettings>({
  key: (scope) => scope.name,
  fields: CLIENT_SCOPE_TABLE,
  added: () => neutralVerdict('client scope added: the clients that use it, and its mappers, decide'),
  removed: () => neutralVerdict('client scope removed'),
  summary: (scope) => `${scope.protocol} scope, ${scope.protocolMappers.length} mapper(s)`,
});
