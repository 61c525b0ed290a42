/**
 * Reads a realm back through the admin API and checks that Keycloak holds every setting the
 * baseline declares: realm fields, events, clients and their attributes, key providers and
 * their status in GET /keys, the token-version mappers, the client policies.
 */
import { expect } from 'vitest';
import { planBaseline } from '../../../components/hardened-realm-from-baseline.ts';
import { ANY_CLIENT_CONDITION, canonicalPasswordPolicy } from '../../../model/provider-dialect.ts';
import type { AnyFieldRow } from '../../../model/fields/field-row.ts';
import { REALM_FIELDS, type RealmFieldName } from '../../../model/fields/realm.ts';
import type { LoadedRealm } from '../../../model/realm-settings.ts';
import { adminClient } from '../../support/keycloak.ts';

const providerPath = (field: RealmFieldName): readonly string[] =>
  (REALM_FIELDS[field] as AnyFieldRow).provider?.path ?? [];
const fieldNames = Object.keys(REALM_FIELDS) as RealmFieldName[];

/**
 * Realm fields keycloak.Realm sets one argument each, and Keycloak reports under the model's name
 * (the realm field table's provider column), plus bruteForceProtected, which the presence of the
 * bruteForceDetection block sets.
 */
const REALM_ARG_FIELDS: readonly RealmFieldName[] = [
  ...fieldNames.filter((field) => {
    const provider = (REALM_FIELDS[field] as AnyFieldRow).provider;
    return provider?.resource === 'keycloak.Realm' && provider.path.length === 1 && provider.conversion !== 'custom';
  }),
  'bruteForceProtected',
];

/** Fields set inside the provider's bruteForceDetection block. */
const BRUTE_FORCE_FIELDS: readonly RealmFieldName[] = fieldNames.filter(
  (field) => providerPath(field)[1] === 'bruteForceDetection' && providerPath(field).length === 3,
);

export async function expectKeycloakHolds(baseline: LoadedRealm): Promise<void> {
  const { settings } = baseline;
  const admin = await adminClient();
  const realm = settings.realm;

  const live = await admin.realms.findOne({ realm });
  expect(live, `realm ${realm}`).toBeTruthy();
  const liveRecord = live as unknown as Record<string, unknown>;
  for (const field of REALM_ARG_FIELDS) expect(liveRecord[field], field).toEqual(settings[field]);
  if (settings.bruteForceProtected)
    for (const field of BRUTE_FORCE_FIELDS) expect(liveRecord[field], field).toEqual(settings[field]);
  expect(live?.passwordPolicy ?? '').toBe(canonicalPasswordPolicy(settings.passwordPolicy));
  expect(live?.browserSecurityHeaders).toMatchObject(settings.browserSecurityHeaders);

  const events = await admin.realms.getConfigEvents({ realm });
  expect(events).toMatchObject({
    eventsEnabled: settings.eventsEnabled,
    eventsExpiration: settings.eventsExpiration,
    adminEventsEnabled: settings.adminEventsEnabled,
    adminEventsDetailsEnabled: settings.adminEventsDetailsEnabled,
  });
  expect([...(events.enabledEventTypes ?? [])].sort()).toEqual([...settings.enabledEventTypes].sort());
  expect([...(events.eventsListeners ?? [])].sort()).toEqual([...settings.eventsListeners].sort());

  for (const client of settings.clients) {
    const [liveClient] = await admin.clients.find({ realm, clientId: client.clientId });
    expect(liveClient, `client ${client.clientId}`).toBeTruthy();
    expect(liveClient).toMatchObject({
      enabled: client.enabled,
      publicClient: client.publicClient,
      bearerOnly: client.bearerOnly,
      standardFlowEnabled: client.standardFlowEnabled,
      implicitFlowEnabled: client.implicitFlowEnabled,
      directAccessGrantsEnabled: client.directAccessGrantsEnabled,
      serviceAccountsEnabled: client.serviceAccountsEnabled,
      fullScopeAllowed: client.fullScopeAllowed,
    });
    if (!client.publicClient)
      expect(liveClient?.clientAuthenticatorType, `${client.clientId} authenticator`).toBe(
        client.clientAuthenticatorType,
      );
    if (client.standardFlowEnabled || client.implicitFlowEnabled)
      expect([...(liveClient?.redirectUris ?? [])].sort()).toEqual([...client.redirectUris].sort());
    expect([...(liveClient?.webOrigins ?? [])].sort()).toEqual([...client.webOrigins].sort());
    const attributes = (liveClient?.attributes ?? {}) as Record<string, string>;
    for (const [key, value] of Object.entries(client.attributes)) {
      if (key === 'post.logout.redirect.uris') {
        // The provider keeps these as a set: compare without order.
        expect((attributes[key] ?? '').split('##').sort(), `${client.clientId} ${key}`).toEqual(
          value.split('##').sort(),
        );
      } else if (value === 'false' && attributes[key] === undefined) {
        // The provider leaves a false flag out; Keycloak reads a missing flag as false.
      } else {
        expect(attributes[key], `${client.clientId} attribute ${key}`).toBe(value);
      }
    }
  }

  const plan = planBaseline(baseline);
  const components = await admin.components.find({ realm, type: 'org.keycloak.keys.KeyProvider' });
  const keys = (await admin.realms.getKeys({ realm })).keys ?? [];
  for (const key of plan.keys) {
    const component = components.find((candidate) => candidate.name === key.name);
    if (key.state === 'retired') {
      expect(component, `retired key ${key.name}`).toBeUndefined();
      continue;
    }
    expect(component, `key ${key.name}`).toBeTruthy();
    expect(component?.providerId).toBe(key.providerId);
    expect(component?.config?.active?.[0], `${key.name} active`).toBe(String(key.state === 'active'));
    const status = keys.filter((entry) => entry.providerId === component?.id).map((entry) => entry.status);
    expect(status, `${key.name} in GET /keys`).toContain(key.state === 'active' ? 'ACTIVE' : 'PASSIVE');
    if (key.algorithm) expect(keys.find((entry) => entry.providerId === component?.id)?.algorithm).toBe(key.algorithm);
  }
  for (const name of plan.keysLeftToKeycloak) {
    expect(
      components.some((candidate) => candidate.name === name),
      `Keycloak's own key ${name}`,
    ).toBe(true);
  }

  const claim = settings.tokenVersionClaim;
  if (claim) {
    const targets = claim.clients.includes('*') ? settings.clients.map((client) => client.clientId) : claim.clients;
    for (const clientId of targets) {
      const [liveClient] = await admin.clients.find({ realm, clientId });
      const mappers = await admin.clients.listProtocolMappers({ realm, id: liveClient?.id ?? '' });
      expect(
        mappers.some(
          (mapper) =>
            mapper.protocolMapper === 'oidc-usermodel-attribute-mapper' &&
            mapper.config?.['user.attribute'] === claim.attribute &&
            mapper.config['claim.name'] === claim.claim &&
            mapper.config['access.token.claim'] === 'true',
        ),
        `token-version mapper on ${clientId}`,
      ).toBe(true);
    }
  }

  const livePolicies = await readClientPolicies(realm);
  expect(livePolicies.map((policy) => policy.name).sort(), 'client policies').toEqual(
    settings.clientPolicies.map((policy) => policy.name).sort(),
  );
  for (const policy of settings.clientPolicies) {
    const live = livePolicies.find((candidate) => candidate.name === policy.name);
    expect(live?.enabled, `client policy ${policy.name} enabled`).toBe(policy.enabled);
    expect([...(live?.profiles ?? [])].sort(), `client policy ${policy.name} profiles`).toEqual(
      [...policy.profiles].sort(),
    );
    expect(
      live?.conditions.map((condition) => condition.condition),
      `client policy ${policy.name} conditions`,
    ).toEqual([ANY_CLIENT_CONDITION]);
  }
}

export interface LiveClientPolicy {
  name: string;
  enabled: boolean;
  profiles: string[];
  conditions: { condition: string }[];
}

/** The realm's own client policies (GET /admin/realms/{realm}/client-policies/policies, global ones left out). */
export async function readClientPolicies(realm: string): Promise<LiveClientPolicy[]> {
  const admin = await adminClient();
  const answer = await admin.clientPolicies.listPolicies({ realm, includeGlobalPolicies: false });
  return (answer.policies ?? []).map((policy) => ({
    name: policy.name ?? '',
    enabled: policy.enabled ?? false,
    profiles: [...(policy.profiles ?? [])],
    conditions: (policy.conditions ?? []).map((condition) => ({ condition: condition.condition ?? '' })),
  }));
}
