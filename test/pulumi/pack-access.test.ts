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

/** The watched mapper, named in the policy config. */
const POLICY_CONFIG = { 'protocol-mapper-config': { mappers: ['oidc-usermodel-attribute-mapper?user.attribute=ssn'] } };

const SSN_MAPPER = { name: 'ssn', userAttribute: 'ssn', claimName: 'ssn' };

/**
 * Keycloak's own admin client and its manage-users role, taken into the stack (`import: true`) so
 * the stack can name them; a service account, a group, the default roles, a client scope and a
 * client's default scopes. `weak` decides what they hold.
 */
function program(weak: boolean): string {
  return `
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
const realm = new keycloak.Realm('access', { realm: new pulumi.Config().require('realm') });
const realmManagement = new keycloak.openid.Client('realm-management', {
  realmId: realm.id, clientId: 'realm-management', accessType: 'BEARER-ONLY', import: true,
});
const manageUsers = new keycloak.Role('manage-users', {
  realmId: realm.id, clientId: realmManagement.id, name: 'manage-users', import: true,
});
const reporting = new keycloak.Role('reporting', { realmId: realm.id, name: 'reporting' });
const worker = new keycloak.openid.Client('worker', {
  realmId: realm.id, clientId: 'worker', accessType: 'CONFIDENTIAL', serviceAccountsEnabled: true,
});
${
  weak
    ? `new keycloak.openid.ClientServiceAccountRole('worker-manage-users', {
  realmId: realm.id, serviceAccountUserId: worker.serviceAccountUserId, clientId: realmManagement.id, role: 'manage-users',
});`
    : `new keycloak.openid.ClientServiceAccountRealmRole('worker-reporting', {
  realmId: realm.id, serviceAccountUserId: worker.serviceAccountUserId, role: reporting.name,
});`
}
const userAdmin = new keycloak.Role('user-admin', {
  realmId: realm.id, name: 'user-admin', compositeRoles: [${weak ? 'manageUsers.id' : 'reporting.id'}],
});
const helpdesk = new keycloak.Group('helpdesk', { realmId: realm.id, name: 'helpdesk' });
const tier2 = new keycloak.Group('tier2', { realmId: realm.id, name: 'tier2', parentId: helpdesk.id });
new keycloak.GroupRoles('tier2-roles', { realmId: realm.id, groupId: tier2.id, roleIds: [userAdmin.id] });
new keycloak.DefaultRoles('defaults', {
  realmId: realm.id,
  defaultRoles: ['offline_access', 'uma_authorization', 'account/view-profile', 'account/manage-account'${
    weak ? ", 'realm-management/manage-clients'" : ''
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
const appDefaults = new keycloak.openid.ClientDefaultScopes('app-defaults', {
  realmId: realm.id, clientId: app.id,
  defaultScopes: ['profile', 'email', 'payroll'${weak ? ", 'offline_access'" : ''}],
}, { dependsOn: [payroll] });
new keycloak.openid.ClientOptionalScopes('app-optional', {
  realmId: realm.id, clientId: app.id, optionalScopes: [${weak ? '' : "'offline_access'"}],
}, { dependsOn: [appDefaults] });
// realm-admin fetched with a data source: an invoke, no resource of the stack declares it, so the
// pack cannot tell which role the id names and must not judge the group through it.
const realmAdmin = keycloak.getRoleOutput({ realmId: realm.id, clientId: realmManagement.id, name: 'realm-admin' });
const ops = new keycloak.Group('ops', { realmId: realm.id, name: 'ops' });
new keycloak.GroupRoles('ops-roles', { realmId: realm.id, groupId: ops.id, roleIds: [realmAdmin.id] });
`;
}

async function project(name: string, source: string): Promise<{ dir: string; realm: string }> {
  const dir = mkdtempSync(join(tmpdir(), `realmguard-${name}-`));
  writeFileSync(join(dir, 'Pulumi.yaml'), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`);
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
 * `- [advisory] [severity: low]  sensitive-role-group  (keycloak:index/groupRoles:GroupRoles: tier2-roles)`.
 */
function accessViolations(output: string): string[] {
  const line = /- \[(mandatory|advisory)\] \[severity: [a-z]+\]\s+([a-z0-9-]+)\s+\(keycloak:[^:]+:[A-Za-z]+: ([^)]+)\)/g;
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
    expect(accessViolations(output), output).toEqual(
      [
        // The account holds manage-users by name, on the realm-management client the stack imports.
        'advisory sensitive-role-service-account on worker-manage-users',
        // ... and, as every service account, the default roles, which now include manage-clients.
        'advisory sensitive-role-service-account on defaults',
        'advisory sensitive-role-group on tier2-roles',
        'advisory sensitive-role-composite on user-admin',
        'mandatory sensitive-role-default on defaults',
        'advisory protocol-mapper-config on ssn',
        'advisory offline-access-default on app-defaults',
      ].sort(),
    );
    // The group holding realm-admin through a data source's id is not judged (ops-roles, ops).
    expect(output).not.toMatch(/: ops(-roles)?\)/);
    expect(output).toMatch(/Members of group \/helpdesk\/tier2 hold realm-management\/manage-users \(through user-admin\)/);
    expect(output).toMatch(/The service account of worker holds realm-management\/manage-users/);
  });

  it('reports none of them on the hardened variant', async () => {
    const { dir } = await project('rg-pack-access-hardened', program(false));
    const { output } = await preview(dir);
    expect(output).toMatch(/realmguard@v0\.1\.0/);
    expect(accessViolations(output), output).toEqual([]);
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

      const defaultRole = await admin.roles.findOneByName({ realm, name: `default-roles-${realm}` });
      const defaults = await admin.roles.getCompositeRoles({ realm, id: defaultRole!.id! });
      expect(defaults.map((role) => role.name).sort()).toEqual(
        ['manage-account', 'manage-clients', 'offline_access', 'uma_authorization', 'view-profile'].sort(),
      );

      const [tier2] = await admin.groups.find({ realm, search: 'tier2' }).then((found) =>
        found.flatMap((group) => group.subGroups ?? []).filter((group) => group.name === 'tier2'),
      );
      expect(tier2?.path).toBe('/helpdesk/tier2');
      const groupRoles = await admin.groups.listRealmRoleMappings({ realm, id: tier2!.id! });
      expect(groupRoles.map((role) => role.name)).toEqual(['user-admin']);

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
    } finally {
      const destroy = await pulumi(dir, ['destroy', '--yes', '--skip-preview']);
      expect(destroy.code, destroy.stderr).toBe(0);
    }
  });
});
