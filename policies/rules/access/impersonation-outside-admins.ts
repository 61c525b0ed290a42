import { AccessGraph } from '../../access-graph.ts';
import { defineRule } from '../../define-rule.ts';
import { roleKey, type RoleRef } from '../../../model/entities/access.ts';
import { isAdminClientOf, isDefaultRole, isFullAdminRole } from '../../sensitive-roles.ts';
import { NIST_800_53 } from '../../sources.ts';

export default defineRule('access', {
  id: 'impersonation-outside-admins',
  title: 'Only full administrators can impersonate users',
  severity: 'high',
  sources: [NIST_800_53('AC-6(5) (privileged accounts)'), NIST_800_53('AC-5 (separation of duties)')],
  why: 'The impersonation role logs its holder in as any user of the realm without that user’s password or second factor; held apart from realm-admin (or, in master, the admin role) it hands a helpdesk group, a service account or an application role every user’s identity.',
  remediation: {
    action:
      'Remove the impersonation role from the group, service account, default roles or composite, and leave it to the realm’s full administrators.',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    group: 'Members of group {{group}} can impersonate users: they hold {{role}}.',
    serviceAccount: 'The service account of {{client}} can impersonate users: it holds {{role}}.',
    defaultRole: 'Every user can impersonate users: the default roles include {{role}}.',
    composite: 'Role {{composite}} lets its holders impersonate users: it includes {{role}}.',
  },
  *check(realm) {
    if (!realm.access) return;
    const graph = new AccessGraph(realm.access);
    const isImpersonation = (role: RoleRef) =>
      role.name === 'impersonation' && role.client !== undefined && isAdminClientOf(realm, role.client);
    // Impersonation reached only through the full admin role is the administrators' own: stop there.
    const impersonates = (held: RoleRef) =>
      !isFullAdminRole(realm, held) &&
      graph.closure(held, (role) => !isFullAdminRole(realm, role)).some(isImpersonation);
    const { groups, serviceAccounts, defaultRoles, roles } = realm.access;
    // Who holds roles directly: each group, each service account, and every user through the default roles.
    const holders = [
      ...groups.map((group) => ({
        at: ['access', 'groups', group.path, 'roles'],
        roles: group.roles,
        messageId: 'group' as const,
        data: { group: group.path },
      })),
      ...serviceAccounts.map((account) => ({
        at: ['access', 'serviceAccounts', account.clientId, 'roles'],
        roles: account.roles,
        messageId: 'serviceAccount' as const,
        data: { client: account.clientId },
      })),
      { at: ['access', 'defaultRoles'], roles: defaultRoles, messageId: 'defaultRole' as const, data: {} },
    ];
    for (const { at, roles: held, messageId, data } of holders) {
      for (const role of held.filter(impersonates))
        yield { path: [...at, roleKey(role)], messageId, data: { ...data, role: roleKey(role) } };
    }
    // Keycloak's own admin roles are left out: realm-admin and master's admin are the administrators.
    for (const role of roles) {
      if (isImpersonation(role) || isFullAdminRole(realm, role) || isDefaultRole(realm, role)) continue;
      const held = role.composites.find(impersonates);
      if (held)
        yield {
          path: ['access', 'roles', roleKey(role), 'composites', roleKey(held)],
          messageId: 'composite',
          data: { composite: roleKey(role), role: roleKey(held) },
        };
    }
  },
});
