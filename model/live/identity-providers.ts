/**
 * Identity providers and their mappers, as a realm export carries them (`identityProviders`,
 * `identityProviderMappers`). The instances come in pages; the mappers only per provider (the
 * admin API has no realm-wide mapper list), which grows with the providers, never the clients.
 * Needs view-identity-providers: view-realm does not cover them (403 on Keycloak 26.7).
 */
import { text, type JsonObject, type RealmReads } from './reads.ts';

export interface IdentityProviderParts {
  identityProviders: JsonObject[];
  identityProviderMappers: JsonObject[];
}

export async function readIdentityProviders(reads: RealmReads): Promise<IdentityProviderParts> {
  const identityProviders = await reads.pages(
    'list identity providers',
    '/identity-provider/instances',
    'view-identity-providers',
    {},
    { briefRepresentation: 'false' },
  );
  const mappers = await reads.each(
    identityProviders.map((idp) => text(idp.alias)).filter((alias) => alias !== undefined),
    (alias) =>
      reads.objects(
        reads.read(
          `list the mappers of identity provider '${alias}'`,
          '/identity-provider/instances/{alias}/mappers',
          'view-identity-providers',
          { alias },
        ),
      ),
  );
  return { identityProviders, identityProviderMappers: mappers.flat() };
}
