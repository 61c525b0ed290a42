/**
 * The live reader's entity reads on the real Keycloak: a realm built through the admin API with
 * OIDC and SAML identity providers (with a mapper), a SAML client, composite realm and client
 * roles, nested groups, a service account with roles, client scopes with mappers and a scope
 * mapping, a custom browser flow and a changed user profile (test/fixtures/exports/full-realm.ts)
 * reads back into the same representation parts as the server's own partial export; an account
 * holding only the four view roles reads all of it, and lacking any one of them is refused with
 * that role named; the number of requests does not grow with the clients. Clients' own scope
 * mappings are read only when asked (audit --scope-mappings), one request per client with full
 * scope off, and then equal the export's for those clients.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { IncidentHttp } from '../../../keycloak/core.ts';
import { liveSource } from '../../../keycloak/live-source.ts';
import { assembleRepresentation, readLiveAnswers, readLiveRealm, type LiveReadOptions } from '../../../model/live.ts';
import { PAGE_SIZE, RealmReads, type LiveRead, type LiveRole, type LiveSource } from '../../../model/live/reads.ts';
import { loadRealmText } from '../../../model/load.ts';
import { runRules } from '../../../policies/run.ts';
import { createFullRealm } from '../../fixtures/exports/full-realm.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { adminClient, createLoginUser, keycloak, uniqueRealmName } from '../../support/keycloak.ts';
import { comparableParts, HIDDEN_FLOW } from './comparable-model.ts';
import { exportedParts, reachableClientRoles, type Parts } from './live-entities-parts.ts';

const VIEW_ROLES: readonly LiveRole[] = ['view-realm', 'view-clients', 'view-users', 'view-identity-providers'];

let admin: KcAdminClient;
const realm = uniqueRealmName('live-entities');

/** The clients' own scope mappings this file adds: one on a client with full scope off, one on a client with full scope on. */
const NARROW_CLIENT = 'orders-service';
const FULL_SCOPE_CLIENT = 'web-app';

async function addOwnScopeMappings(): Promise<void> {
  const [narrow] = await admin.clients.find({ realm, clientId: NARROW_CLIENT });
  const [full] = await admin.clients.find({ realm, clientId: FULL_SCOPE_CLIENT });
  const [management] = await admin.clients.find({ realm, clientId: 'realm-management' });
  expect([narrow?.fullScopeAllowed, full?.fullScopeAllowed]).toEqual([false, true]);
  const support = await admin.roles.findOneByName({ realm, name: 'support' });
  const manageUsers = await admin.clients.findRole({ realm, id: management!.id!, roleName: 'manage-users' });
  const supportRef = { id: support!.id!, name: 'support' };
  await admin.clients.addRealmScopeMappings({ realm, id: narrow!.id! }, [supportRef]);
  await admin.clients.addClientScopeMappings({ realm, id: narrow!.id!, client: management!.id! }, [
    { id: manageUsers!.id!, name: 'manage-users' },
  ]);
  await admin.clients.addRealmScopeMappings({ realm, id: full!.id! }, [supportRef]);
}

beforeAll(async () => {
  admin = await adminClient();
  await createFullRealm(admin, realm, 'weak');
  await addOwnScopeMappings();
}, 120_000);
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

async function liveParts(source: LiveSource, options: LiveReadOptions = {}): Promise<Parts> {
  return exportedParts(assembleRepresentation(await readLiveAnswers(new RealmReads(source, realm), options)));
}

const SCOPE_MAPPINGS: LiveReadOptions = { clientScopeMappings: true };

async function serverExport(): Promise<Record<string, unknown>> {
  return (await admin.realms.export({ realm, exportClients: true, exportGroupsAndRoles: true })) as Record<
    string,
    unknown
  >;
}

describe('live entities ≡ the server export', () => {
  let live: Parts;
  let exported: Parts;
  let exportedRaw: Record<string, unknown>;

  beforeAll(async () => {
    live = await liveParts(adminLiveSource(realm));
    exportedRaw = await serverExport();
    exported = exportedParts(exportedRaw);
  });

  it('identity providers and their mappers', () => {
    expect(live.identityProviders).toEqual(exported.identityProviders);
    expect(live.identityProviders.map((idp) => idp.providerId).sort()).toEqual(['oidc', 'saml']);
    expect(live.identityProviderMappers).toEqual(exported.identityProviderMappers);
    expect(live.identityProviderMappers).toHaveLength(1);
  });

  it('clients with their protocol mappers (the SAML client too) and client scopes with theirs', () => {
    expect(live.clients).toEqual(exported.clients);
    expect(live.clients.find((client) => client.protocol === 'saml')).toBeDefined();
    expect(live.clientScopes).toEqual(exported.clientScopes);
    expect(live.clientScopes.find((scope) => scope.name === 'customer')?.protocolMappers).toHaveLength(1);
  });

  it('realm roles with composites, and the client roles someone holds, with theirs', () => {
    expect(live.realmRoles).toEqual(exported.realmRoles);
    expect(live.realmRoles.find((role) => role.name === 'operator')?.composites).toEqual({
      client: { 'realm-management': ['realm-admin'] },
    });
    // Client roles nobody holds (directly or through a composite) are not read: see model/live/roles.ts.
    const held = reachableClientRoles(exportedRaw);
    expect(live.clientRoles).toEqual(exported.clientRoles.filter((role) => held.has(`${role.client}/${role.name}`)));
    expect(
      live.clientRoles.find((role) => role.name === 'realm-admin')?.composites?.client?.['realm-management'],
    ).toContain('manage-users');
    expect(live.clientRoles.find((role) => role.name === 'user-admin')).toBeDefined();
  });

  it('the group tree, every level, with each group’s own roles', () => {
    expect(live.groups).toEqual(exported.groups);
    expect(live.groups[0]?.subGroups[0]?.path).toBe('/staff/helpdesk');
  });

  it('service-account users with their roles and groups; client scopes’ scope mappings', () => {
    expect(live.serviceAccounts).toEqual(exported.serviceAccounts);
    expect(live.serviceAccounts).toEqual([
      {
        username: 'service-account-orders-service',
        serviceAccountClientId: 'orders-service',
        realmRoles: ['default-roles-' + realm],
        clientRoles: { 'realm-management': ['realm-admin'] },
        groups: [],
      },
    ]);
    // Clients' own scope mappings exist only per client in the admin API: not read (model/live/access.ts).
    expect(live.scopeMappings).toEqual(exported.scopeMappings.filter((mapping) => mapping.clientScope !== undefined));
    expect(live.scopeMappings).toContainEqual({ clientScope: 'customer', roles: ['support'] });
  });

  it('authentication flows with their executions, configs and the realm’s flow bindings', () => {
    // GET /authentication/flows leaves out the built-in 'saml ecp' flow (Keycloak hides it from the admin API).
    expect(exported.flows.map((flow) => flow.alias)).toContain(HIDDEN_FLOW);
    expect(live.flows).toEqual(exported.flows.filter((flow) => flow.alias !== HIDDEN_FLOW));
    expect(live.flows.find((flow) => flow.alias === 'browser-with-otp forms')?.executions).toContainEqual(
      'auth-otp-form DISABLED',
    );
    expect(live.configs).toEqual(exported.configs);
    expect(live.configs.length).toBeGreaterThan(0);
    expect(live.bindings).toEqual(exported.bindings);
  });

  it('the user profile in force', () => {
    expect(live.userProfile).toEqual(exported.userProfile);
    expect(live.userProfile?.unmanagedAttributePolicy).toBe('ENABLED');
  });

  it('the same model parts as the export, and no secret in them', async () => {
    const [fromExport] = loadRealmText(JSON.stringify(exportedRaw), `${realm}.json`);
    const fromLive = await readLiveRealm(adminLiveSource(realm), realm);
    expect(comparableParts(fromLive.settings, 'live')).toEqual(comparableParts(fromExport!.settings, 'export'));
    expect(JSON.stringify(fromLive.settings)).not.toContain('**********');
  });
});

describe("clients' own scope mappings, read when asked (audit --scope-mappings)", () => {
  it('equal the export’s for every client with full scope off; a full-scope client’s are not read', async () => {
    const raw = await serverExport();
    const exported = exportedParts(raw);
    const narrow = new Set(
      (raw.clients as Array<{ clientId: string; fullScopeAllowed?: boolean }>)
        .filter((client) => client.fullScopeAllowed === false)
        .map((client) => client.clientId),
    );
    const live = await liveParts(adminLiveSource(realm), SCOPE_MAPPINGS);
    expect(live.scopeMappings).toEqual(
      exported.scopeMappings.filter((mapping) => mapping.clientScope !== undefined || narrow.has(mapping.client!)),
    );
    expect(live.scopeMappings).toContainEqual({ client: NARROW_CLIENT, roles: ['support'] });
    expect(live.scopeMappings).toContainEqual({
      client: NARROW_CLIENT,
      owner: 'realm-management',
      roles: ['manage-users'],
    });
    // The export has the full-scope client's mapping; with full scope it changes nothing, and it is not read.
    expect(exported.scopeMappings).toContainEqual({ client: FULL_SCOPE_CLIENT, roles: ['support'] });
    expect(live.scopeMappings.filter((mapping) => mapping.client === FULL_SCOPE_CLIENT)).toEqual([]);
  });

  it('give the same model as the export, and the same sensitive-role-client findings as check on it', async () => {
    const raw = await serverExport();
    const [fromExport] = loadRealmText(JSON.stringify(raw), `${realm}.json`);
    const fromLive = await readLiveRealm(adminLiveSource(realm), realm, SCOPE_MAPPINGS);
    expect(comparableParts(fromLive.settings, 'live', SCOPE_MAPPINGS)).toEqual(
      comparableParts(fromExport!.settings, 'export', SCOPE_MAPPINGS),
    );
    const clientFindings = (loaded: NonNullable<typeof fromExport>) =>
      runRules([loaded])
        .findings.filter((finding) => finding.ruleId === 'sensitive-role-client')
        .map((finding) => finding.path.join('.'));
    const expected = `access.scopeMappings.client:${NARROW_CLIENT}.roles.realm-management/manage-users`;
    expect(clientFindings(fromExport!)).toContain(expected);
    expect(clientFindings(fromLive)).toEqual(clientFindings(fromExport!));
    // Without the option the reader does not see them, and the finding is not made.
    expect(clientFindings(await readLiveRealm(adminLiveSource(realm), realm))).not.toContain(expected);
  });
});

/** An account of the realm itself (its realm-management client) holding exactly `roles`. */
async function viewer(roles: readonly LiveRole[]): Promise<LiveSource> {
  const username = `viewer-${randomBytes(3).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  const id = await createLoginUser(admin, realm, username, password);
  const [management] = await admin.clients.find({ realm, clientId: 'realm-management' });
  const granted = (await admin.clients.listRoles({ realm, id: management!.id! })).filter((role) =>
    roles.includes(role.name as LiveRole),
  );
  expect(granted.map((role) => role.name).sort()).toEqual([...roles].sort());
  await admin.users.addClientRoleMappings({
    realm,
    id,
    clientUniqueId: management!.id!,
    roles: granted.map((role) => ({ id: role.id!, name: role.name! })),
  });
  const http = new IncidentHttp({
    url: keycloak().url,
    authRealm: realm,
    credentials: { grant: 'password', clientId: 'admin-cli', username, password },
  });
  return liveSource(http, realm);
}

describe('the view roles suffice, and each is needed', () => {
  it('an account with only view-realm, view-clients, view-users and view-identity-providers reads everything the admin reads', async () => {
    const source = await viewer(VIEW_ROLES);
    expect(await liveParts(source)).toEqual(await liveParts(adminLiveSource(realm)));
    // Clients' own scope mappings need view-clients too, nothing more.
    expect(await liveParts(source, SCOPE_MAPPINGS)).toEqual(await liveParts(adminLiveSource(realm), SCOPE_MAPPINGS));
  });

  it.each(VIEW_ROLES)('without %s the read is refused, naming that role', async (missing) => {
    const source = await viewer(VIEW_ROLES.filter((role) => role !== missing));
    await expect(readLiveRealm(source, realm)).rejects.toThrow(missing);
  });
});

describe('the server version (model/live/server-version.ts)', () => {
  it("a master-realm admin reads the server's version, as an export names it; a realm's own viewer does not", async () => {
    const fromAdmin = await readLiveRealm(adminLiveSource(realm), realm);
    expect(fromAdmin.settings.keycloakVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(fromAdmin.settings.keycloakVersion).toBe((await admin.serverInfo.find()).systemInfo?.version);
    // Keycloak 26.7.3 leaves systemInfo out of serverinfo for a non-master account: the version stays unknown.
    const fromViewer = await readLiveRealm(await viewer(VIEW_ROLES), realm);
    expect(fromViewer.settings.keycloakVersion).toBeUndefined();
  });
});

/** A source that counts the reads it passes on, by path template. */
function counting(source: LiveSource): { source: LiveSource; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  return {
    counts,
    source: {
      url: source.url,
      get(read: LiveRead) {
        counts.set(read.template, (counts.get(read.template) ?? 0) + 1);
        return source.get(read);
      },
    },
  };
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, count) => sum + count, 0);

describe('requests do not grow with the clients', () => {
  it(`${PAGE_SIZE} more clients (with protocol mappers) cost one more page of the client list, nothing else`, async () => {
    const before = counting(adminLiveSource(realm));
    await readLiveRealm(before.source, realm);
    const clientsBefore = (await admin.clients.find({ realm, max: 10_000 })).length;
    for (let index = 0; index < PAGE_SIZE; index++) {
      await admin.clients.create({
        realm,
        clientId: `bulk-${index}`,
        redirectUris: [`https://bulk-${index}.example.com/cb`],
        protocolMappers: [
          {
            name: 'customer-number',
            protocol: 'openid-connect',
            protocolMapper: 'oidc-usermodel-attribute-mapper',
            config: { 'user.attribute': 'customerNumber', 'claim.name': 'customer_number' },
          },
        ],
      });
    }
    const after = counting(adminLiveSource(realm));
    const model = await readLiveRealm(after.source, realm);
    expect(model.settings.clients).toHaveLength(clientsBefore + PAGE_SIZE);
    const pages = (clients: number) => Math.floor(clients / PAGE_SIZE) + 1;
    const clientList = '/admin/realms/{realm}/clients';
    expect(after.counts.get(clientList)).toBe(pages(clientsBefore + PAGE_SIZE));
    expect(before.counts.get(clientList)).toBe(pages(clientsBefore));
    expect(total(after.counts) - total(before.counts)).toBe(pages(clientsBefore + PAGE_SIZE) - pages(clientsBefore));
  }, 300_000);

  it('asked for clients’ own scope mappings: exactly one more request per client with full scope off, none for the rest', async () => {
    const plain = counting(adminLiveSource(realm));
    await readLiveRealm(plain.source, realm);
    const withMappings = counting(adminLiveSource(realm));
    await readLiveRealm(withMappings.source, realm, SCOPE_MAPPINGS);
    const clients = await admin.clients.find({ realm, max: 10_000 });
    const narrow = clients.filter((client) => client.fullScopeAllowed === false).length;
    // Clients with full scope (web-app, Keycloak's own, and any bulk client above) cost nothing.
    expect(clients.length).toBeGreaterThan(narrow);
    const perClient = '/admin/realms/{realm}/clients/{id}/scope-mappings';
    expect(plain.counts.get(perClient)).toBeUndefined();
    expect(withMappings.counts.get(perClient)).toBe(narrow);
    // Nothing else: the roles those mappings hold are no composites the reader has not already expanded.
    expect(total(withMappings.counts) - total(plain.counts)).toBe(narrow);
  }, 300_000);
});
