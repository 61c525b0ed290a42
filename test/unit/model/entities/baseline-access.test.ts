import { describe, expect, it } from 'vitest';
import { KEYCLOAK_DEFAULT_ROLE_COMPOSITES } from '../../../../model/entities/access.ts';
import { positionOf } from '../../../../model/realm-settings.ts';
import { baselineProblems, loadBaseline } from './load-baseline.ts';

const SERVICE_CLIENT = ['clients:', '  - clientId: orders', '    flows: { standard: false, serviceAccounts: true }'];

describe('baseline → roles, groups, default roles, service accounts, user profile', () => {
  it('reads roles with composites, the group tree as paths, service accounts with roles and groups', () => {
    const loaded = loadBaseline([
      ...SERVICE_CLIENT,
      'roles:',
      '  realm:',
      '    - name: operator',
      '      composites: { clientRoles: { realm-management: [realm-admin] } }',
      '  client:',
      '    orders:',
      '      - name: user-admin',
      '        composites: { clientRoles: { realm-management: [manage-users] } }',
      'groups:',
      '  - name: staff',
      '    realmRoles: [operator]',
      '    subGroups:',
      '      - name: helpdesk',
      '        clientRoles: { orders: [user-admin] }',
      'serviceAccounts:',
      '  - clientId: orders',
      '    clientRoles: { realm-management: [view-users] }',
      '    groups: [/staff/helpdesk]',
    ]);
    expect(loaded.settings.access).toEqual({
      roles: [
        { name: 'operator', composites: [{ client: 'realm-management', name: 'realm-admin' }] },
        { client: 'orders', name: 'user-admin', composites: [{ client: 'realm-management', name: 'manage-users' }] },
      ],
      groups: [
        { path: '/staff', roles: [{ name: 'operator' }] },
        { path: '/staff/helpdesk', roles: [{ client: 'orders', name: 'user-admin' }] },
      ],
      // not declared: Keycloak's own default role composites
      defaultRoles: KEYCLOAK_DEFAULT_ROLE_COMPOSITES,
      serviceAccounts: [
        {
          clientId: 'orders',
          roles: [{ client: 'realm-management', name: 'view-users' }],
          groups: ['/staff/helpdesk'],
        },
      ],
      scopeMappings: [],
    });
    expect(positionOf(loaded.source, ['access', 'roles', 'orders/user-admin'])?.line).toBe(11);
    expect(positionOf(loaded.source, ['access', 'groups', '/staff/helpdesk'])?.line).toBe(17);
  });

  it('default roles as declared', () => {
    const { access } = loadBaseline([
      'defaultRoles: { realmRoles: [offline_access], clientRoles: { realm-management: [view-users] } }',
    ]).settings;
    expect(access?.defaultRoles).toEqual([
      { name: 'offline_access' },
      { client: 'realm-management', name: 'view-users' },
    ]);
  });

  it('the user profile: Keycloak’s attributes plus the declared ones; DISABLED is the absent policy', () => {
    expect(
      loadBaseline(['userProfile: { unmanagedAttributePolicy: ADMIN_VIEW, attributes: [customerNumber] }']).settings
        .userProfile,
    ).toEqual({
      unmanagedAttributePolicy: 'ADMIN_VIEW',
      attributes: ['username', 'email', 'firstName', 'lastName', 'customerNumber'],
    });
    expect(loadBaseline(['userProfile: { unmanagedAttributePolicy: DISABLED }']).settings.userProfile).toEqual({
      attributes: ['username', 'email', 'firstName', 'lastName'],
    });
  });

  it('a baseline without these keys leaves access and the user profile absent', () => {
    const { settings } = loadBaseline(SERVICE_CLIENT);
    expect([settings.access, settings.userProfile, settings.authentication]).toEqual([undefined, undefined, undefined]);
  });

  it.each([
    [
      'a service account of a client without one',
      ['clients:', '  - clientId: web', 'serviceAccounts:', '  - clientId: web'],
      /^baseline\.yaml:5:5: serviceAccounts\[0\]\.clientId: client 'web' has no service account — set flows\.serviceAccounts: true on the client/,
    ],
    [
      'a service account of an unknown client',
      ['serviceAccounts:', '  - clientId: ghost'],
      /^baseline\.yaml:3:5: serviceAccounts\[0\]\.clientId: 'ghost' is not a client of this baseline — declare the client under clients$/,
    ],
    [
      'a sub-group declared twice',
      ['groups:', '  - name: staff', '    subGroups: [{ name: a }, { name: a }]'],
      /^baseline\.yaml:4:32: groups\[0\]\.subGroups\[1\]\.name: sub-group of '\/staff' 'a' is declared twice/,
    ],
    [
      'an unknown key in a sub-group',
      ['groups:', '  - name: staff', '    subGroups: [{ name: a, realmRole: [x] }]'],
      /groups\[0\]\.subGroups\[0\]\.realmRole: unknown key.*did you mean 'realmRoles'/,
    ],
    [
      'an unknown unmanaged-attribute policy',
      ['userProfile: { unmanagedAttributePolicy: EVERYONE }'],
      /^baseline\.yaml:2:16: userProfile\.unmanagedAttributePolicy: the text 'EVERYONE' is not allowed here — use one of: DISABLED, ENABLED, ADMIN_EDIT, ADMIN_VIEW$/,
    ],
  ])('refuses %s with one clear line', (_, lines, expected) => {
    const problems = baselineProblems(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});
