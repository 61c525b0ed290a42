/**
 * Identity providers, matched by alias, and their mappers. Keycloak keeps an IdP's settings as
 * strings in `config`; an absent key means Keycloak's default ('false' for the switches below).
 * Secrets in the config (the client secret) are never compared or shown.
 */
import { isSecretConfigKey } from '../../model/entities/identity-providers.ts';
import type { IdentityProviderMapperSettings, IdentityProviderSettings } from '../../model/realm-settings.ts';
import { PKCE_METHOD_ORDER } from './algorithms.ts';
import {
  ignored,
  mapOf,
  neutral,
  neutralVerdict,
  ranked,
  safeWhen,
  scalar,
  strengthens,
  weakens,
  type DiffTable,
  type FieldDiffer,
} from './differ.ts';
import { entities } from './entities.ts';
import { anyChange } from './entity-part.ts';

/** Config keys whose safe value is 'true' (absent: Keycloak's 'false'), with what turning them off allows. */
const SAFE_WHEN_TRUE: Readonly<Record<string, string>> = {
  validateSignature: "the broker's tokens or assertions are accepted without checking their signature (RFC 9700 §4.7)",
  pkceEnabled: 'no PKCE towards the identity provider: a stolen code can be redeemed (RFC 9700 §2.1.1)',
  wantAssertionsSigned: 'SAML assertions are accepted unsigned',
  wantAssertionsEncrypted: 'SAML assertions may arrive unencrypted',
  wantAuthnRequestsSigned: 'SAML authentication requests are sent unsigned',
  postBindingResponse: 'SAML responses over the redirect binding (URL-borne assertions)',
  postBindingAuthnRequest: 'SAML requests over the redirect binding',
};

/** Weakest first: importing once lets the user's attributes drift from the IdP's; FORCE re-syncs on every login. */
const SYNC_MODE_ORDER = [['LEGACY', 'IMPORT'], ['FORCE']] as const;

const CLIENT_AUTH_ORDER = [['client_secret_post', 'client_secret_basic'], ['client_secret_jwt'], ['private_key_jwt']];

function configKey(key: string): FieldDiffer<string | undefined> {
  if (isSecretConfigKey(key)) return ignored; // never in a model from a file; a baseline might still carry one
  const why = SAFE_WHEN_TRUE[key];
  if (why !== undefined) {
    return (before, after, context) =>
      scalar<string>((_from, to) => (to === 'true' ? strengthens('turned on') : weakens(why)))(
        before ?? 'false',
        after ?? 'false',
        context,
      );
  }
  if (key === 'pkceMethod') return ranked(PKCE_METHOD_ORDER, 'weaker PKCE method (RFC 9700 §2.1.1)');
  if (key === 'syncMode')
    return ranked(SYNC_MODE_ORDER, 'user data is no longer refreshed from the identity provider on login');
  if (key === 'clientAuthMethod')
    return ranked(CLIENT_AUTH_ORDER, 'weaker client authentication towards the identity provider (RFC 9700 §2.5)');
  return anyChange('identity provider setting changed');
}

const MAPPER_TABLE: DiffTable<IdentityProviderMapperSettings> = {
  name: ignored,
  type: neutral('mapper type changed'),
  config: mapOf((key) =>
    key === 'syncMode'
      ? ranked([['INHERIT', 'LEGACY', 'IMPORT'], ['FORCE']], 'mapped attribute no longer refreshed on every login')
      : anyChange('mapper setting changed'),
  ),
};

/** Mappers that give brokered users roles or groups: a new one widens what the IdP decides. */
const GRANTING_MAPPER = /role|group/;

const MAPPERS = entities<IdentityProviderMapperSettings>({
  key: (mapper) => mapper.name,
  fields: MAPPER_TABLE,
  added: (mapper) =>
    GRANTING_MAPPER.test(mapper.type)
      ? weakens('the identity provider now grants roles or groups to the users it logs in')
      : neutralVerdict('mapper added'),
  removed: (mapper) =>
    GRANTING_MAPPER.test(mapper.type)
      ? strengthens('the identity provider no longer grants roles or groups')
      : neutralVerdict('mapper removed'),
  summary: (mapper) => mapper.type,
});

const IDP_TABLE: DiffTable<IdentityProviderSettings> = {
  alias: ignored,
  providerId: neutral('identity provider type changed'),
  enabled: neutral('identity provider switched on or off: its settings decide the risk'),
  trustEmail: safeWhen(
    false,
    'emails from this identity provider are taken as verified: a forged email can claim an account',
  ),
  linkOnly: safeWhen(true, 'the identity provider may now log in users, not only link accounts'),
  firstBrokerLoginFlowAlias: anyChange('first-login flow changed: review how accounts are linked'),
  postBrokerLoginFlowAlias: anyChange('post-login flow changed: review what it asks'),
  config: mapOf(configKey),
  mappers: MAPPERS,
};

export const IDENTITY_PROVIDERS = entities<IdentityProviderSettings>({
  key: (idp) => idp.alias,
  fields: IDP_TABLE,
  added: () => neutralVerdict('identity provider added: its findings below say how it is configured'),
  removed: () => neutralVerdict('identity provider removed'),
  summary: (idp) => `${idp.providerId} identity provider${idp.enabled ? '' : ' (disabled)'}`,
});
