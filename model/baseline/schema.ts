/**
 * The baseline YAML format, written once: TypeBox builds the JSON Schema ajv checks against, and
 * `Static<typeof BaselineSchema>` is the TypeScript type the adapter reads. Every object is
 * closed (`additionalProperties: false`) so a typo is an error with "did you mean", not a
 * silently ignored setting. docs/baseline-format.md documents each key.
 */
import { Optional as Opt, Type, type Static, type TOptional, type TSchema } from '@sinclair/typebox';
import { rowsOf, type AnyFieldRow, type FieldKind } from '../fields/field-row.ts';
import { REALM_FIELDS, type RealmBaselineFieldIn, type RealmFieldName, type RealmFieldTable } from '../fields/realm.ts';
import type { SslRequired } from '../realm-settings.ts';
import { KEYCLOAK_EVENT_TYPES } from '../keycloak-catalog.ts';
import { KEY_PROVIDER_FIELDS } from '../fields/key-provider.ts';
import { CLIENT_POLICY_FIELDS } from '../fields/client-policy.ts';
import { itemSchema } from './entity-item-schema.ts';
import { Bool, Closed, Duration, StringEnum, Text, TextList } from './schema-parts.ts';
import { BASELINE_ENTITY_PROPERTIES, BASELINE_ONLY_ENTITY_KEYS } from './entities-schema.ts';
import { ClientSchema } from './client-schema.ts';

export { ClientFlowsSchema, ClientLifespansSchema, ClientSchema } from './client-schema.ts';

/** The baseline schema of a realm field of each kind (the row's doc is its description). */
const BASELINE_SCHEMA = {
  seconds: (row: AnyFieldRow) => Duration(row.doc),
  milliseconds: (row: AnyFieldRow) => Type.Integer({ minimum: row.baseline?.minimum ?? 0, description: row.doc }),
  count: (row: AnyFieldRow) => Type.Integer({ minimum: row.baseline?.minimum ?? 0, description: row.doc }),
  timestamp: (row: AnyFieldRow) => Type.Integer({ minimum: 0, description: row.doc }),
  boolean: (row: AnyFieldRow) => Bool(row.doc),
  text: (row: AnyFieldRow) => (row.baseline?.oneOf ? StringEnum(row.baseline.oneOf, row.doc) : Text(row.doc)),
  ssl: (row: AnyFieldRow) => StringEnum<SslRequired>(['all', 'external', 'none'], row.doc),
  'text-list': (row: AnyFieldRow) => TextList(row.doc),
  'text-map': (row: AnyFieldRow) => Type.Record(Type.String(), Type.String(), { description: row.doc }),
} as const satisfies Record<FieldKind, (row: AnyFieldRow) => TSchema>;

type BaselineSchemaOfKind = { [K in FieldKind]: ReturnType<(typeof BASELINE_SCHEMA)[K]> };
type LastKey<Path> = Path extends readonly [...string[], infer Key extends string] ? Key : never;
type BaselinePathOf<F extends RealmFieldName> = RealmFieldTable[F] extends { baseline: { path: infer Path } }
  ? Path
  : never;

/** The optional keys a baseline section holds, one per realm field table row under it. */
type SectionProperties<Section extends readonly string[]> = {
  [F in RealmBaselineFieldIn<Section> as LastKey<BaselinePathOf<F>>]: TOptional<
    BaselineSchemaOfKind[RealmFieldTable[F]['kind']]
  >;
};

function sectionProperties<const Section extends readonly string[]>(section: Section): SectionProperties<Section> {
  const inSection = (path: readonly string[]) =>
    path.length === section.length + 1 && section.every((key, index) => path[index] === key);
  return Object.fromEntries(
    rowsOf(REALM_FIELDS).flatMap(([, row]) =>
      row.baseline && !row.baseline.custom && inSection(row.baseline.path)
        ? [[row.baseline.path.at(-1), Opt(BASELINE_SCHEMA[row.kind](row))]]
        : [],
    ),
  ) as SectionProperties<Section>;
}

export const TokensSchema = Closed(sectionProperties(['tokens']));

export const SessionsSchema = Closed(sectionProperties(['sessions']));

export const BruteForceSchema = Closed(sectionProperties(['security', 'bruteForce']));

export const OtpSchema = Closed(sectionProperties(['security', 'otp']));

export const SecuritySchema = Closed({
  ...sectionProperties(['security']),
  bruteForce: Opt(BruteForceSchema),
  otp: Opt(OtpSchema),
  passwordPolicy: Opt(
    Type.Array(
      Type.String({
        minLength: 1,
        pattern: '^[A-Za-z][A-Za-z0-9]*(\\(.*\\))?$',
        description: 'one Keycloak policy per item, e.g. length(12) or notUsername',
      }),
      {
        description: "Keycloak password policies, one per item, e.g. ['length(12)', 'notUsername()']",
      },
    ),
  ),
  browserSecurityHeaders: Opt(
    Closed(
      {
        contentSecurityPolicy: Opt(Type.String()),
        contentSecurityPolicyReportOnly: Opt(Type.String()),
        xContentTypeOptions: Opt(Type.String()),
        xRobotsTag: Opt(Type.String()),
        xFrameOptions: Opt(Type.String()),
        strictTransportSecurity: Opt(Type.String()),
        referrerPolicy: Opt(Type.String()),
      },
      'Response headers Keycloak sets on its pages; unset ones keep the profile value.',
    ),
  ),
});

export const EventsSchema = Closed({
  ...sectionProperties(['events']),
  types: Opt(
    Type.Array(StringEnum(KEYCLOAK_EVENT_TYPES, 'a Keycloak event type'), {
      uniqueItems: true,
      description: 'User event types saved (enabledEventTypes).',
    }),
  ),
  listeners: Opt(TextList('Event listeners (eventsListeners); jboss-logging is kept unless jbossLogging is false.')),
  jbossLogging: Opt(Bool('Keep the jboss-logging listener (default true).')),
});

/** A `keys.providers` item: the key provider table's baseline column. */
export const KeyProviderSchema = itemSchema(KEY_PROVIDER_FIELDS);

export const KeysSchema = Closed({
  providers: Opt(Type.Array(KeyProviderSchema, { description: 'The realm key providers and their lifecycle state.' })),
  compromised: Opt(TextList('Key ids (kid) or provider names that must never be active or passive again.')),
});

/** A `clientPolicies` item: the client policy table's baseline column. */
export const ClientPolicySchema = itemSchema(CLIENT_POLICY_FIELDS);

export const TokenVersionClaimSchema = Closed({
  attribute: Opt(Text('User attribute holding the token version (default token_version).')),
  claim: Opt(Text('Access-token claim name (default token_version).')),
  clients: Opt(TextList("clientIds that carry the claim; ['*'] (default) for every client.")),
});

export const BaselineSchema = Closed({
  realm: Type.String({ minLength: 1, pattern: '^[^/\\\\#%?]+$', description: 'the realm name, without / \\ # % ?' }),
  profile: Opt(StringEnum(['baseline', 'strict'] as const, 'which profile fills what the file leaves out')),
  ...sectionProperties([]),
  tokens: Opt(TokensSchema),
  sessions: Opt(SessionsSchema),
  security: Opt(SecuritySchema),
  events: Opt(EventsSchema),
  keys: Opt(KeysSchema),
  clients: Opt(Type.Array(ClientSchema)),
  clientPolicies: Opt(Type.Array(ClientPolicySchema)),
  tokenVersionClaim: Opt(TokenVersionClaimSchema),
  ...BASELINE_ENTITY_PROPERTIES,
});

export type BaselineDocument = Static<typeof BaselineSchema>;
export type BaselineClient = Static<typeof ClientSchema>;
export type BaselineKeyProvider = Static<typeof KeyProviderSchema>;
export type BaselineClientPolicy = Static<typeof ClientPolicySchema>;

/** Top-level keys only a baseline has (a realm export never does): used to tell the two apart. */
export const BASELINE_ONLY_KEYS: readonly string[] = [
  'profile',
  'tokens',
  'sessions',
  'security',
  'events',
  'keys',
  'tokenVersionClaim',
  ...BASELINE_ONLY_ENTITY_KEYS,
];
export const BASELINE_KEYS: readonly string[] = Object.keys(BaselineSchema.properties);
