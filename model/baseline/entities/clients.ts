/**
 * The client options issue 14 adds (protocol, saml, rootUrl, baseUrl, protocolMappers), applied
 * to the clients baselineToRealm converted (`clients` and `declared` are the same list in the
 * same order). A SAML client drops the OIDC attributes the profile filled in, refuses the OIDC
 * options written for it, and gets Keycloak's SAML defaults for what it leaves unset.
 */
import type { ClientSettings } from '../../realm-settings.ts';
import type { BaselineClient } from '../schema.ts';
import type { BaselineSamlOptions } from '../entities-schema.ts';
import { MANAGED_CLIENT_ATTRIBUTES } from '../fields.ts';
import { protocolMappersFrom, type BaselineEntityContext } from './context.ts';
import {
  KEYCLOAK_SAML_CLIENT_ATTRIBUTES,
  KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES,
  KEYCLOAK_SAML_OPTIONAL_CLIENT_SCOPES,
} from './saml-client-defaults.ts';

/** `saml` option → the Keycloak client attribute it sets. */
const SAML_ATTRIBUTES = {
  assertionSignature: 'saml.assertion.signature',
  serverSignature: 'saml.server.signature',
  clientSignature: 'saml.client.signature',
  encryptAssertions: 'saml.encrypt',
  signatureAlgorithm: 'saml.signature.algorithm',
  oneTimeUse: 'saml.onetimeuse.condition',
  forcePostBinding: 'saml.force.post.binding',
} as const satisfies Record<keyof BaselineSamlOptions, string>;

/** Client options that only mean something for OpenID Connect. */
const OIDC_ONLY_OPTIONS = ['pkce', 'refreshTokens', 'tokenBinding', 'requirePar', 'authenticator'] as const;

export function addClientEntityOptions(
  declared: readonly BaselineClient[],
  clients: ClientSettings[],
  convert: BaselineEntityContext,
): void {
  declared.forEach((client, index) => {
    const settings = clients[index];
    if (!settings) return;
    const docPath = ['clients', index];
    const entity = ['clients', settings.clientId];
    for (const field of ['rootUrl', 'baseUrl'] as const) {
      const value = client[field];
      if (value === undefined) continue;
      settings[field] = value;
      convert.mark([...entity, field], [...docPath, field]);
    }
    const protocol = client.protocol ?? 'openid-connect';
    if (client.protocol !== undefined) {
      settings.protocol = protocol;
      convert.mark([...entity, 'protocol'], [...docPath, 'protocol']);
    }
    if (protocol === 'saml') toSamlClient(client, settings, docPath, convert);
    else if (client.saml !== undefined)
      convert.fail([...docPath, 'saml'], "'saml' applies to SAML clients only", 'remove it, or set protocol: saml');
    if (client.protocolMappers !== undefined)
      settings.protocolMappers = protocolMappersFrom(
        client.protocolMappers,
        protocol,
        entity,
        [...docPath, 'protocolMappers'],
        convert,
      );
  });
}

function toSamlClient(
  client: BaselineClient,
  settings: ClientSettings,
  docPath: (string | number)[],
  convert: BaselineEntityContext,
): void {
  for (const option of OIDC_ONLY_OPTIONS) {
    if (client[option] !== undefined)
      convert.fail([...docPath, option], `'${option}' is an OpenID Connect option; this client is SAML`, 'remove it');
  }
  // The profile filled the OIDC attributes for every client; Keycloak gives a SAML client none of them.
  const oidcOnly = (attribute: string) =>
    (OIDC_ONLY_OPTIONS as readonly string[]).includes(MANAGED_CLIENT_ATTRIBUTES[attribute] ?? '');
  settings.attributes = {
    ...KEYCLOAK_SAML_CLIENT_ATTRIBUTES,
    ...Object.fromEntries(Object.entries(settings.attributes).filter(([attribute]) => !oidcOnly(attribute))),
  };
  for (const [option, attribute] of Object.entries(SAML_ATTRIBUTES)) {
    const value = client.saml?.[option as keyof BaselineSamlOptions];
    if (value === undefined) continue;
    settings.attributes[attribute] = String(value);
    convert.mark(['clients', settings.clientId, 'attributes', attribute], [...docPath, 'saml', option]);
  }
  if (client.defaultScopes === undefined) settings.defaultClientScopes = [...KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES];
  if (client.optionalScopes === undefined) settings.optionalClientScopes = [...KEYCLOAK_SAML_OPTIONAL_CLIENT_SCOPES];
}
