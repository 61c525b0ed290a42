/**
 * The client fields issue 14 adds (rootUrl, baseUrl, the client's own protocol mappers), read
 * next to the client adapter in to-settings.ts: `clients` and `representations` are the same
 * list in the same order. A client whose representation has no `protocolMappers` keeps them
 * absent (Keycloak's export leaves an empty list out, and a partial file may not say).
 */
import type { ClientSettings } from '../../realm-settings.ts';
import type { ClientRepresentation } from '../schema.ts';
import type { EntityContext } from './mark.ts';
import { protocolMapperFrom } from './protocol-mappers.ts';

/**
 * The client's URL fields this adapter reads, each under its own name in the file. Their positions
 * come from the client collection's anchor (to-settings.ts), not from a mark per client: ten
 * thousand marks at 5,000 clients for two fields whose document path is the model path's.
 */
export const CLIENT_URL_FIELDS = ['rootUrl', 'baseUrl'] as const;

export function addClientEntityFields(
  clients: ClientSettings[],
  representations: readonly ClientRepresentation[] | undefined,
  { mark }: EntityContext,
): void {
  (representations ?? []).forEach((rep, index) => {
    const client = clients[index];
    if (!client) return;
    const entity = ['clients', client.clientId];
    for (const field of CLIENT_URL_FIELDS) {
      const value = rep[field];
      if (value !== undefined) client[field] = value;
    }
    if (rep.protocolMappers === undefined) return;
    client.protocolMappers = rep.protocolMappers.map((mapper) => protocolMapperFrom(mapper, client.protocol));
    rep.protocolMappers.forEach((mapper, mapperIndex) =>
      mark([...entity, 'protocolMappers', mapper.name ?? ''], ['clients', index, 'protocolMappers', mapperIndex]),
    );
  });
}
