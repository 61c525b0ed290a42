/**
 * Rule tables of the sensitive-role rules (kcwarden's role monitors, with a built-in list): each
 * case changes one mapping of the hardened realm's access part.
 */
import sensitiveRoleClient from '../../../../../policies/rules/access/sensitive-role-client.ts';
import sensitiveRoleComposite from '../../../../../policies/rules/access/sensitive-role-composite.ts';
import sensitiveRoleDefault from '../../../../../policies/rules/access/sensitive-role-default.ts';
import sensitiveRoleGroup from '../../../../../policies/rules/access/sensitive-role-group.ts';
import sensitiveRoleServiceAccount from '../../../../../policies/rules/access/sensitive-role-service-account.ts';
import type { Rule } from '../../../../../policies/define-rule.ts';
import type { RoleSettings } from '../../../../../model/realm-settings.ts';
import { accessOf } from '../../../../support/entity-fixtures.ts';
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../../../../policies/run.ts';
import { EMPTY_POLICY_CONFIG } from '../../../../../policies/config.ts';
import { hardenedRealm, loaded, NOW } from '../../../../support/fixtures.ts';
import { client, ruleTable } from '../../rule-table.ts';

const rule = (r: unknown) => r as Rule;
const MANAGE_USERS = { client: 'realm-management', name: 'manage-users' };
const REALM_ADMIN = { client: 'realm-management', name: 'realm-admin' };

function role(realm: Parameters<typeof accessOf>[0], key: string): RoleSettings {
  const found = accessOf(realm).roles.find((r) => (r.client ? `${r.client}/${r.name}` : r.name) === key);
  if (!found) throw new Error(`fixture has no role ${key}`);
  return found;
}

ruleTable(rule(sensitiveRoleServiceAccount), {
  valid: [
    {
      name: 'the access part is absent (the source does not say)',
      change: (r) => {
        delete r.access;
      },
    },
    {
      name: 'a role that is not on the list',
      change: (r) => {
        accessOf(r).serviceAccounts[0]?.roles.push({ client: 'realm-management', name: 'view-users' });
      },
    },
  ],
  invalid: [
    {
      name: 'manage-users mapped directly',
      change: (r) => {
        accessOf(r).serviceAccounts[0]?.roles.push(MANAGE_USERS);
      },
      errors: [
        {
          messageId: 'direct',
          path: ['access', 'serviceAccounts', 'batch-service', 'roles', 'realm-management/manage-users'],
        },
      ],
    },
    {
      name: 'manage-users through a composite held directly',
      change: (r) => {
        role(r, 'orders-reader').composites.push(MANAGE_USERS);
      },
      errors: [
        { messageId: 'direct', path: ['access', 'serviceAccounts', 'batch-service', 'roles', 'orders-reader'] },
        // orders-reader also reaches the account through /staff (the parent of its group) and /staff/leads' orders-admin
        { messageId: 'group', path: ['access', 'serviceAccounts', 'batch-service', 'groups', '/staff/leads'] },
        { messageId: 'group', path: ['access', 'serviceAccounts', 'batch-service', 'groups', '/staff/leads'] },
      ],
    },
    {
      name: 'realm-admin inherited from the parent of the account’s group',
      change: (r) => {
        accessOf(r).groups[0]?.roles.push(REALM_ADMIN);
      },
      errors: [{ messageId: 'group', path: ['access', 'serviceAccounts', 'batch-service', 'groups', '/staff/leads'] }],
    },
    {
      name: 'composites in a cycle still end (and find the role)',
      change: (r) => {
        role(r, 'orders-reader').composites.push({ name: 'orders-admin' }, MANAGE_USERS);
        accessOf(r).groups = [];
      },
      errors: [{ messageId: 'direct', path: ['access', 'serviceAccounts', 'batch-service', 'roles', 'orders-reader'] }],
    },
    {
      name: 'a member of a sub-group of a watched group (kcwarden’s ServiceAccountWithGroup)',
      params: { sensitiveGroups: ['/staff'] },
      errors: [{ messageId: 'member', path: ['access', 'serviceAccounts', 'batch-service', 'groups', '/staff/leads'] }],
    },
    {
      name: 'a role the config adds to the list',
      params: { additionalSensitiveRoles: ['orders-reader'] },
      change: (r) => {
        accessOf(r).groups = [];
      },
      errors: [{ messageId: 'direct', path: ['access', 'serviceAccounts', 'batch-service', 'roles', 'orders-reader'] }],
    },
  ],
});

ruleTable(rule(sensitiveRoleGroup), {
  valid: [
    {
      name: 'the built-in list replaced by one without manage-users',
      params: { sensitiveRoles: ['realm-management/realm-admin'] },
      change: (r) => {
        accessOf(r).groups[0]?.roles.push(MANAGE_USERS);
      },
    },
  ],
  invalid: [
    {
      name: 'a group holds manage-users',
      change: (r) => {
        accessOf(r).groups[1]?.roles.push(MANAGE_USERS);
      },
      errors: [
        { messageId: 'holds', path: ['access', 'groups', '/staff/leads', 'roles', 'realm-management/manage-users'] },
      ],
    },
    {
      name: 'a group holds an application role that includes realm-admin',
      change: (r) => {
        role(r, 'orders-reader').composites.push(REALM_ADMIN);
      },
      errors: [
        { messageId: 'holds', path: ['access', 'groups', '/staff', 'roles', 'orders-reader'] },
        { messageId: 'holds', path: ['access', 'groups', '/staff/leads', 'roles', 'orders-admin'] },
      ],
    },
  ],
});

ruleTable(rule(sensitiveRoleDefault), {
  valid: [
    {
      name: 'the access part is absent',
      change: (r) => {
        delete r.access;
      },
    },
  ],
  invalid: [
    {
      name: 'impersonation among the default roles',
      change: (r) => {
        accessOf(r).defaultRoles.push({ client: 'realm-management', name: 'impersonation' });
      },
      errors: [{ messageId: 'holds', path: ['access', 'defaultRoles', 'realm-management/impersonation'] }],
    },
    {
      name: 'a default role that includes manage-users',
      change: (r) => {
        accessOf(r).defaultRoles.push({ name: 'orders-admin' });
        role(r, 'orders-admin').composites.push(MANAGE_USERS);
      },
      errors: [{ messageId: 'holds', path: ['access', 'defaultRoles', 'orders-admin'] }],
    },
  ],
});

ruleTable(rule(sensitiveRoleComposite), {
  valid: [
    {
      name: 'Keycloak’s master admin role includes every realm’s admin roles',
      change: (r) => {
        r.realm = 'master';
        accessOf(r).roles.push(
          { name: 'admin', composites: [{ client: 'shop-realm', name: 'manage-users' }] },
          { client: 'shop-realm', name: 'manage-users', composites: [] },
        );
      },
    },
    {
      name: 'the default role (its own rule judges it)',
      change: (r) => {
        role(r, 'default-roles-hardened').composites.push(MANAGE_USERS);
      },
    },
  ],
  invalid: [
    {
      name: 'an application role includes manage-users',
      change: (r) => {
        role(r, 'orders-reader').composites.push(MANAGE_USERS);
      },
      errors: [
        {
          messageId: 'includes',
          path: ['access', 'roles', 'orders-reader', 'composites', 'realm-management/manage-users'],
        },
        { messageId: 'includes', path: ['access', 'roles', 'orders-admin', 'composites', 'orders-reader'] },
      ],
    },
  ],
});

ruleTable(rule(sensitiveRoleClient), {
  valid: [
    {
      name: 'admin role in the scope of a scope no client uses',
      change: (r) => {
        accessOf(r).scopeMappings[1]?.roles.push(REALM_ADMIN);
      },
    },
    {
      name: 'admin role in the scope of a disabled client',
      change: (r) => {
        accessOf(r).scopeMappings.push({ client: 'retired-app', roles: [REALM_ADMIN] });
      },
    },
    {
      name: 'admin role in the own scope of a client with full scope allowed (full-scope-allowed judges it)',
      change: (r) => {
        accessOf(r).scopeMappings.push({ client: 'legacy-api', roles: [REALM_ADMIN] });
      },
    },
  ],
  invalid: [
    {
      name: 'the client’s own scope mapping',
      change: (r) => {
        accessOf(r).scopeMappings[0]?.roles.push(MANAGE_USERS);
      },
      errors: [
        {
          messageId: 'client',
          path: ['access', 'scopeMappings', 'client:portal', 'roles', 'realm-management/manage-users'],
        },
      ],
    },
    {
      name: 'a client scope the client uses as optional scope',
      change: (r) => {
        client(r, 'web-app').optionalClientScopes.push('orders');
        role(r, 'orders-admin').composites.push(REALM_ADMIN);
      },
      errors: [{ messageId: 'scope', path: ['clients', 'web-app', 'optionalClientScopes', 'orders'] }],
    },
  ],
});

// The rule tables run on the realm 'hardened'; in master the admin roles live in '<realm>-realm' clients.
describe('sensitive roles in the master realm', () => {
  const master = () => {
    const realm = hardenedRealm();
    realm.realm = 'master';
    accessOf(realm).roles.push({ client: 'shop-realm', name: 'impersonation', composites: [] });
    return realm;
  };
  const paths = (r: Rule, realm: ReturnType<typeof hardenedRealm>) =>
    findingsOf(r, loaded(realm), 'baseline', EMPTY_POLICY_CONFIG, NOW).map((finding) => [...finding.path]);

  it("matches '<realm>-realm/<role>' for a 'realm-management/<role>' entry", () => {
    const realm = master();
    role(realm, 'orders-admin').composites.push({ client: 'shop-realm', name: 'impersonation' });
    expect(paths(rule(sensitiveRoleComposite), realm)).toEqual([
      ['access', 'roles', 'orders-admin', 'composites', 'shop-realm/impersonation'],
    ]);
  });

  it('follows master’s admin role to the admin roles it includes', () => {
    const realm = master();
    accessOf(realm).roles.push({ name: 'admin', composites: [{ client: 'shop-realm', name: 'impersonation' }] });
    accessOf(realm).groups.push({ path: '/operators', roles: [{ name: 'admin' }] });
    expect(paths(rule(sensitiveRoleGroup), realm)).toEqual([['access', 'groups', '/operators', 'roles', 'admin']]);
  });

  it("does not read a '-realm' client as an admin client outside master", () => {
    const realm = hardenedRealm();
    accessOf(realm).groups.push({ path: '/operators', roles: [{ client: 'shop-realm', name: 'impersonation' }] });
    expect(paths(rule(sensitiveRoleGroup), realm)).toEqual([]);
  });
});
