/**
 * The client part of the provider dialect: ClientSettings ↔ keycloak.openid.Client arguments,
 * and keycloak.saml.Client inputs → ClientSettings. The client field table
 * (model/fields/client.ts) and the client attribute table (model/fields/client-attributes.ts)
 * say which argument carries what: rows with an `as-is` argument, and attributes with a
 * top-level argument, are written and read by one loop each; the rest is written by hand below,
 * for the reason its row gives.
 */
import { InputError } from '../errors.ts';
import {
  ATTRIBUTE_LIST_SEPARATOR,
  clientAttributeRows,
  type ClientAttributeKind,
  type ClientAttributeTable,
  type ClientAttributesWhere,
} from '../fields/client-attributes.ts';
import { clientRows, type ClientFieldName, type ClientFieldTable } from '../fields/client.ts';
import type { FieldKind } from '../fields/field-row.ts';
import type { ClientSettings } from '../realm-settings.ts';
import { bool, ofKind, record, str, strings } from './narrow.ts';

export type AccessType = 'PUBLIC' | 'CONFIDENTIAL' | 'BEARER-ONLY';

/** Client fields whose row has an `as-is` provider argument. */
type AsIsField = {
  [F in ClientFieldName]: ClientFieldTable[F] extends { provider: { conversion: 'as-is' } } ? F : never;
}[ClientFieldName];
type ArgumentOf<Row> = Row extends { provider: { argument: infer Argument extends string } } ? Argument : never;

/** The `as-is` arguments: the model's values under the provider's names. */
export type ClientAsIsArgs = { [F in AsIsField as ArgumentOf<ClientFieldTable[F]>]: ClientSettings[F] };

/** What an attribute argument takes, by the attribute's kind. */
interface AttributeArgumentValue {
  boolean: boolean;
  'uri-list': string[];
  text: string;
  seconds: string;
}
type AttributeWithArgument = ClientAttributesWhere<{ provider: { argument: string } }>;

/** The attribute table's top-level arguments (the provider refuses their keys in `extraConfig`). */
export type ClientAttributeArgs = {
  [
    K in AttributeWithArgument as ArgumentOf<ClientAttributeTable[K]>
  ]?: AttributeArgumentValue[ClientAttributeTable[K]['kind']];
};

/** keycloak.openid.ClientArgs as this project sets them (realmId chosen by the caller). */
export type ClientDialectArgs<RealmId = string> = {
  realmId: RealmId;
  clientId: string;
  accessType: AccessType;
  clientAuthenticatorType?: string;
  validRedirectUris?: string[];
  webOrigins?: string[];
  /** Every Keycloak client attribute the provider has no argument for. */
  extraConfig?: Record<string, string>;
} & ClientAsIsArgs &
  ClientAttributeArgs;

/** The `as-is` rows: model field, provider argument, what the provider sends when it is left out. */
const AS_IS_ARGUMENTS: readonly { field: AsIsField; argument: string; kind: FieldKind; omitted?: unknown }[] =
  clientRows().flatMap(([field, row]) =>
    row.provider?.conversion === 'as-is'
      ? [
          {
            field: field as AsIsField,
            argument: row.provider.argument,
            kind: row.kind,
            ...('omitted' in row.provider ? { omitted: row.provider.omitted } : {}),
          },
        ]
      : [],
  );

/** Client attribute key → its top-level argument (the attribute table's provider column). */
export const CLIENT_ATTRIBUTE_ARGUMENTS: Readonly<
  Record<string, { argument: string; kind: ClientAttributeKind; omitted?: string }>
> = Object.fromEntries(
  clientAttributeRows().flatMap(([key, row]) =>
    row.provider ? [[key, { ...row.provider, kind: row.kind }] as const] : [],
  ),
);

export function accessTypeOf(client: Pick<ClientSettings, 'publicClient' | 'bearerOnly'>): AccessType {
  if (client.publicClient) return 'PUBLIC';
  if (client.bearerOnly) return 'BEARER-ONLY';
  return 'CONFIDENTIAL';
}

/**
 * keycloak.openid.Client arguments for a client. The custom rows: the protocol must be
 * openid-connect; redirect URIs and web origins are passed only when a flow uses them (the
 * provider rejects them otherwise); a public client gets no authenticator type (it does not
 * authenticate); attributes go to their top-level argument or to `extraConfig`.
 */
export function clientArgsFromSettings<RealmId = string>(
  client: ClientSettings,
  realmId: RealmId,
): ClientDialectArgs<RealmId> {
  if (client.protocol !== 'openid-connect') {
    throw new InputError(
      `client '${client.clientId}' uses protocol '${client.protocol}'; only openid-connect clients can be applied`,
      {
        keyPath: `clients.${client.clientId}.protocol`,
      },
      'remove the client from the baseline or manage it outside realmguard',
    );
  }
  const browserFlow = client.standardFlowEnabled || client.implicitFlowEnabled;
  const asIs = Object.fromEntries(
    AS_IS_ARGUMENTS.flatMap(({ field, argument }) => {
      const value = client[field];
      if (value === undefined) return [];
      return [[argument, Array.isArray(value) ? [...(value as unknown[])] : value]];
    }),
  ) as ClientAsIsArgs;
  const args: ClientDialectArgs<RealmId> = {
    realmId,
    clientId: client.clientId,
    ...asIs,
    accessType: accessTypeOf(client),
    ...(client.publicClient ? {} : { clientAuthenticatorType: client.clientAuthenticatorType }),
    ...(browserFlow ? { validRedirectUris: [...client.redirectUris] } : {}),
    ...(browserFlow || client.directAccessGrantsEnabled ? { webOrigins: [...client.webOrigins] } : {}),
  };
  const extraConfig: Record<string, string> = {};
  const target = args as Record<string, unknown>;
  for (const [key, value] of Object.entries(client.attributes)) {
    const argument = CLIENT_ATTRIBUTE_ARGUMENTS[key];
    if (!argument) {
      extraConfig[key] = value;
      continue;
    }
    if (argument.kind === 'boolean') target[argument.argument] = value === 'true';
    else if (argument.kind === 'uri-list')
      target[argument.argument] = value === '' ? [] : value.split(ATTRIBUTE_LIST_SEPARATOR);
    else target[argument.argument] = value;
  }
  if (Object.keys(extraConfig).length > 0) args.extraConfig = extraConfig;
  return args;
}

/**
 * The client settings a keycloak.openid.Client's inputs declare. Arguments the program left out
 * are what the provider sends (the rows' `omitted`: enabled, full scope and refresh tokens on,
 * the flows off); attributes come back under Keycloak's keys, from the top-level arguments and
 * `extraConfig`.
 */
export function clientSettingsFromInputs(props: Record<string, unknown>): Partial<ClientSettings> {
  const out: Partial<ClientSettings> = { protocol: 'openid-connect' };
  const clientId = str(props.clientId);
  if (clientId !== undefined) out.clientId = clientId;
  const target = out as Record<string, unknown>;
  for (const { field, argument, kind, omitted } of AS_IS_ARGUMENTS) {
    const value = ofKind(kind, props[argument]) ?? omitted;
    if (value !== undefined) target[field] = value;
  }
  const accessType = str(props.accessType);
  if (accessType === 'PUBLIC' || accessType === 'CONFIDENTIAL' || accessType === 'BEARER-ONLY') {
    out.publicClient = accessType === 'PUBLIC';
    out.bearerOnly = accessType === 'BEARER-ONLY';
  }
  out.clientAuthenticatorType = str(props.clientAuthenticatorType) ?? 'client-secret';
  const redirectUris = strings(props.validRedirectUris);
  if (redirectUris !== undefined) out.redirectUris = redirectUris;
  else if (props.validRedirectUris === undefined) out.redirectUris = [];
  const webOrigins = strings(props.webOrigins);
  if (webOrigins !== undefined) out.webOrigins = webOrigins;
  else if (props.webOrigins === undefined) out.webOrigins = [];

  const attributes: Record<string, string> = {};
  const extraConfig = record(props.extraConfig);
  for (const [key, value] of Object.entries(extraConfig ?? {})) {
    if (typeof value === 'string') attributes[key] = value;
  }
  for (const [key, { argument, kind, omitted }] of Object.entries(CLIENT_ATTRIBUTE_ARGUMENTS)) {
    const value = props[argument];
    if (value === undefined && omitted !== undefined) attributes[key] = omitted;
    else if (kind === 'boolean' && typeof value === 'boolean') attributes[key] = String(value);
    else if (kind === 'uri-list' && strings(value) !== undefined)
      attributes[key] = (strings(value) ?? []).join(ATTRIBUTE_LIST_SEPARATOR);
    else if ((kind === 'text' || kind === 'seconds') && typeof value === 'string' && value !== '')
      attributes[key] = value;
  }
  out.attributes = attributes;
  return out;
}

/**
 * keycloak.saml.Client's SAML switches and the client attributes Keycloak stores them as. A
 * switch the program leaves out takes the provider's default, which is Keycloak's (signed
 * documents and required client signatures on, the rest off); only signDocuments needs filling,
 * since the rules read an absent saml.server.signature as off.
 */
const SAML_CLIENT_SWITCHES: Readonly<Record<string, string>> = {
  signDocuments: 'saml.server.signature',
  signAssertions: 'saml.assertion.signature',
  clientSignatureRequired: 'saml.client.signature',
  encryptAssertions: 'saml.encrypt',
  forcePostBinding: 'saml.force.post.binding',
};

/** ClientSettings from keycloak.saml.Client inputs (as a policy pack sees them). */
export function samlClientSettingsFromInputs(props: Record<string, unknown>): Partial<ClientSettings> {
  const out: Partial<ClientSettings> = { protocol: 'saml' };
  const clientId = str(props.clientId);
  if (clientId !== undefined) out.clientId = clientId;
  out.enabled = bool(props.enabled) ?? true;
  out.fullScopeAllowed = bool(props.fullScopeAllowed) ?? true;
  const redirectUris = strings(props.validRedirectUris);
  if (redirectUris !== undefined) out.redirectUris = redirectUris;
  else if (props.validRedirectUris === undefined) out.redirectUris = [];
  const attributes: Record<string, string> = { 'saml.server.signature': 'true' };
  for (const [key, value] of Object.entries(record(props.extraConfig) ?? {}))
    if (typeof value === 'string') attributes[key] = value;
  for (const [argument, attribute] of Object.entries(SAML_CLIENT_SWITCHES)) {
    const value = bool(props[argument]);
    if (value !== undefined) attributes[attribute] = String(value);
  }
  const algorithm = str(props.signatureAlgorithm);
  if (algorithm !== undefined) attributes['saml.signature.algorithm'] = algorithm;
  out.attributes = attributes;
  return out;
}
