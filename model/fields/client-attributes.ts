/**
 * The client attribute table: one row per Keycloak client attribute the project knows (the string
 * map `attributes` of a ClientRepresentation), with what it knows about it. Derived from it: the
 * attribute options of a baseline client and their mapping (model/baseline/schema.ts, fields.ts,
 * to-settings.ts), HardenedClient's attribute options (components/hardened-client.ts), the
 * provider dialect's top-level attribute arguments (model/provider-dialect/client.ts) and the
 * per-attribute diff classes (review/classify/client-attributes.ts).
 * test/unit/model/client-attribute-table.test.ts checks that each of those shows every row.
 *
 * To add a client attribute: add its row here, and a rule that judges it. An attribute without
 * a row still travels (verbatim, through `extraConfig`), and a diff calls its change neutral.
 */
import type { ClientProfileValues } from '../profiles.ts';
import type { FieldsWhere } from './field-row.ts';
import type { RealmFieldTable } from './realm.ts';

/** A realm duration a client attribute can override. */
type RealmSecondsField = FieldsWhere<RealmFieldTable, { kind: 'seconds' }>;

/**
 * What an attribute holds. Keycloak stores every value as a string: seconds as digits, booleans
 * as 'true'/'false', and URI lists '##'-separated.
 */
export type ClientAttributeKind = 'seconds' | 'boolean' | 'text' | 'uri-list';

/** How a diff classifies a change of the attribute (review/classify/client-attributes.ts builds the differ). */
export type ClientAttributeDiff =
  /** 'true' is the safe position (safeWhen: true) or the risky one (safeWhen: false). */
  | { safeWhen: boolean; reason: string }
  /**
   * A per-client override of a realm duration: empty, 0 or negative means the realm's value
   * (`overrides`; when that is 0 too, the SSO session's, `zero`).
   */
  | { safer: 'lower'; reason: string; overrides: RealmSecondsField; zero?: 'sso-idle' | 'sso-max' }
  | { neutral: string }
  /** Written by hand in review/classify/client-attributes.ts, which says where. */
  | { custom: string };

export interface ClientAttributeRow {
  kind: ClientAttributeKind;
  /** One line for people: the baseline schema's description and the option's docs. */
  doc: string;
  /**
   * What Keycloak does when the attribute is absent, as the string it would hold: a diff compares
   * an absent attribute as this value. Absent: compared as ''.
   */
  keycloakDefault?: string;
  /**
   * The typed option of a baseline client that owns the attribute (setting it under `attributes`
   * is refused). `oneOf`: the accepted values. `custom`: the option's shape differs (one option
   * for two attributes) and
   * model/baseline/to-settings.ts converts it by hand; the text says why.
   */
  baseline?: {
    path: readonly [string, ...string[]];
    oneOf?: readonly string[];
    custom?: string;
  };
  /**
   * The HardenedClient option that writes it (same conversion as the baseline's); `custom`:
   * components/hardened-client.ts writes it by hand, the text says why.
   */
  component?: { option: string; oneOf?: readonly string[]; custom?: string };
  /**
   * What a profile fills when the option is left out. `publicOnly`: only public clients take the
   * profile's value; others get Keycloak's default, written out.
   */
  profile?: { value: keyof ClientProfileValues; publicOnly?: true };
  /** The option value (baseline's and component's alike) that leaves the attribute unset. */
  off?: string;
  /**
   * The keycloak.openid.Client top-level argument (@pulumi/keycloak 6.13) that carries it. The
   * provider refuses these keys in `extraConfig` ("conflicts with a top-level schema
   * attribute"). The conversion follows from the kind: booleans ↔ 'true'/'false', URI lists ↔
   * '##'-joined strings, the rest as strings. `omitted`: what the provider sends when the program
   * leaves the argument out. Absent: the attribute travels in `extraConfig`.
   */
  provider?: { argument: string; omitted?: string };
  diff: ClientAttributeDiff;
}

const arg = <const Argument extends string>(argument: Argument) => ({ argument });

export const CLIENT_ATTRIBUTES = {
  'pkce.code.challenge.method': {
    kind: 'text',
    doc: 'PKCE method required (pkce.code.challenge.method).',
    keycloakDefault: '',
    baseline: { path: ['pkce'], oneOf: ['S256', 'plain', 'none'] },
    off: 'none',
    component: { option: 'pkce', oneOf: ['S256', 'none'] },
    profile: { value: 'pkceMethod' },
    provider: arg('pkceCodeChallengeMethod'),
    diff: { custom: 'ranked plain < S256 (review/classify/algorithms.ts PKCE_METHOD_ORDER)' },
  },
  'use.refresh.tokens': {
    kind: 'boolean',
    doc: 'Issue refresh tokens (use.refresh.tokens).',
    keycloakDefault: 'true',
    baseline: { path: ['refreshTokens'] },
    component: { option: 'refreshTokens' },
    profile: { value: 'publicClientRefreshTokens', publicOnly: true },
    provider: { argument: 'useRefreshTokens', omitted: 'true' },
    diff: { safeWhen: false, reason: 'client issues refresh tokens (a longer-lived credential)' },
  },
  'client_credentials.use_refresh_token': {
    kind: 'boolean',
    doc: 'Issue refresh tokens for the client-credentials grant.',
    keycloakDefault: 'false',
    provider: arg('useRefreshTokensClientCredentials'),
    diff: { safeWhen: false, reason: 'refresh tokens for the client-credentials grant' },
  },
  'dpop.bound.access.tokens': {
    kind: 'boolean',
    doc: 'Access tokens bound to a DPoP key (RFC 9449).',
    keycloakDefault: 'false',
    baseline: {
      path: ['tokenBinding'],
      oneOf: ['none', 'dpop', 'mtls'],
      custom: 'one option sets both binding attributes',
    },
    component: {
      option: 'tokenBinding',
      oneOf: ['none', 'dpop', 'mtls'],
      custom: 'one option sets both binding attributes',
    },
    profile: { value: 'tokenBinding' },
    provider: arg('requireDpopBoundTokens'),
    diff: { safeWhen: true, reason: 'access tokens no longer bound to a DPoP key (RFC 9700 §2.2)' },
  },
  'tls.client.certificate.bound.access.tokens': {
    kind: 'boolean',
    doc: "Access tokens bound to the client's TLS certificate (RFC 8705).",
    keycloakDefault: 'false',
    baseline: {
      path: ['tokenBinding'],
      oneOf: ['none', 'dpop', 'mtls'],
      custom: 'one option sets both binding attributes',
    },
    component: {
      option: 'tokenBinding',
      oneOf: ['none', 'dpop', 'mtls'],
      custom: 'one option sets both binding attributes',
    },
    profile: { value: 'tokenBinding' },
    diff: { safeWhen: true, reason: 'access tokens no longer bound to the client certificate (RFC 9700 §2.2)' },
  },
  'require.pushed.authorization.requests': {
    kind: 'boolean',
    doc: 'Require pushed authorization requests (require.pushed.authorization.requests).',
    keycloakDefault: 'false',
    baseline: { path: ['requirePar'] },
    component: { option: 'pushedAuthorizationRequests' },
    profile: { value: 'requirePushedAuthorizationRequests' },
    diff: { safeWhen: true, reason: 'pushed authorization requests no longer required (FAPI 2.0)' },
  },
  'post.logout.redirect.uris': {
    kind: 'uri-list',
    doc: 'Allowed post-logout redirect URIs (post.logout.redirect.uris).',
    keycloakDefault: '',
    baseline: { path: ['postLogoutRedirectUris'] },
    component: { option: 'postLogoutRedirectUris' },
    provider: arg('validPostLogoutRedirectUris'),
    diff: { custom: 'each URI judged (review/classify/redirect-uris.ts)' },
  },
  'access.token.lifespan': {
    kind: 'seconds',
    doc: "This client's access-token lifetime, overriding the realm's (access.token.lifespan).",
    keycloakDefault: '',
    baseline: { path: ['lifespans', 'accessToken'] },
    component: { option: 'accessTokenLifespan' },
    provider: arg('accessTokenLifespan'),
    diff: { safer: 'lower', reason: 'a stolen access token stays usable longer', overrides: 'accessTokenLifespan' },
  },
  'client.session.idle.timeout': {
    kind: 'seconds',
    doc: "This client's session idle timeout (bounds refresh-token use), overriding the realm's (client.session.idle.timeout).",
    keycloakDefault: '',
    baseline: { path: ['lifespans', 'clientSessionIdle'] },
    component: { option: 'clientSessionIdleTimeout' },
    provider: arg('clientSessionIdleTimeout'),
    diff: {
      safer: 'lower',
      reason: 'idle client sessions live longer',
      overrides: 'clientSessionIdleTimeout',
      zero: 'sso-idle',
    },
  },
  'client.session.max.lifespan': {
    kind: 'seconds',
    doc: "This client's session maximum (bounds refresh-token use), overriding the realm's (client.session.max.lifespan).",
    keycloakDefault: '',
    baseline: { path: ['lifespans', 'clientSessionMax'] },
    component: { option: 'clientSessionMaxLifespan' },
    provider: arg('clientSessionMaxLifespan'),
    diff: {
      safer: 'lower',
      reason: 'client sessions live longer',
      overrides: 'clientSessionMaxLifespan',
      zero: 'sso-max',
    },
  },
  'client.offline.session.idle.timeout': {
    kind: 'seconds',
    doc: "This client's offline-session idle timeout (bounds offline-token use; client.offline.session.idle.timeout).",
    keycloakDefault: '',
    baseline: { path: ['lifespans', 'offlineSessionIdle'] },
    component: { option: 'clientOfflineSessionIdleTimeout' },
    provider: arg('clientOfflineSessionIdleTimeout'),
    diff: { safer: 'lower', reason: 'idle offline sessions live longer', overrides: 'offlineSessionIdleTimeout' },
  },
  'client.offline.session.max.lifespan': {
    kind: 'seconds',
    doc: "This client's offline-session maximum (bounds offline-token use; client.offline.session.max.lifespan).",
    keycloakDefault: '',
    baseline: { path: ['lifespans', 'offlineSessionMax'] },
    component: { option: 'clientOfflineSessionMaxLifespan' },
    provider: arg('clientOfflineSessionMaxLifespan'),
    diff: { safer: 'lower', reason: 'offline sessions live longer', overrides: 'offlineSessionMaxLifespan' },
  },
  'exclude.session.state.from.auth.response': {
    kind: 'boolean',
    doc: 'Leave session_state out of the authorization response.',
    provider: arg('excludeSessionStateFromAuthResponse'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'exclude.issuer.from.auth.response': {
    kind: 'boolean',
    doc: 'Leave iss out of the authorization response (RFC 9207).',
    keycloakDefault: 'false',
    provider: arg('excludeIssuerFromAuthResponse'),
    diff: { safeWhen: false, reason: 'issuer left out of the authorization response (mix-up defence, RFC 9207)' },
  },
  login_theme: {
    kind: 'text',
    doc: 'Login theme of the client.',
    provider: arg('loginTheme'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'consent.screen.text': {
    kind: 'text',
    doc: 'Text of the consent screen.',
    provider: arg('consentScreenText'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'display.on.consent.screen': {
    kind: 'boolean',
    doc: 'Show the client on the consent screen.',
    provider: arg('displayOnConsentScreen'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'frontchannel.logout.url': {
    kind: 'text',
    doc: 'Front-channel logout URL.',
    provider: arg('frontchannelLogoutUrl'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'backchannel.logout.url': {
    kind: 'text',
    doc: 'Back-channel logout URL.',
    provider: arg('backchannelLogoutUrl'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'backchannel.logout.revoke.offline.tokens': {
    kind: 'boolean',
    doc: 'Back-channel logout revokes offline sessions too.',
    provider: arg('backchannelLogoutRevokeOfflineSessions'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'backchannel.logout.session.required': {
    kind: 'boolean',
    doc: 'Back-channel logout tokens carry the session id.',
    provider: arg('backchannelLogoutSessionRequired'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'oauth2.device.authorization.grant.enabled': {
    kind: 'boolean',
    doc: 'Device authorization grant (RFC 8628).',
    keycloakDefault: 'false',
    provider: arg('oauth2DeviceAuthorizationGrantEnabled'),
    diff: { safeWhen: false, reason: 'device authorization grant enabled' },
  },
  'oauth2.device.code.lifespan': {
    kind: 'seconds',
    doc: 'Lifespan of a device code.',
    provider: arg('oauth2DeviceCodeLifespan'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'oauth2.device.polling.interval': {
    kind: 'seconds',
    doc: 'Polling interval of the device grant.',
    provider: arg('oauth2DevicePollingInterval'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'oidc.ciba.grant.enabled': {
    kind: 'boolean',
    doc: 'Client-initiated backchannel authentication grant.',
    keycloakDefault: 'false',
    diff: { safeWhen: false, reason: 'CIBA grant enabled' },
  },
  'standard.token.exchange.enabled': {
    kind: 'boolean',
    doc: 'Standard token exchange (RFC 8693).',
    keycloakDefault: 'false',
    provider: arg('standardTokenExchangeEnabled'),
    diff: { safeWhen: false, reason: 'token exchange enabled' },
  },
  'standard.token.exchange.enableRefreshRequestedTokenType': {
    kind: 'text',
    doc: 'Whether token exchange may return a refresh token.',
    provider: arg('allowRefreshTokenInStandardTokenExchange'),
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'access.token.signed.response.alg': {
    kind: 'text',
    doc: "Access-token signature algorithm; empty: the realm's default.",
    keycloakDefault: '',
    diff: { custom: "ranked by strength, empty is the realm's default (review/classify/client-attributes.ts)" },
  },
  'id.token.signed.response.alg': {
    kind: 'text',
    doc: "ID-token signature algorithm; empty: the realm's default.",
    keycloakDefault: '',
    diff: { custom: "ranked by strength, empty is the realm's default (review/classify/client-attributes.ts)" },
  },
  'use.jwks.url': {
    kind: 'boolean',
    doc: "client-jwt: fetch the client's public keys from jwks.url (HardenedClient's jwksUrl turns it on).",
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  logoUri: {
    kind: 'text',
    doc: "The client's logo, shown on the consent screen (checked by model/constraints/client-urls.ts).",
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  policyUri: {
    kind: 'text',
    doc: "The client's privacy policy page (checked by model/constraints/client-urls.ts).",
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  tosUri: {
    kind: 'text',
    doc: "The client's terms of service page (checked by model/constraints/client-urls.ts).",
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'request.uris': {
    kind: 'uri-list',
    doc: 'Request URIs the client may pass as request_uri (checked by model/constraints/client-urls.ts).',
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'use.jwks.string': {
    kind: 'boolean',
    doc: "client-jwt: verify with the keys in the client's jwks.string; Keycloak refuses it on together with use.jwks.url (model/constraints/clients.ts).",
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'jwks.url': {
    kind: 'text',
    doc: "client-jwt: where Keycloak fetches the client's public keys.",
    component: { option: 'jwksUrl', custom: 'turns use.jwks.url on too, for client-jwt clients only' },
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'token.endpoint.auth.signing.alg': {
    kind: 'text',
    doc: 'client-jwt: the signature algorithm the client must use for its assertion (e.g. PS256).',
    component: { option: 'tokenEndpointSigningAlgorithm', custom: 'for client-jwt clients only' },
    diff: { neutral: 'attribute realmguard does not classify' },
  },
  'x509.subjectdn': {
    kind: 'text',
    doc: "client-x509: the subject DN (a regular expression) of the client's certificate.",
    component: { option: 'x509SubjectDn', custom: 'required, and written, for client-x509 clients only' },
    diff: { neutral: 'attribute realmguard does not classify' },
  },
} as const satisfies Record<string, ClientAttributeRow>;

export type ClientAttributeTable = typeof CLIENT_ATTRIBUTES;
export type ClientAttributeKey = keyof ClientAttributeTable;

/** Typed entries of the attribute table. */
export function clientAttributeRows(): [ClientAttributeKey, ClientAttributeRow][] {
  return Object.entries(CLIENT_ATTRIBUTES) as [ClientAttributeKey, ClientAttributeRow][];
}

export function clientAttributeRow(key: string): ClientAttributeRow | undefined {
  return Object.hasOwn(CLIENT_ATTRIBUTES, key)
    ? (CLIENT_ATTRIBUTES as Record<string, ClientAttributeRow>)[key]
    : undefined;
}

/** Attribute keys whose row matches Condition. */
export type ClientAttributesWhere<Condition> = {
  [K in ClientAttributeKey]: ClientAttributeTable[K] extends Condition ? K : never;
}[ClientAttributeKey];

/** Attributes whose diff class is written by hand (review/classify/client-attributes.ts must have each). */
export type ClientAttributeCustomDiff = ClientAttributesWhere<{ diff: { custom: string } }>;

/** Keycloak keeps multi-valued attributes such as post-logout redirect URIs '##'-separated. */
export const ATTRIBUTE_LIST_SEPARATOR = '##';
