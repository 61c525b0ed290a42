/**
 * Builds RealmSettings from Pulumi resource inputs, through the provider dialect (the one
 * mapping between provider inputs and the model; model/provider-dialect.ts). Fields no
 * resource declares take Keycloak's defaults, as they would on the server — the keys too: every
 * realm the provider creates holds Keycloak's own keys, which the stack cannot remove.
 */
import { clientDefaults, realmDefaults } from '../../model/keycloak-defaults.ts';
import { KEYCLOAK_BUILT_IN_KEYS } from '../../model/keycloak-keys.ts';
import { roleKey, scopeMappingKey, type RoleRef, type ScopeMappingSettings } from '../../model/entities/access.ts';
import {
  clientPolicySettingsFromInputs,
  clientSettingsFromInputs,
  eventSettingsFromInputs,
  identityProviderSettingsFromInputs,
  KEY_PROVIDER_RESOURCE_TYPES,
  keyProviderSettingsFromInputs,
  samlClientSettingsFromInputs,
  settingsFromRealmInputs,
} from '../../model/provider-dialect.ts';
import { assembleAuthentication } from './assemble-authentication.ts';
import { attachIdentityProviderMappers } from './assemble-identity-provider-mappers.ts';
import { assembleUserProfile } from './assemble-user-profile.ts';
import { isOpenObject, openStringMap } from './unknowns.ts';
import { assembleAccess } from './assemble-access.ts';
import { assembleClientScopes } from './assemble-client-scopes.ts';
import { PathOwners } from './path-owners.ts';
import { StackReferences } from './references.ts';
import type {
  ClientPolicySettings,
  ClientSettings,
  FieldPath,
  IdentityProviderSettings,
  KeyProviderSettings,
  RealmSettings,
} from '../../model/realm-settings.ts';

export const REALM_TYPE = 'keycloak:index/realm:Realm';
export const REALM_EVENTS_TYPE = 'keycloak:index/realmEvents:RealmEvents';
export const OPENID_CLIENT_TYPE = 'keycloak:openid/client:Client';
export const SAML_CLIENT_TYPE = 'keycloak:saml/client:Client';
export const CLIENT_POLICY_TYPE = 'keycloak:index/realmClientPolicyProfilePolicy:RealmClientPolicyProfilePolicy';
export const KEY_PROVIDER_TYPES: readonly string[] = Object.values(KEY_PROVIDER_RESOURCE_TYPES);
/**
 * Identity provider resource types and the protocol each declares. Their mappers are resources of
 * their own (assemble-identity-provider-mappers.ts).
 */
const IDENTITY_PROVIDER_PROTOCOLS: Readonly<Record<string, 'oidc' | 'saml'>> = {
  'keycloak:oidc/identityProvider:IdentityProvider': 'oidc',
  'keycloak:saml/identityProvider:IdentityProvider': 'saml',
};
export const IDENTITY_PROVIDER_TYPES: readonly string[] = Object.keys(IDENTITY_PROVIDER_PROTOCOLS);

/** Event fields come from RealmEvents, not from Realm. */
const EVENT_FIELDS = new Set([
  'eventsEnabled',
  'eventsExpiration',
  'enabledEventTypes',
  'eventsListeners',
  'adminEventsEnabled',
  'adminEventsDetailsEnabled',
]);

export interface PackResource {
  type: string;
  urn: string;
  name: string;
  /** Plain inputs (unknowns already replaced by a stand-in). */
  props: Record<string, unknown>;
  /** Input → URNs of the resources it was computed from (how ids are resolved: policies/pack/references.ts). */
  propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface AssembledRealm {
  settings: RealmSettings;
  /** The URN of the first resource assembled: the source the findings name. */
  origin: string;
  /** The URN of the resource that declares the field at `path`. */
  ownerOf(path: FieldPath): string | undefined;
  /** True when `path` is about one of Keycloak's own keys, which no resource of the stack declares. */
  isKeycloakOwnKey(path: FieldPath): boolean;
}

/** Input keys that name things: an unknown one gets the resource name as a stand-in. */
export function identityStandIns(resource: { type: string; name: string }): Record<string, string> {
  if (resource.type === REALM_TYPE) return { realm: resource.name };
  if (resource.type === OPENID_CLIENT_TYPE || resource.type === SAML_CLIENT_TYPE)
    return { clientId: resource.name, realmId: 'unknown-realm' };
  if (IDENTITY_PROVIDER_TYPES.includes(resource.type)) return { alias: resource.name, realm: 'unknown-realm' };
  return { name: resource.name, realmId: 'unknown-realm' };
}

export function assembleRealm(
  resources: readonly PackResource[],
  compromisedKeys: readonly string[] = [],
): AssembledRealm {
  const settings: RealmSettings = {
    realm: 'realm',
    ...realmDefaults(),
    keyProviders: KEYCLOAK_BUILT_IN_KEYS.map((key) => ({ ...key })),
    compromisedKeys: [...compromisedKeys],
    clients: [],
    clientPolicies: [],
    clientProfiles: [],
    // The stack is the source: an identity provider it does not declare is not there.
    identityProviders: [],
  };
  let realmUrn: string | undefined;
  let eventsUrn: string | undefined;
  const entityUrns = new Map<string, string>();

  for (const resource of resources) {
    const { type, props } = resource;
    if (type === REALM_TYPE) {
      Object.assign(settings, definedOnly(settingsFromRealmInputs(props)));
      realmUrn = resource.urn;
    } else if (type === REALM_EVENTS_TYPE) {
      Object.assign(settings, definedOnly(eventSettingsFromInputs(props)));
      eventsUrn = resource.urn;
    } else if (type === OPENID_CLIENT_TYPE || type === SAML_CLIENT_TYPE) {
      const declared =
        type === SAML_CLIENT_TYPE ? samlClientSettingsFromInputs(props) : clientSettingsFromInputs(props);
      const client: ClientSettings = { clientId: resource.name, ...clientDefaults(), ...definedOnly(declared) };
      // A SAML client's extraConfig unknown until apply may hold any attribute: read it so that no rule judges one.
      if (type === SAML_CLIENT_TYPE && isOpenObject(props.extraConfig))
        client.attributes = openStringMap(client.attributes);
      settings.clients.push(client);
      entityUrns.set(`clients/${client.clientId}`, resource.urn);
    } else if (KEY_PROVIDER_TYPES.includes(type)) {
      const declared = keyProviderSettingsFromInputs(type, props);
      if (!declared) continue;
      const key: KeyProviderSettings = {
        name: resource.name,
        priority: 0,
        enabled: true,
        active: true,
        providerId: type,
        ...definedOnly(declared),
      };
      settings.keyProviders.push(key);
      entityUrns.set(`keyProviders/${key.name}`, resource.urn);
    } else if (IDENTITY_PROVIDER_TYPES.includes(type)) {
      const declared = identityProviderSettingsFromInputs(IDENTITY_PROVIDER_PROTOCOLS[type] ?? 'oidc', props);
      const idp: IdentityProviderSettings = {
        alias: resource.name,
        providerId: 'oidc',
        enabled: true,
        trustEmail: false,
        linkOnly: false,
        config: {},
        mappers: [],
        ...definedOnly(declared),
      };
      if (isOpenObject(props.extraConfig)) idp.config = openStringMap(idp.config);
      settings.identityProviders?.push(idp);
      entityUrns.set(`identityProviders/${idp.alias}`, resource.urn);
    } else if (type === CLIENT_POLICY_TYPE) {
      // Through the dialect, with its conditions: a policy that selects no client binds none.
      const policy: ClientPolicySettings = {
        name: resource.name,
        enabled: true,
        profiles: [],
        ...definedOnly(clientPolicySettingsFromInputs(props)),
      };
      settings.clientPolicies.push(policy);
      entityUrns.set(`clientPolicies/${resource.name}`, resource.urn);
    }
  }

  // Roles, groups, client scopes and mappers refer to each other by id: assembled once every client is in.
  const nested = new PathOwners();
  const references = new StackReferences(resources);
  const clientScopes = assembleClientScopes(resources, settings, references, nested);
  if (clientScopes) settings.clientScopes = clientScopes;
  const access = assembleAccess(resources, settings, references, nested);
  if (access) settings.access = access;

  const realm = resources.find((resource) => resource.type === REALM_TYPE);
  const authentication = assembleAuthentication(resources, realm, references, nested);
  if (authentication) settings.authentication = authentication;
  settings.userProfile = assembleUserProfile(resources, nested);
  attachIdentityProviderMappers(resources, settings.identityProviders ?? [], nested);

  return {
    settings,
    origin: resources[0]?.urn ?? '',
    ownerOf(path) {
      const nestedOwner = nested.ownerOf(path);
      if (nestedOwner !== undefined) return nestedOwner;
      const [collection, id] = path;
      if (collection !== undefined && Object.hasOwn(DECLARED_ENTITY_IDS, collection) && id !== undefined)
        return entityUrns.get(`${collection}/${id}`);
      if (collection === 'clientPolicies')
        return [...entityUrns.entries()].find(([key]) => key.startsWith('clientPolicies/'))?.[1] ?? realmUrn;
      if (collection !== undefined && EVENT_FIELDS.has(collection)) return eventsUrn;
      return realmUrn;
    },
    isKeycloakOwnKey(path) {
      const [collection, id] = path;
      return collection === 'keyProviders' && id !== undefined && !entityUrns.has(`keyProviders/${id}`);
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}

/**
 * Top-level collections whose entities are each declared by a resource of their own (ownerOf finds
 * it by the path's second segment), and the field that names them.
 */
const DECLARED_ENTITY_IDS = { clients: 'clientId', keyProviders: 'name', identityProviders: 'alias' } as const;

/** How an entity of a collection is named in field paths. */
type EntityId = (item: unknown) => unknown;

const field =
  (key: string): EntityId =>
  (item) =>
    typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
const byRoleKey: EntityId = (item) =>
  typeof item === 'object' && item !== null ? roleKey(item as RoleRef) : undefined;
const itself: EntityId = (item) => item;

/** Each collection a path walks through by id, and how its entities are named there. */
const ENTITY_IDS: Readonly<Record<string, EntityId>> = {
  ...Object.fromEntries(Object.entries(DECLARED_ENTITY_IDS).map(([collection, key]) => [collection, field(key)])),
  mappers: field('name'),
  protocolMappers: field('name'),
  clientScopes: field('name'),
  flows: field('alias'),
  // The access part (model/entities/access.ts): roles wherever they are listed by roleKey, a
  // realm's groups by path and a service account's (path strings) by themselves.
  roles: byRoleKey,
  composites: byRoleKey,
  defaultRoles: byRoleKey,
  groups: (item) => (typeof item === 'string' ? item : field('path')(item)),
  serviceAccounts: field('clientId'),
  scopeMappings: (item) => scopeMappingKey(item as ScopeMappingSettings),
  defaultClientScopes: itself,
  optionalClientScopes: itself,
};

/**
 * The model value at a field path (entities of a collection looked up by their id). A flow runs
 * its sub-flows, so a finding about one stands on every flow: an unknown step anywhere changes it.
 */
export function valueAt(settings: RealmSettings, path: FieldPath): unknown {
  if (path[0] === 'authentication' && path[1] === 'flows') return settings.authentication?.flows;
  let current: unknown = settings;
  for (const [index, segment] of path.entries()) {
    const previous = path[index - 1];
    const idOf = previous !== undefined && Object.hasOwn(ENTITY_IDS, previous) ? ENTITY_IDS[previous] : undefined;
    if (Array.isArray(current) && idOf !== undefined) current = current.find((item) => idOf(item) === segment);
    else if (typeof current === 'object' && current !== null) current = (current as Record<string, unknown>)[segment];
    else return undefined;
  }
  return current;
}
