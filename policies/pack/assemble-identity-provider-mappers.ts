/**
 * Identity provider mappers, each a resource of its own that names its identity provider by
 * alias: attached to that identity provider of the stack. A mapper of an identity provider the
 * stack does not declare is not judged (its type and sync mode depend on that provider).
 */
import {
  IDENTITY_PROVIDER_MAPPER_TYPES,
  identityProviderMapperFromInputs,
} from '../../model/provider-dialect/identity-provider-mappers.ts';
import type { IdentityProviderSettings } from '../../model/realm-settings.ts';
import type { PackResource } from './assemble.ts';
import type { PathOwners } from './path-owners.ts';
import { isOpenObject, openStringMap } from './unknowns.ts';

export function attachIdentityProviderMappers(
  resources: readonly PackResource[],
  identityProviders: readonly IdentityProviderSettings[],
  owners: PathOwners,
): void {
  for (const resource of resources) {
    if (!IDENTITY_PROVIDER_MAPPER_TYPES.includes(resource.type)) continue;
    const alias = resource.props.identityProviderAlias;
    const idp = identityProviders.find((candidate) => candidate.alias === alias);
    if (!idp) continue;
    const mapper = identityProviderMapperFromInputs(resource.type, resource.props, idp.providerId, resource.name);
    if (!mapper) continue;
    // An extraConfig unknown until apply may hold any syncMode: read it so that no rule judges one.
    if (isOpenObject(resource.props.extraConfig)) mapper.config = openStringMap(mapper.config);
    idp.mappers.push(mapper);
    owners.set(['identityProviders', idp.alias, 'mappers', mapper.name], resource.urn);
  }
}
