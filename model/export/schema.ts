/**
 * The part of Keycloak's RealmRepresentation (realm export, admin API, keycloak-config-cli) that
 * the model reads, with its types. Objects stay open: exports carry many more fields, and newer
 * Keycloak versions add some, so unknown keys are fine here; wrong types are not.
 */
import { Optional as Opt, Type, type Static, type TSchema, type TString } from '@sinclair/typebox';
import { rowsOf, type FieldKind } from '../fields/field-row.ts';
import { REALM_FIELDS, type RealmFieldName, type RealmFieldTable } from '../fields/realm.ts';
import { clientPolicyRows, type ClientPolicyFieldName, type ClientPolicyFieldTable } from '../fields/client-policy.ts';
import {
  AttributeValue,
  CLIENT_ENTITY_PROPERTIES,
  ClientScopeSchema,
  REALM_ENTITY_PROPERTIES,
  USER_PROFILE_COMPONENT_TYPE,
  UserProfileComponentSchema,
} from './entities-schema.ts';

const Int = () => Opt(Type.Integer());
const Bool = () => Opt(Type.Boolean());
const Strings = () => Opt(Type.Array(Type.String()));
export const ClientRepresentationSchema = Type.Object({
  clientId: Type.String({ minLength: 1 }),
  id: Opt(Type.String()),
  name: Opt(Type.String()),
  protocol: Opt(Type.String()),
  enabled: Bool(),
  publicClient: Bool(),
  bearerOnly: Bool(),
  standardFlowEnabled: Bool(),
  implicitFlowEnabled: Bool(),
  directAccessGrantsEnabled: Bool(),
  serviceAccountsEnabled: Bool(),
  redirectUris: Strings(),
  webOrigins: Strings(),
  clientAuthenticatorType: Opt(Type.String()),
  fullScopeAllowed: Bool(),
  defaultClientScopes: Strings(),
  optionalClientScopes: Strings(),
  attributes: Opt(Type.Record(Type.String(), AttributeValue)),
  notBefore: Int(),
  ...CLIENT_ENTITY_PROPERTIES,
});

export const ComponentSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  providerId: Type.String({ minLength: 1 }),
  id: Opt(Type.String()),
  config: Opt(Type.Record(Type.String(), Type.Array(Type.String()))),
});

export const KEY_PROVIDER_COMPONENT_TYPE = 'org.keycloak.keys.KeyProvider';

/** The representation's schema for a field of each kind (an integer for every number: Keycloak's are Java ints/longs). */
const REPRESENTATION_SCHEMA = {
  seconds: Int,
  milliseconds: Int,
  count: Int,
  timestamp: Int,
  boolean: Bool,
  text: () => Opt(Type.String()),
  ssl: () => Opt(Type.Unsafe<string>({ type: 'string', enum: ['all', 'external', 'none', 'ALL', 'EXTERNAL', 'NONE'] })),
  'text-list': Strings,
  'text-map': () => Opt(Type.Record(Type.String(), Type.String())),
} as const satisfies Record<FieldKind, () => TSchema>;

type RepresentationSchemaOf<K extends FieldKind> = ReturnType<(typeof REPRESENTATION_SCHEMA)[K]>;

/** The realm field table's representation keys, each with its kind's schema. */
type RealmFieldProperties = {
  [F in RealmFieldName as RealmFieldTable[F]['representation']['key']]: RepresentationSchemaOf<
    RealmFieldTable[F]['kind']
  >;
};

const realmFieldProperties = Object.fromEntries(
  rowsOf(REALM_FIELDS).map(([, row]) => [row.representation.key, REPRESENTATION_SCHEMA[row.kind]()]),
) as RealmFieldProperties;

/** A ClientPolicyRepresentation: the client policy table's representation keys, each with its kind's schema. */
type ClientPolicyProperties = {
  [
    F in ClientPolicyFieldName as ClientPolicyFieldTable[F]['representation']['key']
  ]: ClientPolicyFieldTable[F]['representation'] extends {
    required: true;
  }
    ? TString
    : RepresentationSchemaOf<ClientPolicyFieldTable[F]['kind']>;
};

export const ClientPolicyRepresentationSchema = Type.Object(
  Object.fromEntries(
    clientPolicyRows().map(([, row]) => [
      row.representation.key,
      row.representation.required ? Type.String({ minLength: 1 }) : REPRESENTATION_SCHEMA[row.kind](),
    ]),
  ) as ClientPolicyProperties,
);

export const RealmRepresentationSchema = Type.Object({
  realm: Type.String({ minLength: 1 }),
  id: Opt(Type.String()),
  // Which Keycloak wrote the export: the redirect rule follows its matching (not a setting).
  keycloakVersion: Opt(Type.String()),
  ...realmFieldProperties,
  clients: Opt(Type.Array(ClientRepresentationSchema)),
  components: Opt(
    Type.Object({
      [KEY_PROVIDER_COMPONENT_TYPE]: Opt(Type.Array(ComponentSchema)),
      [USER_PROFILE_COMPONENT_TYPE]: Opt(Type.Array(UserProfileComponentSchema)),
    }),
  ),
  clientPolicies: Opt(
    Type.Object({
      policies: Opt(Type.Array(ClientPolicyRepresentationSchema)),
    }),
  ),
  clientProfiles: Opt(Type.Object({ profiles: Opt(Type.Array(Type.Object({ name: Type.String({ minLength: 1 }) }))) })),
  clientScopes: Opt(Type.Array(ClientScopeSchema)),
  defaultDefaultClientScopes: Strings(),
  ...REALM_ENTITY_PROPERTIES,
});

export type RealmRepresentation = Static<typeof RealmRepresentationSchema>;
export type ClientRepresentation = Static<typeof ClientRepresentationSchema>;
export type ComponentRepresentation = Static<typeof ComponentSchema>;
