/**
 * valueAt: the model value a finding's path names, which the pack compares across the copies of a
 * stack's inputs (an unknown's stand-ins) to drop findings that depend on an unknown. Access and
 * client-scope paths name their entities by roleKey, scopeMappingKey, group path, clientId and
 * name: each must lead to the entity, not to `undefined` — with which every copy would agree and
 * the finding be kept whatever the unknown turns out to be.
 */
import { describe, expect, it } from 'vitest';
import type { AccessSettings } from '../../../../model/entities/access.ts';
import type { ClientScopeSettings } from '../../../../model/entities/client-scopes.ts';
import { clientDefaults } from '../../../../model/keycloak-defaults.ts';
import { assembleRealm, valueAt } from '../../../../policies/pack/assemble.ts';

const billingAdmin = { client: 'billing', name: 'admin' };
const ACCESS: AccessSettings = {
  roles: [
    { name: 'finance-lead', composites: [billingAdmin] },
    { ...billingAdmin, composites: [] },
  ],
  groups: [{ path: '/finance/leads', roles: [{ name: 'finance-lead' }] }],
  defaultRoles: [{ name: 'offline_access' }, { client: 'realm-management', name: 'manage-users' }],
  serviceAccounts: [{ clientId: 'worker', roles: [billingAdmin], groups: ['/finance/leads'] }],
  scopeMappings: [
    { client: 'app', roles: [billingAdmin] },
    { clientScope: 'app', roles: [{ name: 'finance-lead' }] },
  ],
};
const PAYROLL: ClientScopeSettings = {
  name: 'payroll',
  protocol: 'openid-connect',
  attributes: {},
  protocolMappers: [
    {
      name: 'ssn',
      protocol: 'openid-connect',
      type: 'oidc-usermodel-attribute-mapper',
      config: { 'user.attribute': 'ssn' },
    },
  ],
};

function settings() {
  const realm = assembleRealm([]).settings;
  realm.access = ACCESS;
  realm.clientScopes = [PAYROLL];
  realm.clients.push({
    clientId: 'app',
    ...clientDefaults(),
    defaultClientScopes: ['profile', 'payroll'],
    redirectUris: ['https://app.example.com/callback'],
  });
  return realm;
}

describe('valueAt on the paths of access and client-scope findings', () => {
  it.each([
    [['access', 'roles', 'finance-lead', 'composites', 'billing/admin'], billingAdmin],
    [['access', 'roles', 'billing/admin'], ACCESS.roles[1]],
    [['access', 'groups', '/finance/leads', 'roles', 'finance-lead'], { name: 'finance-lead' }],
    [['access', 'defaultRoles', 'realm-management/manage-users'], ACCESS.defaultRoles[1]],
    [['access', 'serviceAccounts', 'worker', 'roles', 'billing/admin'], billingAdmin],
    [['access', 'serviceAccounts', 'worker', 'groups', '/finance/leads'], '/finance/leads'],
    [['access', 'scopeMappings', 'client:app', 'roles', 'billing/admin'], billingAdmin],
    [['access', 'scopeMappings', 'clientScope:app', 'roles', 'finance-lead'], { name: 'finance-lead' }],
    [['clientScopes', 'payroll', 'protocolMappers', 'ssn'], PAYROLL.protocolMappers[0]],
    [['clients', 'app', 'defaultClientScopes', 'payroll'], 'payroll'],
  ])('%j', (path, expected) => {
    expect(valueAt(settings(), path)).toEqual(expected);
  });

  it('tells a client’s scope mappings from a client scope’s of the same name', () => {
    expect(valueAt(settings(), ['access', 'scopeMappings', 'client:app'])).toEqual(ACCESS.scopeMappings[0]);
    expect(valueAt(settings(), ['access', 'scopeMappings', 'clientScope:app'])).toEqual(ACCESS.scopeMappings[1]);
  });

  it('finds nothing where the path names an entity the realm does not hold', () => {
    expect(valueAt(settings(), ['access', 'roles', 'billing/missing'])).toBeUndefined();
    expect(valueAt(settings(), ['access', 'scopeMappings', 'client:other', 'roles', 'billing/admin'])).toBeUndefined();
  });

  it('still reads list entries by index where a rule names one so (redirect URIs)', () => {
    expect(valueAt(settings(), ['clients', 'app', 'redirectUris', '0'])).toBe('https://app.example.com/callback');
  });
});
