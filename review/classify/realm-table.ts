/**
 * How each realm setting is judged. Realm-level fields are judged as their row in the realm
 * field table (model/fields/realm.ts) says; the rows marked `custom` and the entity fields have
 * their differ here. The type checker refuses a missing one; the reasons cite the standard the
 * direction comes from (notes/rule-catalogue.md).
 */
import { rowsOf } from '../../model/fields/field-row.ts';
import { REALM_FIELDS, type RealmCustomDiffField, type RealmFieldValues } from '../../model/fields/realm.ts';
import type { RealmSettings, TokenVersionClaimSettings } from '../../model/realm-settings.ts';
import { SIGNATURE_ALGORITHM_ORDER } from './algorithms.ts';
import { CLIENTS } from './client-table.ts';
import { CLIENT_POLICIES } from './client-policy-table.ts';
import { differFor } from './row-differ.ts';
import {
  ignored,
  mapOf,
  neutral,
  neutralVerdict,
  ranked,
  setOf,
  strengthens,
  weakens,
  type DiffTable,
  type FieldChange,
  type FieldDiffer,
} from './differ.ts';
import { ACCESS } from './entity-access.ts';
import { AUTHENTICATION } from './entity-authentication.ts';
import { CLIENT_SCOPES } from './entity-client-scopes.ts';
import { IDENTITY_PROVIDERS } from './entity-identity-providers.ts';
import { knownPart } from './entity-part.ts';
import { USER_PROFILE_TABLE } from './entity-user-profile.ts';
import { KEY_PROVIDERS } from './key-table.ts';
import { passwordPolicy } from './password-policy.ts';
import { securityHeader } from './security-headers.ts';

const TOKEN_VERSION_TABLE: DiffTable<TokenVersionClaimSettings> = {
  attribute: neutral('user attribute holding the token version renamed'),
  claim: neutral('token-version claim renamed (backends must read the new name)'),
  clients: setOf({
    added: () => strengthens('client carries the token-version claim'),
    removed: () => weakens('client no longer carries the token-version claim'),
  }),
};

/** The token-version claim lets backends reject tokens of a user whose version was bumped. */
const tokenVersionClaim: FieldDiffer<TokenVersionClaimSettings | undefined> = (before, after, context) => {
  const describe = (claim: TokenVersionClaimSettings) => `claim ${claim.claim} from attribute ${claim.attribute}`;
  if (before === undefined && after === undefined) return [];
  if (before === undefined && after !== undefined) {
    return [
      {
        subPath: [],
        before: undefined,
        after: describe(after),
        ...strengthens('token-version claim added: backends can reject tokens of a bumped user'),
      },
    ];
  }
  if (before !== undefined && after === undefined) {
    return [
      {
        subPath: [],
        before: describe(before),
        after: undefined,
        ...weakens('token-version claim removed: bumping a user no longer revokes tokens'),
      },
    ];
  }
  const changes: FieldChange[] = [];
  for (const field of ['attribute', 'claim', 'clients'] as const) {
    const differ = TOKEN_VERSION_TABLE[field] as FieldDiffer<unknown>;
    for (const change of differ(before?.[field], after?.[field], context))
      changes.push({ ...change, subPath: [field, ...change.subPath] });
  }
  return changes;
};

/** Realm fields whose table row names a simple diff class. */
const TABLE_DIFFERS = Object.fromEntries(
  rowsOf(REALM_FIELDS).flatMap(([field, row]) => {
    const differ = differFor(row);
    return differ ? [[field, differ]] : [];
  }),
) as Omit<DiffTable<RealmFieldValues>, RealmCustomDiffField>;

/** Realm fields whose table row says `custom`: the type checker wants one differ for each. */
const CUSTOM_DIFFERS: Pick<DiffTable<RealmFieldValues>, RealmCustomDiffField> = {
  sslRequired: ranked([['none'], ['external'], ['all']], 'HTTPS required for fewer requests (RFC 9700 §2.6)'),
  passwordPolicy,
  defaultSignatureAlgorithm: ranked(
    SIGNATURE_ALGORITHM_ORDER,
    'weaker token signature algorithm (RFC 8725 §3.1, FAPI 2.0)',
  ),
  browserSecurityHeaders: mapOf(securityHeader),
  enabledEventTypes: setOf({
    added: (type) => strengthens(`${type} events recorded`),
    removed: (type) => weakens(`${type} events no longer recorded`),
  }),
  eventsListeners: setOf({
    added: () => neutralVerdict('event listener added'),
    removed: (listener) => weakens(`events no longer sent to ${listener}`),
  }),
};

export const REALM_TABLE: DiffTable<RealmSettings> = {
  realm: ignored,
  // Which Keycloak wrote an export is not a setting; what it changes shows in the findings' diff.
  keycloakVersion: ignored,
  ...TABLE_DIFFERS,
  ...CUSTOM_DIFFERS,

  keyProviders: KEY_PROVIDERS,
  compromisedKeys: setOf({
    added: () => strengthens('key declared compromised: it must never sign or verify again'),
    removed: () => weakens('key no longer declared compromised: it may come back'),
  }),

  clients: CLIENTS,
  clientPolicies: CLIENT_POLICIES,
  clientProfiles: setOf({
    added: () => neutralVerdict('client profile defined (policies decide where it applies)'),
    removed: () => neutralVerdict('client profile definition removed'),
  }),
  tokenVersionClaim,

  // Issue 14's entities (absent on a side: that source does not say, nothing is compared).
  identityProviders: IDENTITY_PROVIDERS,
  clientScopes: CLIENT_SCOPES,
  access: ACCESS,
  authentication: AUTHENTICATION,
  userProfile: knownPart(USER_PROFILE_TABLE),
};
