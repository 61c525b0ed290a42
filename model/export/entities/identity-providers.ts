/**
 * RealmRepresentation.identityProviders[] and identityProviderMappers[] → the model's identity
 * providers, each with its mappers (matched by identityProviderAlias). Absent when the file has
 * no `identityProviders` key: a partial file says nothing about brokering.
 */
import { isSecretConfigKey } from '../../entities/identity-providers.ts';
import type { IdentityProviderSettings } from '../../realm-settings.ts';
import type { RealmRepresentation } from '../schema.ts';
import { stringMap, type EntityContext } from './mark.ts';

export function identityProvidersFrom(
  rep: RealmRepresentation,
  { mark }: EntityContext,
): IdentityProviderSettings[] | undefined {
  if (rep.identityProviders === undefined) return undefined;
  const providers = rep.identityProviders.map((idp, index) => {
    const entity = ['identityProviders', idp.alias];
    mark(entity, ['identityProviders', index]);
    const settings: IdentityProviderSettings = {
      alias: idp.alias,
      providerId: idp.providerId ?? '',
      // IdentityProviderRepresentation's Java defaults: enabled true, the others false.
      enabled: idp.enabled ?? true,
      trustEmail: idp.trustEmail ?? false,
      linkOnly: idp.linkOnly ?? false,
      config: withoutSecrets(stringMap(idp.config)),
      mappers: [],
    };
    if (idp.firstBrokerLoginFlowAlias !== undefined) settings.firstBrokerLoginFlowAlias = idp.firstBrokerLoginFlowAlias;
    if (idp.postBrokerLoginFlowAlias !== undefined) settings.postBrokerLoginFlowAlias = idp.postBrokerLoginFlowAlias;
    // The config keys are what IdP rules judge (validateSignature, pkceEnabled, syncMode...).
    for (const key of Object.keys(settings.config))
      mark([...entity, 'config', key], ['identityProviders', index, 'config', key]);
    return settings;
  });
  const byAlias = new Map(providers.map((provider) => [provider.alias, provider]));
  (rep.identityProviderMappers ?? []).forEach((mapper, index) => {
    // A mapper of an IdP the file does not have changes no IdP of this model.
    const provider = byAlias.get(mapper.identityProviderAlias);
    if (!provider) return;
    provider.mappers.push({
      name: mapper.name,
      type: mapper.identityProviderMapper ?? '',
      config: stringMap(mapper.config),
    });
    mark(['identityProviders', provider.alias, 'mappers', mapper.name], ['identityProviderMappers', index]);
  });
  return providers;
}

function withoutSecrets(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !isSecretConfigKey(key)));
}
