/**
 * The built-in sensitive roles (issue 14): roles of the realm-management client that administer
 * the realm or its users; holding one, directly or through a composite, is holding admin power.
 * The policy config may extend the list.
 */

/** The client that holds a realm's administration roles (in the master realm: `<realm>-realm` clients). */
export const REALM_MANAGEMENT_CLIENT = 'realm-management';

export const SENSITIVE_REALM_MANAGEMENT_ROLES: readonly string[] = [
  'realm-admin',
  'manage-users',
  'manage-clients',
  'manage-realm',
  'impersonation',
  'manage-authorization',
  'manage-identity-providers',
];
