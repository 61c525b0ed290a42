/**
 * Composite grants by each path form Keycloak records (keycloak-events.test.ts shows them): the
 * default role matched by id or by name, a client role of the same name not taken for it, and
 * names from paths that name prototype keys or hold a slash treated as plain text.
 */
import { describe, expect, it } from 'vitest';
import { toWatchEvent } from '../../../watch/event.ts';
import { grantOf } from '../../../watch/role-grants.ts';

const realm = { realm: 'shop', defaultRole: { id: 'role-default', name: 'default-roles-shop' } };
const realmAdmin = JSON.stringify([{ id: 'r1', name: 'realm-admin', clientRole: false }]);

const holderOf = (resourcePath: string, resourceType = 'REALM_ROLE') => {
  const event = toWatchEvent('admin', 'shop', {
    id: 'a1',
    time: 2_000,
    operationType: 'CREATE',
    resourceType,
    resourcePath,
    representation: realmAdmin,
  })!;
  const grant = grantOf(event.admin!, undefined, realm);
  return grant && [grant.holder, grant.judgedAs];
};

describe('grantOf: roles added to a composite', () => {
  it.each([
    ['roles-by-id/role-default/composites', 'REALM_ROLE', ['every user (default roles)', 'defaultRoles']],
    ['roles/default-roles-shop/composites', 'REALM_ROLE', ['every user (default roles)', 'defaultRoles']],
    [
      'clients/c1/roles/default-roles-shop/composites',
      'CLIENT_ROLE',
      ['whoever holds role default-roles-shop', 'composite'],
    ],
    ['roles/ops lead/composites', 'REALM_ROLE', ['whoever holds role ops lead', 'composite']],
    ['roles/__proto__/composites', 'REALM_ROLE', ['whoever holds role __proto__', 'composite']],
    ['roles/constructor/composites', 'REALM_ROLE', ['whoever holds role constructor', 'composite']],
    ['clients/c1/roles/a/b/composites', 'CLIENT_ROLE', ['whoever holds role a/b', 'composite']],
    // A role named "role-default" is not the default role: by name it is matched by name only.
    ['roles/role-default/composites', 'REALM_ROLE', ['whoever holds role role-default', 'composite']],
  ])('%s', (path, type, expected) => {
    expect(holderOf(path, type)).toEqual(expected);
  });

  it('reads no grant from other paths under roles', () => {
    expect(holderOf('roles/boss')).toBeUndefined();
    expect(holderOf('roles-by-id/x/composites/realm')).toBeUndefined();
  });
});
