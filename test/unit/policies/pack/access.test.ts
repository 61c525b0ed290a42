/**
 * The access and client-scope parts in the CrossGuard pack, from plain resource lists: ids
 * resolved through property dependencies to the declaring resource, names read as names, an id
 * the stack does not declare left unjudged, and every violation on the resource that declares
 * what it is about. (test/pulumi/pack-access.test.ts shows the same under the real Pulumi CLI.)
 */
import type { StackValidationPolicy } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import {
  assembleRealm,
  OPENID_CLIENT_TYPE,
  REALM_TYPE,
  type PackResource,
} from '../../../../policies/pack/assemble.ts';
import {
  DEFAULT_ROLES_TYPE,
  GROUP_ROLES_TYPE,
  GROUP_TYPE,
  ROLE_TYPE,
  SERVICE_ACCOUNT_REALM_ROLE_TYPE,
  SERVICE_ACCOUNT_ROLE_TYPE,
} from '../../../../policies/pack/assemble-access.ts';
import { CLIENT_DEFAULT_SCOPES_TYPE, CLIENT_SCOPE_TYPE } from '../../../../policies/pack/assemble-client-scopes.ts';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import { packTarget } from '../../../../policies/pack/targets.ts';
import { allRules } from '../../../../policies/rules/index.ts';
import { NOW } from '../../../support/fixtures.ts';
import { UNKNOWN, urnOf, validateStack, type Resource } from './pack-args.ts';

const USER_ATTRIBUTE_MAPPER_TYPE = 'keycloak:openid/userAttributeProtocolMapper:UserAttributeProtocolMapper';
const HARDCODED_ROLE_MAPPER_TYPE = 'keycloak:openid/hardcodedRoleProtocolMapper:HardcodedRoleProtocolMapper';
const GENERIC_ROLE_MAPPER_TYPE = 'keycloak:index/genericRoleMapper:GenericRoleMapper';

const policies = buildPolicies(allRules, () => NOW);
const stackPolicy = (name: string) => policies.find((policy) => policy.name === name) as StackValidationPolicy;

/** Every id is unknown, as in a first preview: only the dependencies tell what it names. */
const realm: Resource = { type: REALM_TYPE, name: 'acme', props: { realm: 'acme' } };
const client = (clientId: string, props: Record<string, unknown> = {}): Resource => ({
  type: OPENID_CLIENT_TYPE,
  name: clientId,
  props: { realmId: UNKNOWN, clientId, accessType: 'CONFIDENTIAL', ...props },
});
/** A client role the policy config makes sensitive (Keycloak refuses changes to realm-management: a stack cannot declare it). */
const billing = client('billing', { accessType: 'BEARER-ONLY' });
const billingAdmin: Resource = {
  type: ROLE_TYPE,
  name: 'billing-admin',
  props: { realmId: UNKNOWN, clientId: UNKNOWN, name: 'admin' },
  dependsOn: { clientId: ['billing'] },
};
const CONFIG = { additionalSensitiveRoles: ['billing/admin'] };
const role = (name: string, composites: string[] = []): Resource => ({
  type: ROLE_TYPE,
  name,
  props: { realmId: UNKNOWN, name, compositeRoles: composites.map(() => UNKNOWN) },
  dependsOn: { compositeRoles: composites },
});
const group = (name: string, parent?: string): Resource => ({
  type: GROUP_TYPE,
  name,
  props: { realmId: UNKNOWN, name, ...(parent && { parentId: UNKNOWN }) },
  ...(parent && { dependsOn: { parentId: [parent] } }),
});
const groupRoles = (name: string, groupName: string, roles: string[], unresolvedIds = 0): Resource => ({
  type: GROUP_ROLES_TYPE,
  name,
  props: {
    realmId: UNKNOWN,
    groupId: UNKNOWN,
    roleIds: [...roles.map(() => UNKNOWN), ...Array.from({ length: unresolvedIds }, (_, i) => `0c1d-data-source-${i}`)],
  },
  dependsOn: { groupId: [groupName], roleIds: roles },
});
const worker = client('worker', { serviceAccountsEnabled: true });
const workerBillingAdmin: Resource = {
  type: SERVICE_ACCOUNT_ROLE_TYPE,
  name: 'worker-billing-admin',
  props: { realmId: UNKNOWN, serviceAccountUserId: UNKNOWN, clientId: UNKNOWN, role: 'admin' },
  dependsOn: { serviceAccountUserId: ['worker'], clientId: ['billing'] },
};
const defaultRoles = (names: string[]): Resource => ({
  type: DEFAULT_ROLES_TYPE,
  name: 'defaults',
  props: { realmId: UNKNOWN, defaultRoles: names },
});
const KEYCLOAK_DEFAULTS = ['offline_access', 'uma_authorization', 'account/view-profile', 'account/manage-account'];

/** The assembled realm of a list, as one stack policy would see it. */
function assembled(resources: Resource[]) {
  const urns = new Map(resources.map((resource) => [resource.name, urnOf(resource)]));
  const pack: PackResource[] = resources.map((resource) => ({
    type: resource.type,
    name: resource.name,
    urn: urnOf(resource),
    props: resource.props,
    propertyDependencies: Object.fromEntries(
      Object.entries(resource.dependsOn ?? {}).map(([property, names]) => [
        property,
        names.map((name) => urns.get(name)!),
      ]),
    ),
  }));
  return assembleRealm(pack);
}

describe('the access part from Pulumi resources', () => {
  it('resolves roles, composites, nested groups and their mappings through property dependencies', () => {
    const { settings } = assembled([
      realm,
      billing,
      billingAdmin,
      role('user-admin', ['billing-admin']),
      group('helpdesk'),
      group('tier2', 'helpdesk'),
      groupRoles('tier2-roles', 'tier2', ['user-admin']),
    ]);
    expect(settings.access?.roles).toEqual(
      expect.arrayContaining([
        { client: 'billing', name: 'admin', composites: [] },
        { name: 'user-admin', composites: [{ client: 'billing', name: 'admin' }] },
      ]),
    );
    expect(settings.access?.groups).toEqual([
      { path: '/helpdesk', roles: [] },
      { path: '/helpdesk/tier2', roles: [{ name: 'user-admin' }] },
    ]);
  });

  it('reads an input the program left out, which the engine shows as null (preview) or empty (after apply), as absent', () => {
    const leftOut = (resource: Resource, key: string, value: null | '') => ({
      ...resource,
      props: { ...resource.props, [key]: value },
    });
    for (const value of [null, ''] as const) {
      const { settings } = assembled([
        realm,
        leftOut(role('reporting'), 'clientId', value),
        leftOut(group('ops'), 'parentId', value),
      ]);
      expect(settings.access?.roles, String(value)).toContainEqual({ name: 'reporting', composites: [] });
      expect(settings.access?.groups, String(value)).toEqual([{ path: '/ops', roles: [] }]);
    }
  });

  it('reads DefaultRoles by name, and without one keeps Keycloak’s own default roles; every service account holds the default role', () => {
    const declared = assembled([
      realm,
      worker,
      defaultRoles([...KEYCLOAK_DEFAULTS, 'realm-management/manage-clients']),
    ]);
    expect(declared.settings.access?.defaultRoles).toContainEqual({
      client: 'realm-management',
      name: 'manage-clients',
    });
    expect(declared.settings.access?.serviceAccounts).toEqual([
      { clientId: 'worker', roles: [{ name: 'default-roles-acme' }], groups: [] },
    ]);
    const kept = assembled([realm, worker, role('reporting')]);
    expect(kept.settings.access?.defaultRoles).toEqual([
      { name: 'offline_access' },
      { name: 'uma_authorization' },
      { client: 'account', name: 'view-profile' },
      { client: 'account', name: 'manage-account' },
    ]);
  });

  it('leaves the part out when the stack declares no role, group or mapping', () => {
    expect(assembled([realm, worker]).settings.access).toBeUndefined();
  });

  it('judges nothing through an id no resource of the stack declares', () => {
    const { settings } = assembled([
      realm,
      billing,
      worker,
      group('ops'),
      // realm-admin's id from a data source: computed from no Role of the stack.
      groupRoles('ops-roles', 'ops', [], 1),
      // realm-management's id from a data source: which client's manage-users is not known.
      {
        type: SERVICE_ACCOUNT_ROLE_TYPE,
        name: 'worker-manage-users',
        props: { realmId: UNKNOWN, serviceAccountUserId: UNKNOWN, clientId: '5e0c-data-source', role: 'manage-users' },
        dependsOn: { serviceAccountUserId: ['worker'], clientId: ['acme'] },
      },
    ]);
    expect(settings.access?.groups).toEqual([{ path: '/ops', roles: [] }]);
    expect(settings.access?.serviceAccounts).toEqual([
      { clientId: 'worker', roles: [{ name: 'default-roles-acme' }], groups: [] },
    ]);
  });

  it('maps a service account’s client role by name on the resolved client, and its realm role by name or through the role it was read from', () => {
    const { settings } = assembled([
      realm,
      billing,
      worker,
      workerBillingAdmin,
      role('reporting'),
      {
        type: SERVICE_ACCOUNT_REALM_ROLE_TYPE,
        name: 'worker-reporting',
        // role: reporting.name — unknown until the role exists; its dependency names it.
        props: { realmId: UNKNOWN, serviceAccountUserId: UNKNOWN, role: UNKNOWN },
        dependsOn: { serviceAccountUserId: ['worker'], role: ['reporting'] },
      },
    ]);
    expect(settings.access?.serviceAccounts[0]?.roles).toEqual([
      { name: 'default-roles-acme' },
      { client: 'billing', name: 'admin' },
      { name: 'reporting' },
    ]);
  });
});

describe('the client-scope part from Pulumi resources', () => {
  const app = client('app', { standardFlowEnabled: true, validRedirectUris: ['https://app.example.com/cb'] });
  const payroll: Resource = { type: CLIENT_SCOPE_TYPE, name: 'payroll', props: { realmId: UNKNOWN, name: 'payroll' } };
  const ssn = (attach: Record<string, string[]>): Resource => ({
    type: USER_ATTRIBUTE_MAPPER_TYPE,
    name: 'ssn',
    props: { realmId: UNKNOWN, name: 'ssn', userAttribute: 'ssn', claimName: 'ssn', clientScopeId: UNKNOWN },
    dependsOn: attach,
  });

  it('attaches mappers to their scope or client, with the config the provider sends (its defaults included)', () => {
    const onScope = assembled([realm, app, payroll, ssn({ clientScopeId: ['payroll'] })]).settings;
    expect(onScope.clientScopes?.[0]?.protocolMappers).toEqual([
      {
        name: 'ssn',
        protocol: 'openid-connect',
        type: 'oidc-usermodel-attribute-mapper',
        config: {
          'id.token.claim': 'true',
          'access.token.claim': 'true',
          'userinfo.token.claim': 'true',
          'introspection.token.claim': 'true',
          'user.attribute': 'ssn',
          'claim.name': 'ssn',
          'jsonType.label': 'String',
          multivalued: 'false',
          'aggregate.attrs': 'false',
        },
      },
    ]);
    const onClient = assembled([
      realm,
      app,
      { ...ssn({ clientId: ['app'] }), props: { ...ssn({}).props, clientScopeId: undefined, clientId: UNKNOWN } },
    ]).settings;
    expect(onClient.clients.find((candidate) => candidate.clientId === 'app')?.protocolMappers?.[0]?.name).toBe('ssn');
  });

  it('names a hard-coded role as Keycloak stores it (clientId.role), once its roleId resolves', () => {
    const { settings } = assembled([
      realm,
      billing,
      billingAdmin,
      payroll,
      {
        type: HARDCODED_ROLE_MAPPER_TYPE,
        name: 'admin-claim',
        props: { realmId: UNKNOWN, name: 'admin-claim', clientScopeId: UNKNOWN, roleId: UNKNOWN },
        dependsOn: { clientScopeId: ['payroll'], roleId: ['billing-admin'] },
      },
    ]);
    expect(settings.clientScopes?.[0]?.protocolMappers[0]?.config).toEqual({ role: 'billing.admin' });
  });

  it('sets a client’s default scopes from ClientDefaultScopes (names), and scope mappings from GenericRoleMapper', () => {
    const stack = assembled([
      realm,
      app,
      payroll,
      role('reporting'),
      {
        type: CLIENT_DEFAULT_SCOPES_TYPE,
        name: 'app-defaults',
        props: { realmId: UNKNOWN, clientId: UNKNOWN, defaultScopes: ['profile', 'payroll', 'offline_access'] },
        dependsOn: { clientId: ['app'] },
      },
      {
        type: GENERIC_ROLE_MAPPER_TYPE,
        name: 'payroll-reporting',
        props: { realmId: UNKNOWN, clientScopeId: UNKNOWN, roleId: UNKNOWN },
        dependsOn: { clientScopeId: ['payroll'], roleId: ['reporting'] },
      },
    ]);
    expect(stack.settings.clients.find((candidate) => candidate.clientId === 'app')?.defaultClientScopes).toEqual([
      'profile',
      'payroll',
      'offline_access',
    ]);
    expect(stack.ownerOf(['clients', 'app', 'defaultClientScopes'])).toMatch(/::app-defaults$/);
    expect(stack.settings.access?.scopeMappings).toEqual([{ clientScope: 'payroll', roles: [{ name: 'reporting' }] }]);
    expect(stack.ownerOf(['access', 'scopeMappings', 'clientScope:payroll', 'roles', 'reporting'])).toMatch(
      /::payroll-reporting$/,
    );
  });
});

describe('access and scope rules in the pack', () => {
  const WEAK: Resource[] = [
    realm,
    billing,
    billingAdmin,
    worker,
    workerBillingAdmin,
    role('user-admin', ['billing-admin']),
    group('helpdesk'),
    groupRoles('helpdesk-roles', 'helpdesk', ['user-admin']),
    defaultRoles([...KEYCLOAK_DEFAULTS, 'realm-management/manage-users']),
    group('ops'),
    groupRoles('ops-roles', 'ops', [], 1),
  ];

  it('are stack policies: one resource alone cannot be judged, its references are others', () => {
    for (const id of [
      'sensitive-role-group',
      'sensitive-role-default',
      'offline-access-default',
      'protocol-mapper-config',
    ])
      expect(packTarget(allRules.find((rule) => rule.id === id)!).kind, id).toBe('stack');
  });

  it('report each holding on the resource that declares it, and nothing through the unresolved id', async () => {
    const on = async (policy: string) =>
      (await validateStack(stackPolicy(policy), WEAK, CONFIG)).map(({ urn }) => urn?.split('::').at(-1));
    expect((await on('sensitive-role-service-account')).sort()).toEqual(['defaults', 'worker-billing-admin']);
    expect(await on('sensitive-role-group')).toEqual(['helpdesk-roles']);
    expect(await on('sensitive-role-composite')).toEqual(['user-admin']);
    expect(await on('sensitive-role-default')).toEqual(['defaults']);
    expect(await on('impersonation-outside-admins')).toEqual([]);
  });

  it('stay silent on the hardened variant', async () => {
    const hardened = WEAK.filter((resource) => resource !== workerBillingAdmin).map((resource) =>
      resource.type === DEFAULT_ROLES_TYPE
        ? defaultRoles(KEYCLOAK_DEFAULTS)
        : resource.name === 'user-admin'
          ? role('user-admin')
          : resource,
    );
    for (const id of [
      'sensitive-role-service-account',
      'sensitive-role-group',
      'sensitive-role-composite',
      'sensitive-role-default',
    ])
      expect(await validateStack(stackPolicy(id), hardened, CONFIG), id).toEqual([]);
  });
});
