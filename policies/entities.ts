/**
 * Entity helpers: the looping every client or key rule needs (as kcwarden's base auditors do),
 * so a rule says only which clients it is about and what it judges.
 */
import type {
  ClientSettings,
  FieldPath,
  IdentityProviderSettings,
  KeyProviderSettings,
  RealmSettings,
} from '../model/realm-settings.ts';

export interface OidcClientFilter {
  /** Also visit disabled clients (default: skip; a disabled client issues no tokens). */
  includeDisabled?: boolean;
  /** Also visit bearer-only clients (default: skip; they never start a flow). */
  includeBearerOnly?: boolean;
  /** Only public clients, or only confidential ones. */
  access?: 'public' | 'confidential';
}

/**
 * Every OpenID Connect client the filter admits; SAML clients are never visited. A list, not a
 * generator: twenty rules walk every client, and resuming a generator per client cost more than
 * the list.
 */
export function oidcClients(realm: RealmSettings, filter: OidcClientFilter = {}): ClientSettings[] {
  return realm.clients.filter(
    (client) =>
      client.protocol === 'openid-connect' &&
      (client.enabled || filter.includeDisabled === true) &&
      (!client.bearerOnly || filter.includeBearerOnly === true) &&
      !(filter.access === 'public' && !client.publicClient) &&
      !(filter.access === 'confidential' && client.publicClient),
  );
}

/** Whether a client runs a browser flow (and so uses redirect URIs, PKCE, PAR). */
export function usesBrowserFlow(client: ClientSettings): boolean {
  return client.standardFlowEnabled || client.implicitFlowEnabled;
}

/** Whether the client receives refresh tokens: `use.refresh.tokens` defaults to on. */
export function issuesRefreshTokens(client: ClientSettings): boolean {
  return (
    client.attributes['use.refresh.tokens'] !== 'false' &&
    (client.standardFlowEnabled || client.directAccessGrantsEnabled)
  );
}

/** Whether access tokens are sender-constrained, by DPoP or by an mTLS certificate. */
export function hasSenderConstrainedTokens(client: ClientSettings): boolean {
  return (
    client.attributes['dpop.bound.access.tokens'] === 'true' ||
    client.attributes['tls.client.certificate.bound.access.tokens'] === 'true'
  );
}

export function clientPath(client: ClientSettings, ...rest: string[]): FieldPath {
  return ['clients', client.clientId, ...rest];
}

export function clientAttributePath(client: ClientSettings, attribute: string): FieldPath {
  return clientPath(client, 'attributes', attribute);
}

/** A duration client attribute in seconds, or undefined when unset, empty or not a number. */
export function clientDurationAttribute(client: ClientSettings, attribute: string): number | undefined {
  const raw = client.attributes[attribute];
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  return Number.isFinite(seconds) ? seconds : undefined;
}

export interface KeyProviderFilter {
  /** Also visit disabled providers (default: skip; their keys are not published or used). */
  includeDisabled?: boolean;
  /** Only these provider types. */
  providerIds?: readonly string[];
}

export function* keyProviders(realm: RealmSettings, filter: KeyProviderFilter = {}): Generator<KeyProviderSettings> {
  for (const provider of realm.keyProviders) {
    if (!provider.enabled && !filter.includeDisabled) continue;
    if (filter.providerIds && !filter.providerIds.includes(provider.providerId)) continue;
    yield provider;
  }
}

export function keyPath(provider: KeyProviderSettings, ...rest: string[]): FieldPath {
  return ['keyProviders', provider.name, ...rest];
}

export const DAY_SECONDS = 86_400;

/** "3600 s (1 h)": seconds with a readable unit, for messages. */
export function humanSeconds(seconds: number): string {
  if (seconds % DAY_SECONDS === 0 && seconds >= DAY_SECONDS) return `${seconds} s (${seconds / DAY_SECONDS} d)`;
  if (seconds % 3600 === 0 && seconds >= 3600) return `${seconds} s (${seconds / 3600} h)`;
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds} s (${seconds / 60} min)`;
  return `${seconds} s`;
}

// SAML clients and identity providers ---------------------------------------------------------

/** Every SAML client; disabled ones only when asked (a disabled client issues no assertion). */
export function* samlClients(
  realm: RealmSettings,
  filter: { includeDisabled?: boolean } = {},
): Generator<ClientSettings> {
  for (const client of realm.clients) {
    if (client.protocol !== 'saml') continue;
    if (!client.enabled && !filter.includeDisabled) continue;
    yield client;
  }
}

/** Keycloak reads its string switches with Java's Boolean.parseBoolean: only 'true' (any case) is on. */
export function isOn(value: string | undefined): boolean {
  return value?.toLowerCase() === 'true';
}

/** The OpenID Connect broker types whose signature, PKCE and nonce settings an admin sets (the social types hide them). */
export const OIDC_BROKER_TYPES: readonly string[] = ['oidc', 'keycloak-oidc'];

/**
 * Every enabled identity provider of the given types (all types when none are given); nothing
 * when the source does not carry identity providers.
 */
export function* identityProviders(
  realm: RealmSettings,
  providerIds?: readonly string[],
): Generator<IdentityProviderSettings> {
  for (const idp of realm.identityProviders ?? []) {
    if (!idp.enabled) continue;
    if (providerIds && !providerIds.includes(idp.providerId)) continue;
    yield idp;
  }
}

export function idpConfigPath(idp: IdentityProviderSettings, key: string): FieldPath {
  return ['identityProviders', idp.alias, 'config', key];
}

/** A config value for a message: quoted, or 'unset'. */
export function shown(value: string | undefined): string {
  return value === undefined || value === '' ? 'unset' : `'${value}'`;
}
