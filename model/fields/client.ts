/**
 * The client's field table: one row per setting of ClientSettings (its identity, clientId and
 * id, aside), with what the project knows about it. Derived from it: the baseline client's
 * field options and their mapping (model/baseline/client-schema.ts, fields.ts), the export
 * adapter's field list, Keycloak's client defaults, the provider dialect's `as-is` arguments both
 * ways (model/provider-dialect/client.ts) and the simple rows of the client diff table.
 * test/unit/model/client-field-table.test.ts checks that each of those shows every row.
 *
 * To add a client setting: add its row here and a rule that judges it. A Keycloak client
 * attribute is not a row here: it lives in `attributes`, and has a table of its own
 * (model/fields/client-attributes.ts).
 */
import type { ClientSettings } from '../realm-settings.ts';
import type { DiffClass, FieldKind, KindValue } from './field-row.ts';

export interface ClientFieldRow<K extends FieldKind = FieldKind> {
  kind: K;
  /** One line for people. */
  doc: string;
  /**
   * The key in Keycloak's ClientRepresentation: the realm export's and the admin API's alike.
   * `custom`: read by hand (attributes become strings; issue 14's fields have their own adapter,
   * model/export/entities/).
   */
  representation: { key: string; custom?: true };
  /**
   * Where a baseline client sets it. `custom`: the conversion is written by hand in
   * model/baseline/to-settings.ts (the text says why); `ownSchema`: so is the option's schema (its
   * shape is not the field's), and the text says where. `allowEmpty`: a text may be ''.
   */
  baseline?: {
    path: readonly [string, ...string[]];
    oneOf?: readonly string[];
    allowEmpty?: true;
    custom?: string;
    ownSchema?: string;
  };
  /**
   * The keycloak.openid.Client argument (@pulumi/keycloak 6.13). as-is: the model's value, both
   * ways, written and read by one loop (model/provider-dialect/client.ts); `omitted` is what the
   * provider sends when the program leaves the argument out (its schema default), absent when it
   * sends nothing. custom: written by hand there (access type, flow-dependent URI lists,
   * attributes), the row says why. Absent: the provider has no argument for it.
   */
  provider?:
    { argument: string; conversion: 'as-is'; omitted?: KindValue[K] } | { argument: string; conversion: 'custom' };
  diff: DiffClass;
  /** What Keycloak 26 holds when nothing sets it (test/integration/model/keycloak-defaults.test.ts); absent: it stays unset. */
  keycloakDefault?: KindValue[K];
}

type AnyClientFieldRow = { [K in FieldKind]: ClientFieldRow<K> }[FieldKind];

/**
 * ClientSettings fields that are not settings of the client: its identity, and its protocol
 * mappers, entities of their own (model/entities/client-scopes.ts).
 */
export type NotClientSetting = 'clientId' | 'id' | 'protocolMappers';
export type ClientFieldName = Exclude<keyof ClientSettings, NotClientSetting>;

const same = (key: string) => ({ key });
/** An argument the provider sends as `omitted` when the program leaves it out. */
const asIs = <const Argument extends string, const Omitted extends boolean>(argument: Argument, omitted: Omitted) =>
  ({ argument, conversion: 'as-is', omitted }) as const;
const custom = <const Argument extends string>(argument: Argument) => ({ argument, conversion: 'custom' }) as const;

export const CLIENT_FIELDS = {
  name: {
    kind: 'text',
    doc: 'Display name.',
    representation: same('name'),
    baseline: { path: ['name'], allowEmpty: true },
    // The provider sends no name when the program leaves it out.
    provider: { argument: 'name', conversion: 'as-is' },
    diff: { custom: 'ignored: a label (review/classify/client-table.ts)' },
  },
  protocol: {
    kind: 'text',
    doc: 'openid-connect or saml.',
    representation: same('protocol'),
    baseline: {
      path: ['protocol'],
      custom: 'a SAML client gets its own attributes and scopes',
      ownSchema: "issue 14's client options (model/baseline/entities-schema.ts)",
    },
    // keycloak.openid.Client is always openid-connect; the dialect refuses anything else.
    provider: custom('protocol'),
    diff: { neutral: 'protocol changed' },
    keycloakDefault: 'openid-connect',
  },
  enabled: {
    kind: 'boolean',
    doc: 'Whether the client can obtain tokens.',
    representation: same('enabled'),
    baseline: { path: ['enabled'] },
    provider: asIs('enabled', true),
    diff: { custom: 'enabling weakens, disabling strengthens (review/classify/client-table.ts)' },
    keycloakDefault: true,
  },
  publicClient: {
    kind: 'boolean',
    doc: 'A public client has no credentials at the token endpoint.',
    representation: same('publicClient'),
    baseline: {
      path: ['type'],
      custom: 'one option, type, says public, bearer-only or confidential',
      ownSchema: 'ClientSchema in model/baseline/schema.ts',
    },
    provider: custom('accessType'),
    diff: { safeWhen: false, reason: 'public client: no client authentication at the token endpoint' },
    keycloakDefault: false,
  },
  bearerOnly: {
    kind: 'boolean',
    doc: 'A bearer-only client only verifies tokens.',
    representation: same('bearerOnly'),
    baseline: {
      path: ['type'],
      custom: 'one option, type, says public, bearer-only or confidential',
      ownSchema: 'ClientSchema in model/baseline/schema.ts',
    },
    provider: custom('accessType'),
    diff: { safeWhen: true, reason: 'no longer bearer-only: the client can obtain tokens' },
    keycloakDefault: false,
  },
  standardFlowEnabled: {
    kind: 'boolean',
    doc: 'Authorization-code flow.',
    representation: same('standardFlowEnabled'),
    baseline: { path: ['flows', 'standard'] },
    provider: asIs('standardFlowEnabled', false),
    diff: { neutral: 'authorization-code flow switched' },
    keycloakDefault: true,
  },
  implicitFlowEnabled: {
    kind: 'boolean',
    doc: 'Implicit flow (RFC 9700 §2.1.2: do not use).',
    representation: same('implicitFlowEnabled'),
    baseline: { path: ['flows', 'implicit'] },
    provider: asIs('implicitFlowEnabled', false),
    diff: { safeWhen: false, reason: 'implicit flow enabled (RFC 9700 §2.1.2)' },
    keycloakDefault: false,
  },
  directAccessGrantsEnabled: {
    kind: 'boolean',
    doc: 'Resource-owner password grant (RFC 9700 §2.4: do not use).',
    representation: same('directAccessGrantsEnabled'),
    baseline: { path: ['flows', 'directAccessGrants'] },
    provider: asIs('directAccessGrantsEnabled', false),
    diff: { safeWhen: false, reason: 'password grant enabled (RFC 9700 §2.4)' },
    keycloakDefault: false,
  },
  serviceAccountsEnabled: {
    kind: 'boolean',
    doc: 'Client-credentials grant through a service account.',
    representation: same('serviceAccountsEnabled'),
    baseline: { path: ['flows', 'serviceAccounts'] },
    provider: asIs('serviceAccountsEnabled', false),
    diff: { safeWhen: false, reason: 'client-credentials grant enabled (a service account with its own roles)' },
    keycloakDefault: false,
  },
  redirectUris: {
    kind: 'text-list',
    doc: 'Where the authorization server may send codes and tokens.',
    representation: same('redirectUris'),
    baseline: { path: ['redirectUris'] },
    // Sent only while a browser flow is on: the provider refuses them otherwise.
    provider: custom('validRedirectUris'),
    diff: { custom: 'each URI judged (review/classify/redirect-uris.ts)' },
    keycloakDefault: [],
  },
  webOrigins: {
    kind: 'text-list',
    doc: 'CORS origins.',
    representation: same('webOrigins'),
    baseline: { path: ['webOrigins'] },
    provider: custom('webOrigins'),
    diff: { custom: 'each origin judged (review/classify/redirect-uris.ts)' },
    keycloakDefault: [],
  },
  clientAuthenticatorType: {
    kind: 'text',
    doc: 'client-secret, client-jwt, client-secret-jwt or client-x509.',
    representation: same('clientAuthenticatorType'),
    baseline: {
      path: ['authenticator'],
      oneOf: ['client-secret', 'client-jwt', 'client-secret-jwt', 'client-x509'],
      custom: 'only a confidential client authenticates; the profile fills it',
    },
    // Not sent for a public client, which has no authenticator.
    provider: custom('clientAuthenticatorType'),
    diff: { custom: 'ranked by strength (review/classify/algorithms.ts)' },
    keycloakDefault: 'client-secret',
  },
  fullScopeAllowed: {
    kind: 'boolean',
    doc: "Tokens carry every role of the user, not only the client's scope.",
    representation: same('fullScopeAllowed'),
    baseline: { path: ['fullScopeAllowed'] },
    provider: asIs('fullScopeAllowed', true),
    diff: { safeWhen: false, reason: 'full scope allowed: tokens carry every role of the user' },
    keycloakDefault: true,
  },
  defaultClientScopes: {
    kind: 'text-list',
    doc: 'Scopes every token of the client gets (a set: kept sorted).',
    representation: same('defaultClientScopes'),
    baseline: { path: ['defaultScopes'] },
    diff: { custom: 'offline_access weakens (review/classify/client-table.ts)' },
    keycloakDefault: [],
  },
  optionalClientScopes: {
    kind: 'text-list',
    doc: 'Scopes the client may ask for (a set: kept sorted).',
    representation: same('optionalClientScopes'),
    baseline: { path: ['optionalScopes'] },
    diff: { custom: 'neutral set (review/classify/client-table.ts)' },
    keycloakDefault: [],
  },
  attributes: {
    kind: 'text-map',
    doc: "Keycloak's client attributes, string values under Keycloak's keys.",
    representation: { key: 'attributes', custom: true },
    baseline: {
      path: ['attributes'],
      custom: 'verbatim, but for the keys a typed option owns (model/fields/client-attributes.ts)',
      ownSchema: 'ClientSchema in model/baseline/schema.ts',
    },
    provider: custom('extraConfig'),
    diff: { custom: 'judged per attribute (review/classify/client-attributes.ts)' },
    keycloakDefault: {},
  },
  rootUrl: {
    kind: 'text',
    doc: 'What relative redirect URIs resolve against.',
    // Issue 14's: read by model/export/entities/clients.ts; the provider dialect does not write it yet.
    representation: { key: 'rootUrl', custom: true },
    baseline: {
      path: ['rootUrl'],
      custom: "issue 14's (model/baseline/entities/clients.ts)",
      ownSchema: "issue 14's client options (model/baseline/entities-schema.ts)",
    },
    diff: { neutral: 'root URL changed (relative redirect URIs resolve against it)' },
  },
  baseUrl: {
    kind: 'text',
    doc: 'Where Keycloak links to the application.',
    representation: { key: 'baseUrl', custom: true },
    baseline: {
      path: ['baseUrl'],
      custom: "issue 14's (model/baseline/entities/clients.ts)",
      ownSchema: "issue 14's client options (model/baseline/entities-schema.ts)",
    },
    diff: { custom: 'ignored: a link (review/classify/client-table.ts)' },
  },
  notBefore: {
    kind: 'timestamp',
    doc: 'Tokens issued before this time are refused (a revocation point).',
    representation: same('notBefore'),
    diff: { custom: 'absent means 0 (review/classify/client-table.ts)' },
  },
} as const satisfies Record<ClientFieldName, AnyClientFieldRow>;

export type ClientFieldTable = typeof CLIENT_FIELDS;

/** Typed entries of the client table. */
export function clientRows(): [ClientFieldName, AnyClientFieldRow][] {
  return Object.entries(CLIENT_FIELDS) as [ClientFieldName, AnyClientFieldRow][];
}

/** Client fields the export reads 1:1 from their ClientRepresentation key. */
export const CLIENT_SCALARS: readonly { field: ClientFieldName; key: string }[] = clientRows().flatMap(
  ([field, row]) => (row.representation.custom ? [] : [{ field, key: row.representation.key }]),
);

/** Client fields whose row names a diff class of its own (the client diff table writes those by hand). */
export type ClientCustomDiffField = {
  [F in ClientFieldName]: (typeof CLIENT_FIELDS)[F]['diff'] extends { custom: string } ? F : never;
}[ClientFieldName];
