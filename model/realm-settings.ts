/**
 * RealmSettings: the hardening-relevant part of a Keycloak realm, in Keycloak's own vocabulary
 * (RealmRepresentation / ClientRepresentation / ComponentRepresentation field names), durations
 * in seconds. Every source (baseline YAML, realm-export JSON, the admin API, Pulumi inputs) is
 * adapted to this once; every rule is written against it once.
 *
 * Adapters fill Keycloak's defaults for omitted fields, so every required field here is the
 * value Keycloak would actually use.
 */

import type { AccessSettings } from './entities/access.ts';
import type { AuthenticationSettings, UserProfileSettings } from './entities/authentication.ts';
import type { ClientScopeSettings, ProtocolMapperSettings } from './entities/client-scopes.ts';
import type { IdentityProviderSettings } from './entities/identity-providers.ts';
import type { RealmFieldValues } from './fields/realm.ts';

export type * from './entities/access.ts';
export type * from './entities/authentication.ts';
export type * from './entities/client-scopes.ts';
export type * from './entities/identity-providers.ts';

export type SslRequired = 'all' | 'external' | 'none';

/** Where a value came from in a file: 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/**
 * A field path in model terms: entity collections are keyed by their natural id, for example
 * ['clients', 'web-app', 'attributes', 'pkce.code.challenge.method'] or
 * ['keyProviders', 'rsa-2026-11', 'keySize'] or ['accessTokenLifespan'].
 */
export type FieldPath = readonly string[];

export type KeyProviderType =
  | 'rsa-generated'
  | 'rsa'
  | 'ecdsa-generated'
  | 'hmac-generated'
  | 'aes-generated'
  | 'rsa-enc-generated'
  | 'java-keystore'
  | (string & {});

/** Lifecycle state of a key provider: active signs, passive only verifies, retired is gone. */
export type KeyState = 'active' | 'passive' | 'retired';

export interface KeyProviderSettings {
  /** Component name (unique within the realm in practice; rules use it as the entity). */
  name: string;
  providerId: KeyProviderType;
  /** Component id when known (export, live). */
  id?: string;
  priority: number;
  enabled: boolean;
  active: boolean;
  /** Signature or encryption algorithm, e.g. RS256, PS256, ES256, HS256, RSA-OAEP. */
  algorithm?: string;
  /** RSA modulus size in bits (rsa-generated, rsa-enc-generated, rsa). */
  keySize?: number;
  /** ECDSA curve, e.g. P-256 (ecdsa-generated). */
  ellipticCurve?: string;
  /** HMAC / AES secret size in bytes. */
  secretSize?: number;
  /** Key ids published by this provider (from GET /keys; absent for file inputs). */
  kids?: string[];
  /** ISO date the key became passive, when the baseline records it (for retention checks). */
  passiveSince?: string;
}

export interface ClientSettings {
  clientId: string;
  /** Internal UUID when known. */
  id?: string;
  name?: string;
  protocol: 'openid-connect' | 'saml' | (string & {});
  enabled: boolean;
  publicClient: boolean;
  bearerOnly: boolean;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  redirectUris: string[];
  webOrigins: string[];
  /** client-secret | client-jwt | client-x509 | client-secret-jwt */
  clientAuthenticatorType: string;
  fullScopeAllowed: boolean;
  defaultClientScopes: string[];
  optionalClientScopes: string[];
  /**
   * Keycloak's client attributes, with Keycloak's keys and string values; the ones realmguard
   * knows are described in model/fields/client-attributes.ts.
   */
  attributes: Record<string, string>;
  notBefore?: number;
  /** Resolves relative redirect URIs ('/cb') and `${authBaseUrl}`-free base URLs. */
  rootUrl?: string;
  baseUrl?: string;
  /** The client's own protocol mappers; absent when the source does not say. */
  protocolMappers?: ProtocolMapperSettings[];
}

export interface ClientPolicySettings {
  name: string;
  enabled: boolean;
  /** Names of the client profiles the policy applies. */
  profiles: string[];
}

export interface TokenVersionClaimSettings {
  /** User attribute holding the current version. */
  attribute: string;
  /** Claim name in the access token. */
  claim: string;
  /** clientIds that carry the claim; ['*'] when it is a default client scope for all. */
  clients: string[];
}

/**
 * A realm. Its realm-level fields (tokens, sessions, security, events) come from the realm field
 * table, model/fields/realm.ts, so a field exists in the model exactly when it has a row there.
 */
export interface RealmSettings extends RealmFieldValues {
  realm: string;

  // keys
  keyProviders: KeyProviderSettings[];
  /** Key ids or provider names that must never be present again. */
  compromisedKeys: string[];

  // clients
  clients: ClientSettings[];
  clientPolicies: ClientPolicySettings[];
  /** Names of realm-defined client profiles (Keycloak's built-in ones need no definition). */
  clientProfiles: string[];

  tokenVersionClaim?: TokenVersionClaimSettings;

  // Entities some sources do not carry: absent means "this source does not say", and rules
  // that read them stay silent rather than judge what they cannot see.
  identityProviders?: IdentityProviderSettings[];
  clientScopes?: ClientScopeSettings[];
  access?: AccessSettings;
  authentication?: AuthenticationSettings;
  userProfile?: UserProfileSettings;

  /** The Keycloak version that wrote the realm, when the source says (an export's keycloakVersion): some matching rules changed between versions. */
  keycloakVersion?: string;
}

/**
 * Where the fields of one realm sit in its source file. A big export has hundreds of thousands
 * of fields and a run asks about a handful, so a source may find a position only when asked
 * (model/export/positions.ts); a small one (a baseline) records them all in a Map, which fits.
 */
export interface SourcePositions {
  /** The position of the field with this pathKey, when the source states that field itself. */
  get(key: string): SourcePosition | undefined;
  /** The keys of the positions held ready; a source that resolves on demand lists only the fields it marked. */
  keys(): Iterable<string>;
  /** How many positions are held ready: what loading cost in memory, for the bench. */
  readonly size: number;
}

/** Where a RealmSettings came from, and the file position of each field that has one. */
export interface RealmSource {
  kind: 'baseline' | 'realm-export' | 'live' | 'pulumi';
  /** File path, admin URL or Pulumi resource URN. */
  origin: string;
  /** Keyed by pathKey(FieldPath). */
  positions: SourcePositions;
}

/** A realm as loaded from one source. */
export interface LoadedRealm {
  settings: RealmSettings;
  source: RealmSource;
  /** The baseline profile the realm was filled from, when the source is a baseline. */
  profile?: 'baseline' | 'strict';
}

export function pathKey(path: FieldPath): string {
  return path.join('\u0000');
}

/** The position of a field, or of its nearest ancestor that has one. */
export function positionOf(source: RealmSource, path: FieldPath): SourcePosition | undefined {
  // One join; each ancestor's key is the start of it (ten thousand findings joined every prefix anew).
  let key = pathKey(path);
  for (let length = path.length; length > 0; length--) {
    const position = source.positions.get(key);
    if (position) return position;
    key = key.slice(0, Math.max(0, key.length - (path[length - 1]?.length ?? 0) - 1));
  }
  return undefined;
}
