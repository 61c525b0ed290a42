/**
 * The pack judges roles, groups, service accounts and client scopes, under the real Pulumi CLI
 * and Keycloak provider plugin. References are ids, resolved through the engine's property
 * dependencies to the resource that declares them; what the provider takes by name is read as a
 * name. A weak stack stops `pulumi preview --policy-pack` with exactly the expected violations,
 * each on the resource that declares the judged thing; the hardened variant reports none; a role
 * fetched with a data source (not a resource of the stack) is not judged. Then Keycloak is the
 * judge of the reading: after `pulumi up`, the server holds the mappings and mapper config the
 * pack assumed.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { protocolMapperFromInputs } from '../../model/provider-dialect/client-scopes.ts';
import { adminClient, uniqueRealmName } from '../support/keycloak.ts';
import { pulumi } from '../support/pulumi.ts';

const PACK = inject('pulumi').policyPack;

/** The policies this file is about; the realm and client rules have their own tests. */
const ACCESS_POLICIES = [
  'sensitive-role-service-account',
  'sensitive-role-group',
  'sensitive-role-composite',
  'sensitive-role-default',
  'sensitive-role-client',
  'impersonation-outside-admins',
  'protocol-mapper-config',
  'sensitive-scope',
  'offline-access-default',
];

/**
 * The billing client's admin role is sensitive by the policy config (Keycloak's own admin roles
 * are on the built-in list); the watched mapper is named there too.
 */
const EXTRA_SENSITIVE = { additionalSensitiveRoles: ['billing/admin'] };
const POLICY_CONFIG = {
  'sensitive-role-service-account': EXTRA_SENSITIVE,
  'sensitive-role-group': EXTRA_SENSITIVE,
  'sensitive-role-composite': EXTRA_SENSITIVE,
  'sensitive-role-default': EXTRA_SENSITIVE,
  'protocol-mapper-config': { mappers: ['oidc-usermodel-attribute-mapper?user.attribute=ssn'] },
};

const SSN_MAPPER = { name: 'ssn', userAttribute: 'ssn', claimName: 'ssn' };

/**
 * A service account, a group holding a composite role, the default roles, a client scope with a
 * mapper and a client's default scopes; `weak` decides what they hold. Keycloak's realm-management
 * client and its roles cannot be declared (Keycloak 26.7.3 answers 403 to any update of them, which
 * `import: true` makes), so the program reaches them the way the provider documents: by name in
 * DefaultRoles, and by ids from data sources — which no resource of the stack declares.
 */
function program(weak: boolean): string {
  return `
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
// Refresh-token rotation on, the realm's one mandatory finding otherwise: what stops the weak stack is its access.
const realm = new keycloak.Realm('access', { realm: new pulumi.Config().require('realm'), revokeRefreshToken: true });
const billing = new keycloak.openid.Client('billing', { realmId: realm.id, clientId: 'billing', accessType: 'BEARER-ONLY' });
const billingAdmin = new keycloak.Role('billing-admin', { realmId: realm.id, clientId: billing.id, name: 'admin' });
const reporting = new keycloak.Role('reporting', { realmId: realm.id, name: 'reporting' });
const worker = new keycloak.openid.Client('worker', {
  realmId: realm.id, clientId: 'worker', accessType: 'CONFIDENTIAL', serviceAccountsEnabled: true,
});
${
  weak
    ? `new keycloak.openid.ClientServiceAccountRole('worker-billing-admin', {
  realmId: realm.id, serviceAccountUserId: worker.serviceAccountUserId, clientId: billing.id, role: billingAdmin.name,
});`
    : `new keycloak.openid.ClientServiceAccountRealmRole('worker-reporting', {
  realmId: realm.id, serviceAccountUserId: worker.serviceAccountUserId, role: reporting.name,
});`
}
const financeLead = new keycloak.Role('finance-lead', {
  realmId: realm.id, name: 'finance-lead', compositeRoles: [${weak ? 'billingAdmin.id' : 'reporting.id'}],
});
const finance = new keycloak.Group('finance', { realmId: realm.id, name: 'finance' });
const leads = new keycloak.Group('leads', { realmId: realm.id, name: 'leads', parentId: finance.id });
new keycloak.GroupRoles('leads-roles', { realmId: realm.id, groupId: leads.id, roleIds: [financeLead.id] });
new keycloak.DefaultRoles('defaults', {
  realmId: realm.id,
  defaultRoles: ['offline_access', 'uma_authorization', 'account/view-profile', 'account/manage-account'${
    weak ? ", 'realm-management/manage-users'" : ''
  }],
});
const payroll = new keycloak.openid.ClientScope('payroll', { realmId: realm.id, name: 'payroll' });
new keycloak.openid.UserAttributeProtocolMapper('ssn', {
  realmId: realm.id, clientScopeId: payroll.id, ...${JSON.stringify(weak ? SSN_MAPPER : { ...SSN_MAPPER, userAttribute: 'employeeNumber' })},
});
const app = new keycloak.openid.Client('app', {
  realmId: realm.id, clientId: 'app', accessType: 'CONFIDENTIAL', standardFlowEnabled: true,
  validRedirectUris: ['https://app.example.com/callback'], pkceCodeChallengeMethod: 'S256',
});
// Optional first: Keycloak refuses a scope that is default and optional at once.
const appOptional = new keycloak.openid.ClientOptionalScopes('app-optional', {
  realmId: realm.id, clientId: app.id, optionalScopes: [${weak ? '' : "'offline_access'"}],
});
new keycloak.openid.ClientDefaultScopes('app-defaults', {
  realmId: realm.id, clientId: app.id,
  defaultScopes: ['profile', 'email', 'payroll'${weak ? ", 'offline_access'" : ''}],
}, { dependsOn: [payroll, appOptional] });
// Ids from data sources (invokes, not resources): the pack cannot tell what they name and judges
// nothing through them, though these are realm-management's manage-users and realm-admin.
const realmManagement = keycloak.openid.getClientOutput({ realmId: realm.id, clientId: 'realm-management' });
new keycloak.openid.ClientServiceAccountRole('worker-manage-users', {
  realmId: realm.id, serviceAccountUserId: worker.serviceAccountUserId, clientId: realmManagement.id, role: 'manage-users',
});
const realmAdmin = keycloak.getRoleOutput({ realmId: realm.id, clientId: realmManagement.id, name: 'realm-admin' });
const ops = new keycloak.Group('ops', { realmId: realm.id, name: 'ops' });
new keycloak.GroupRoles('ops-roles', { realmId: realm.id, groupId: ops.id, roleIds: [realmAdmin.id] });
`;
}

/** The violations the weak stack must stop on, each on the resource that declares the judged thing. */
const WEAK_VIOLATIONS = [
  // The account holds billing's admin role, by name on the client whose id the stack declares.
  'advisory sensitive-role-service-account on worker-billing-admin',
  // ... and, as every service account, the default role, which now includes manage-users.
  'advisory sensitive-role-service-account on defaults',
  'advisory sensitive-role-group on leads-roles',
  'advisory sensitive-role-composite on finance-lead',
  'mandatory sensitive-role-default on defaults',
  'advisory protocol-mapper-config on ssn',
  'advisory offline-access-default on app-defaults',
].sort();

async function project(name: string, source: string): Promise<{ dir: string; realm: string }> {
  const dir = mkdtempSync(join(tmpdir(), `realmguard-${name}-`));
  writeFileSync(
    join(dir, 'Pulumi.yaml'),
    `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`,
  );
  writeFileSync(join(dir, 'index.ts'), source);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '0.0.0', main: 'index.ts' }));
  writeFileSync(join(dir, 'policy-config.json'), JSON.stringify(POLICY_CONFIG));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const realm = uniqueRealmName(name);
  expect((await pulumi(dir, ['stack', 'init', 'dev'])).code).toBe(0);
  expect((await pulumi(dir, ['config', 'set', 'realm', realm])).code).toBe(0);
  return { dir, realm };
}

/**
 * The violations of ACCESS_POLICIES in the preview output, as 'policy on resource', e.g.
 * `- [advisory] [severity: low]  sensitive-role-group  (keycloak:index:GroupRoles: leads-roles)`.
 */
function accessViolations(output: string): string[] {
  const line =
    /- \[(mandatory|advisory)\] \[severity: [a-z]+\]\s+([a-z0-9-]+)\s+\(keycloak:[^:]+:[A-Za-z]+: ([^)]+)\)/g;
  return [...output.matchAll(line)]
    .filter((match) => ACCESS_POLICIES.includes(match[2] ?? ''))
    .map((match) => `${match[1]} ${match[2]} on ${match[3]}`)
    .sort();
}

async function preview(dir: string) {
  const result = await pulumi(dir, [
    'preview',
    '--policy-pack',
    PACK,
    '--policy-pack-config',
    join(dir, 'policy-config.json'),
  ]);
  const output = result.stdout + result.stderr;
  expect(output).not.toMatch(/can't run policy|unhandled|TypeError/);
  return { code: result.code, output };
}

describe('pulumi preview --policy-pack on roles, groups, service accounts and client scopes', () => {
  it('stops the weak stack with exactly the access and scope violations, each on the declaring resource', async () => {
    const { dir } = await project('rg-pack-access-weak', program(true));
    const { code, output } = await preview(dir);
    expect(code, output).not.toBe(0);
    expect(accessViolations(output), output).toEqual(WEAK_VIOLATIONS);
    // Nothing through the data sources' ids: worker-manage-users, ops-roles, ops.
    expect(output).not.toMatch(/: (worker-manage-users|ops-roles|ops)\)/);
    expect(output).toMatch(/Members of group \/finance\/leads hold billing\/admin \(through finance-lead\)/);
    expect(output).toMatch(/The service account of worker holds billing\/admin\./);
    expect(output).toMatch(
      /Every user of the realm holds realm-management\/manage-users: it is one of the default roles/,
    );
  });

  it('passes the hardened variant: none of them, and nothing mandatory', async () => {
    const { dir } = await project('rg-pack-access-hardened', program(false));
    const { code, output } = await preview(dir);
    expect(output).toMatch(/realmguard@v0\.1\.0/);
    expect(accessViolations(output), output).toEqual([]);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/\[mandatory\]/);
  });

  it('after pulumi up, Keycloak holds what the pack read: the mappings, the default role on the service account, the mapper config', async () => {
    const { dir, realm } = await project('rg-pack-access-up', program(true));
    try {
      const up = await pulumi(dir, ['up', '--yes', '--skip-preview']);
      expect(up.code, up.stderr + up.stdout).toBe(0);
      const admin = await adminClient();
      const [realmManagement] = await admin.clients.find({ realm, clientId: 'realm-management' });
      const [worker] = await admin.clients.find({ realm, clientId: 'worker' });
      const account = await admin.clients.getServiceAccountUser({ realm, id: worker!.id! });
      const accountRealmRoles = await admin.users.listRealmRoleMappings({ realm, id: account.id! });
      expect(accountRealmRoles.map((role) => role.name)).toContain(`default-roles-${realm}`);
      const accountClientRoles = await admin.users.listClientRoleMappings({
        realm,
        id: account.id!,
        clientUniqueId: realmManagement!.id!,
      });
      expect(accountClientRoles.map((role) => role.name)).toEqual(['manage-users']);
      const [billing] = await admin.clients.find({ realm, clientId: 'billing' });
      const billingRoles = await admin.users.listClientRoleMappings({
        realm,
        id: account.id!,
        clientUniqueId: billing!.id!,
      });
      expect(billingRoles.map((role) => role.name)).toEqual(['admin']);

      const defaultRole = await admin.roles.findOneByName({ realm, name: `default-roles-${realm}` });
      const defaults = await admin.roles.getCompositeRoles({ realm, id: defaultRole!.id! });
      expect(defaults.map((role) => role.name).sort()).toEqual(
        ['manage-account', 'manage-users', 'offline_access', 'uma_authorization', 'view-profile'].sort(),
      );

      const [leads] = await admin.groups
        .find({ realm, search: 'leads' })
        .then((found) => found.flatMap((group) => group.subGroups ?? []).filter((group) => group.name === 'leads'));
      expect(leads?.path).toBe('/finance/leads');
      const groupRoles = await admin.groups.listRealmRoleMappings({ realm, id: leads!.id! });
      expect(groupRoles.map((role) => role.name)).toEqual(['finance-lead']);

      const [payroll] = (await admin.clientScopes.find({ realm })).filter((scope) => scope.name === 'payroll');
      const held = payroll?.protocolMappers?.find((mapper) => mapper.name === 'ssn');
      const declared = protocolMapperFromInputs(
        'keycloak:openid/userAttributeProtocolMapper:UserAttributeProtocolMapper',
        SSN_MAPPER,
      );
      expect(held?.protocolMapper).toBe(declared?.type);
      for (const [key, value] of Object.entries(declared?.config ?? {}))
        expect(held?.config?.[key] ?? '', `mapper config ${key}`).toBe(value);

      const [app] = await admin.clients.find({ realm, clientId: 'app' });
      const appDefaults = await admin.clients.listDefaultClientScopes({ realm, id: app!.id! });
      expect(appDefaults.map((scope) => scope.name).sort()).toEqual(['email', 'offline_access', 'payroll', 'profile']);

      // Applied, every id is known: the same violations, and still none through the data sources' ids.
      const again = await preview(dir);
      expect(accessViolations(again.output), again.output).toEqual(WEAK_VIOLATIONS);
      expect(again.output).not.toMatch(/: (worker-manage-users|ops-roles|ops)\)/);
    } finally {
      const destroy = await pulumi(dir, ['destroy', '--yes', '--skip-preview']);
      expect(destroy.code, destroy.stderr).toBe(0);
    }
  });
});
