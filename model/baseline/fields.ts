/**
 * How each realm-level baseline key maps to a RealmSettings field, read from the realm field
 * table (model/fields/realm.ts). It drives the adapter and the source positions; client and key
 * options are mapped in to-settings.ts because they land in Keycloak attributes and components.
 */
import { rowsOf, type FieldKind } from '../fields/field-row.ts';
import { REALM_FIELDS } from '../fields/realm.ts';
import type { RealmProfileValues } from '../profiles.ts';

export interface RealmFieldMapping {
  /** Where the key sits in the baseline, e.g. ['security', 'bruteForce', 'waitIncrement']. */
  docPath: readonly string[];
  /** The RealmSettings field it sets. */
  field: keyof RealmProfileValues;
  kind: 'duration' | 'boolean' | 'integer' | 'string';
}

const BASELINE_KIND: Readonly<Record<FieldKind, RealmFieldMapping['kind']>> = {
  seconds: 'duration',
  milliseconds: 'integer',
  count: 'integer',
  timestamp: 'integer',
  boolean: 'boolean',
  text: 'string',
  ssl: 'string',
  'text-list': 'string',
  'text-map': 'string',
};

/** The realm field table's baseline column, for the rows the adapter converts without custom code. */
export const REALM_FIELD_MAPPINGS: readonly RealmFieldMapping[] = rowsOf(REALM_FIELDS).flatMap(([field, row]) =>
  row.baseline && !row.baseline.custom ? [{ docPath: row.baseline.path, field, kind: BASELINE_KIND[row.kind] }] : [],
);

/** Client attribute keys the typed client options own (setting them under `attributes` is refused). */
export const MANAGED_CLIENT_ATTRIBUTES: Readonly<Record<string, string>> = {
  'pkce.code.challenge.method': 'pkce',
  'use.refresh.tokens': 'refreshTokens',
  'dpop.bound.access.tokens': 'tokenBinding',
  'tls.client.certificate.bound.access.tokens': 'tokenBinding',
  'require.pushed.authorization.requests': 'requirePar',
  'post.logout.redirect.uris': 'postLogoutRedirectUris',
  'access.token.lifespan': 'lifespans.accessToken',
  'client.session.idle.timeout': 'lifespans.clientSessionIdle',
  'client.session.max.lifespan': 'lifespans.clientSessionMax',
  'client.offline.session.idle.timeout': 'lifespans.offlineSessionIdle',
  'client.offline.session.max.lifespan': 'lifespans.offlineSessionMax',
};

export const CLIENT_LIFESPAN_ATTRIBUTES = {
  accessToken: 'access.token.lifespan',
  clientSessionIdle: 'client.session.idle.timeout',
  clientSessionMax: 'client.session.max.lifespan',
  offlineSessionIdle: 'client.offline.session.idle.timeout',
  offlineSessionMax: 'client.offline.session.max.lifespan',
} as const;
