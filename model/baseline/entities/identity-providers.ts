/**
 * Baseline `identityProviders` → the model's identity providers. The typed options become the
 * Keycloak config keys they name; `config` carries the rest verbatim. An option that does not
 * apply to the IdP's type is refused (a SAML option on an OIDC IdP would be silently ignored by
 * Keycloak), and so is a secret: a baseline is reviewed in Git, secrets belong in the vault.
 */
import { isSecretConfigKey } from '../../entities/identity-providers.ts';
import type { IdentityProviderSettings } from '../../realm-settings.ts';
import type { BaselineDocument } from '../schema.ts';
import type { BaselineIdentityProvider } from '../entities-schema.ts';
import { findDuplicates } from '../find-duplicates.ts';
import type { BaselineEntityContext } from './context.ts';

const OIDC_TYPES = ['oidc', 'keycloak-oidc'];
const SIGNED_TYPES = [...OIDC_TYPES, 'saml'];

/** Typed option → the config key it sets and the IdP types it applies to. */
const CONFIG_OPTIONS = {
  syncMode: { key: 'syncMode', types: undefined },
  validateSignature: { key: 'validateSignature', types: SIGNED_TYPES },
  wantAssertionsSigned: { key: 'wantAssertionsSigned', types: ['saml'] },
  wantAssertionsEncrypted: { key: 'wantAssertionsEncrypted', types: ['saml'] },
  wantAuthnRequestsSigned: { key: 'wantAuthnRequestsSigned', types: ['saml'] },
  postBindingResponse: { key: 'postBindingResponse', types: ['saml'] },
  postBindingAuthnRequest: { key: 'postBindingAuthnRequest', types: ['saml'] },
} as const satisfies Record<string, { key: string; types: readonly string[] | undefined }>;

/** Config keys the typed options own (refused under `config`: one place to review), with the option. */
const OWNED_CONFIG_KEYS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(CONFIG_OPTIONS).map(([option, { key }]) => [key, option])),
  pkceEnabled: 'pkce',
  pkceMethod: 'pkce',
};

export function identityProvidersFrom(
  document: BaselineDocument,
  convert: BaselineEntityContext,
): IdentityProviderSettings[] | undefined {
  const declared = document.identityProviders;
  if (declared === undefined) return undefined;
  findDuplicates(
    declared.map((idp) => idp.alias),
    (index) => ['identityProviders', index, 'alias'],
    'identity provider',
    convert,
  );
  convert.mark(['identityProviders'], ['identityProviders']);
  return declared.map((idp, index) => identityProviderFrom(idp, ['identityProviders', index], convert));
}

function identityProviderFrom(
  idp: BaselineIdentityProvider,
  docPath: (string | number)[],
  convert: BaselineEntityContext,
): IdentityProviderSettings {
  const entity = ['identityProviders', idp.alias];
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(idp.config ?? {})) {
    const option = OWNED_CONFIG_KEYS[key];
    if (option)
      convert.fail(
        [...docPath, 'config', key],
        `the config key '${key}' is set through the option '${option}'`,
        `write ${option}: … instead`,
      );
    else if (isSecretConfigKey(key))
      convert.fail(
        [...docPath, 'config', key],
        `'${key}' is a secret`,
        'keep it out of the baseline: give it to Keycloak from your secret store',
      );
    else config[key] = value;
    convert.mark([...entity, 'config', key], [...docPath, 'config', key]);
  }
  for (const [option, { key, types }] of Object.entries(CONFIG_OPTIONS)) {
    const value = idp[option as keyof typeof CONFIG_OPTIONS];
    if (value === undefined) continue;
    if (types && !(types as readonly string[]).includes(idp.type)) {
      convert.fail(
        [...docPath, option],
        `'${option}' does not apply to a ${idp.type} identity provider`,
        `remove it, or use it on ${types.join(', ')} IdPs`,
      );
      continue;
    }
    config[key] = String(value);
    convert.mark([...entity, 'config', key], [...docPath, option]);
  }
  if (idp.pkce !== undefined) {
    if (!OIDC_TYPES.includes(idp.type))
      convert.fail(
        [...docPath, 'pkce'],
        `'pkce' does not apply to a ${idp.type} identity provider`,
        `remove it, or use it on ${OIDC_TYPES.join(', ')} IdPs`,
      );
    config.pkceEnabled = String(idp.pkce !== 'none');
    if (idp.pkce !== 'none') config.pkceMethod = idp.pkce;
    convert.mark([...entity, 'config', 'pkceEnabled'], [...docPath, 'pkce']);
    convert.mark([...entity, 'config', 'pkceMethod'], [...docPath, 'pkce']);
  }

  const mappers = idp.mappers ?? [];
  findDuplicates(
    mappers.map((mapper) => mapper.name),
    (index) => [...docPath, 'mappers', index, 'name'],
    'IdP mapper',
    convert,
  );
  const settings: IdentityProviderSettings = {
    alias: idp.alias,
    providerId: idp.type,
    enabled: idp.enabled ?? true,
    trustEmail: idp.trustEmail ?? false,
    linkOnly: idp.linkOnly ?? false,
    config,
    mappers: mappers.map((mapper, index) => {
      convert.mark([...entity, 'mappers', mapper.name], [...docPath, 'mappers', index]);
      return {
        name: mapper.name,
        type: mapper.type,
        config: { ...mapper.config, ...(mapper.syncMode === undefined ? {} : { syncMode: mapper.syncMode }) },
      };
    }),
  };
  if (idp.firstLoginFlow !== undefined) settings.firstBrokerLoginFlowAlias = idp.firstLoginFlow;
  if (idp.postLoginFlow !== undefined) settings.postBrokerLoginFlowAlias = idp.postLoginFlow;
  convert.mark(entity, docPath);
  for (const [field, option] of [
    ['alias', 'alias'],
    ['providerId', 'type'],
    ['enabled', 'enabled'],
    ['trustEmail', 'trustEmail'],
    ['linkOnly', 'linkOnly'],
    ['firstBrokerLoginFlowAlias', 'firstLoginFlow'],
    ['postBrokerLoginFlowAlias', 'postLoginFlow'],
  ] as const)
    convert.mark([...entity, field], [...docPath, option]);
  return settings;
}
