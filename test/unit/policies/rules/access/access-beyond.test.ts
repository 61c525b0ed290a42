/**
 * Rule tables of the access rules beyond the role monitors: impersonation, the browser flow's
 * second factor, exported user attributes, and the configurable scope and mapper watches.
 */
import browserFlowSecondFactor from '../../../../../policies/rules/access/browser-flow-second-factor.ts';
import impersonationOutsideAdmins from '../../../../../policies/rules/access/impersonation-outside-admins.ts';
import protocolMapperConfig from '../../../../../policies/rules/access/protocol-mapper-config.ts';
import sensitiveScope from '../../../../../policies/rules/access/sensitive-scope.ts';
import userAttributeExportedEditable from '../../../../../policies/rules/access/user-attribute-exported-editable.ts';
import type { Rule } from '../../../../../policies/define-rule.ts';
import type { RealmSettings } from '../../../../../model/realm-settings.ts';
import { accessOf, attributeMapper, authenticationOf, flowOf } from '../../../../support/entity-fixtures.ts';
import { client, ruleTable } from '../../rule-table.ts';

const rule = (r: unknown) => r as Rule;
const IMPERSONATION = { client: 'realm-management', name: 'impersonation' };
const REALM_ADMIN = { client: 'realm-management', name: 'realm-admin' };

function execution(realm: RealmSettings, flow: string, step: string) {
  const found = flowOf(realm, flow).executions.find((e) => (e.authenticator ?? e.subFlow) === step);
  if (!found) throw new Error(`flow ${flow} has no step ${step}`);
  return found;
}

/** Keycloak 26.7.3's own 2FA sub-flow: CONDITIONAL on "user configured", OTP as the alternative. */
function keycloakDefault2fa(realm: RealmSettings) {
  execution(realm, 'forms', 'Browser - 2FA').requirement = 'CONDITIONAL';
  flowOf(realm, 'Browser - 2FA').executions.unshift(
    { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
    { authenticator: 'conditional-credential', requirement: 'REQUIRED' },
  );
}

/** The 2FA sub-flow CONDITIONAL on holding a role (condUserRole as Keycloak writes it). */
function twoFactorFor(condUserRole: string, negate = false) {
  return (realm: RealmSettings) => {
    execution(realm, 'forms', 'Browser - 2FA').requirement = 'CONDITIONAL';
    flowOf(realm, 'Browser - 2FA').executions.unshift({
      authenticator: 'conditional-user-role',
      requirement: 'REQUIRED',
      config: { condUserRole, ...(negate && { negate: 'true' }) },
    });
  };
}

const BROWSER = ['authentication', 'flows', 'browser'];

ruleTable(rule(browserFlowSecondFactor), {
  valid: [
    {
      name: 'the browser flow is not in the source',
      change: (r) => {
        authenticationOf(r).flows = [];
      },
    },
    {
      name: '2FA conditional on manage-users, which realm-admin (the only other listed role here) includes',
      change: (r) => {
        // Every listed role the realm has must be covered: the fixture's realm-admin includes the others.
        twoFactorFor('realm-management.manage-users')(r);
        accessOf(r).roles = accessOf(r).roles.filter((role) => ['realm-admin', 'manage-users'].includes(role.name));
        accessOf(r).roles[0]!.composites = [{ client: 'realm-management', name: 'manage-users' }];
      },
    },
    {
      name: 'Kerberos enabled as another way in (the domain login it accepts is judged elsewhere)',
      change: (r) => {
        execution(r, 'browser', 'auth-spnego').requirement = 'ALTERNATIVE';
      },
    },
  ],
  invalid: [
    {
      name: 'Keycloak’s default: 2FA only for users who configured it (no holder known: low)',
      change: keycloakDefault2fa,
      errors: [{ messageId: 'missing', path: BROWSER, severity: 'low' }],
    },
    {
      name: 'Keycloak’s default, and the source lists no roles (a partial export): judged on the built-in list',
      change: (r) => {
        keycloakDefault2fa(r);
        accessOf(r).roles = [];
      },
      errors: [{ messageId: 'missing', path: BROWSER, severity: 'low' }],
    },
    {
      name: 'the 2FA sub-flow disabled, and a group holds realm-admin (medium)',
      change: (r) => {
        execution(r, 'forms', 'Browser - 2FA').requirement = 'DISABLED';
        accessOf(r).groups[0]!.roles.push(REALM_ADMIN);
      },
      errors: [{ messageId: 'missing', path: BROWSER, severity: 'medium' }],
    },
    {
      name: 'OTP as an alternative to the password form (one factor either way)',
      change: (r) => {
        flowOf(r, 'forms').executions = [
          { authenticator: 'auth-username-password-form', requirement: 'ALTERNATIVE' },
          { authenticator: 'auth-otp-form', requirement: 'ALTERNATIVE' },
        ];
      },
      errors: [{ messageId: 'missing', path: BROWSER, severity: 'low' }],
    },
    {
      name: 'a negated role condition',
      change: twoFactorFor('realm-management.manage-users', true),
      errors: [{ messageId: 'missing', path: BROWSER, severity: 'low' }],
    },
    {
      name: '2FA conditional on realm-admin leaves holders of manage-users alone uncovered',
      change: twoFactorFor('realm-management.realm-admin'),
      errors: [{ messageId: 'missing', path: BROWSER, severity: 'low' }],
    },
  ],
});

ruleTable(rule(impersonationOutsideAdmins), {
  valid: [
    {
      name: 'realm-admin held by a group (impersonation comes with it)',
      change: (r) => {
        accessOf(r).groups[0]!.roles.push(REALM_ADMIN);
      },
    },
    {
      name: 'a custom role that includes realm-admin',
      change: (r) => {
        accessOf(r)
          .roles.find((role) => role.name === 'orders-admin')!
          .composites.push(REALM_ADMIN);
      },
    },
  ],
  invalid: [
    {
      name: 'a helpdesk group holds impersonation',
      change: (r) => {
        accessOf(r).groups[1]!.roles.push(IMPERSONATION);
      },
      errors: [
        { messageId: 'group', path: ['access', 'groups', '/staff/leads', 'roles', 'realm-management/impersonation'] },
      ],
    },
    {
      name: 'a service account holds it',
      change: (r) => {
        accessOf(r).serviceAccounts[0]!.roles.push(IMPERSONATION);
      },
      errors: [
        {
          messageId: 'serviceAccount',
          path: ['access', 'serviceAccounts', 'batch-service', 'roles', 'realm-management/impersonation'],
        },
      ],
    },
    {
      name: 'an application role includes it (and a group holds that role)',
      change: (r) => {
        accessOf(r)
          .roles.find((role) => role.name === 'orders-reader')!
          .composites.push(IMPERSONATION);
        accessOf(r).groups = [];
        accessOf(r).serviceAccounts = [];
      },
      errors: [
        {
          messageId: 'composite',
          path: ['access', 'roles', 'orders-reader', 'composites', 'realm-management/impersonation'],
        },
        { messageId: 'composite', path: ['access', 'roles', 'orders-admin', 'composites', 'orders-reader'] },
      ],
    },
    {
      name: 'the default roles include it',
      change: (r) => {
        accessOf(r).defaultRoles.push(IMPERSONATION);
      },
      errors: [{ messageId: 'defaultRole', path: ['access', 'defaultRoles', 'realm-management/impersonation'] }],
    },
  ],
});

ruleTable(rule(userAttributeExportedEditable), {
  valid: [
    {
      name: 'unmanaged attributes editable only by admins',
      change: (r) => {
        r.userProfile!.unmanagedAttributePolicy = 'ADMIN_EDIT';
        client(r, 'web-app').optionalClientScopes.push('orders');
      },
    },
    {
      name: 'ENABLED, but no client uses the scope that exports the attribute',
      change: (r) => {
        r.userProfile!.unmanagedAttributePolicy = 'ENABLED';
      },
    },
    {
      name: 'ENABLED, and the exported attribute is declared in the user profile',
      change: (r) => {
        r.userProfile!.unmanagedAttributePolicy = 'ENABLED';
        r.userProfile!.attributes.push('customerNumber');
        client(r, 'web-app').optionalClientScopes.push('orders');
      },
    },
    {
      name: 'ENABLED, and only a standard profile claim is exported (nickname in profile)',
      change: (r) => {
        r.userProfile!.unmanagedAttributePolicy = 'ENABLED';
      },
    },
    {
      name: 'the user profile is not in the source',
      change: (r) => {
        delete r.userProfile;
        client(r, 'web-app').optionalClientScopes.push('orders');
      },
    },
  ],
  invalid: [
    {
      name: 'ENABLED, and a scope a client uses exports customerNumber',
      change: (r) => {
        r.userProfile!.unmanagedAttributePolicy = 'ENABLED';
        client(r, 'web-app').optionalClientScopes.push('orders');
      },
      errors: [{ messageId: 'scope', path: ['clientScopes', 'orders', 'protocolMappers', 'customer number'] }],
    },
    {
      name: 'ENABLED, and a client’s own mapper exports phoneNumberVerified',
      change: (r) => {
        r.userProfile!.unmanagedAttributePolicy = 'ENABLED';
        client(r, 'portal').protocolMappers = [attributeMapper('phone verified', 'phoneNumberVerified')];
      },
      errors: [{ messageId: 'client', path: ['clients', 'portal', 'protocolMappers', 'phone verified'] }],
    },
  ],
});

ruleTable(rule(sensitiveScope), {
  valid: [
    {
      name: 'nothing configured (the default): finds nothing',
      change: (r) => {
        client(r, 'web-app').optionalClientScopes.push('orders');
      },
    },
    {
      name: 'configured scope on a disabled client',
      params: { sensitiveScopes: ['orders'] },
      change: (r) => {
        client(r, 'retired-app').defaultClientScopes.push('orders');
      },
    },
  ],
  invalid: [
    {
      name: 'configured scope as a default scope',
      params: { sensitiveScopes: ['orders'] },
      change: (r) => {
        client(r, 'portal').defaultClientScopes.push('orders');
      },
      errors: [{ messageId: 'uses', path: ['clients', 'portal', 'defaultClientScopes', 'orders'] }],
    },
  ],
});

ruleTable(rule(protocolMapperConfig), {
  valid: [
    { name: 'nothing configured (the default): finds nothing' },
    {
      name: 'a configured type whose config does not match',
      params: { mappers: ['oidc-usermodel-attribute-mapper?user.attribute=ssn'] },
    },
  ],
  invalid: [
    {
      name: 'a configured type and config on client scopes',
      params: { mappers: ['oidc-usermodel-attribute-mapper?user.attribute=customerNumber&access.token.claim=true'] },
      errors: [{ messageId: 'scope', path: ['clientScopes', 'orders', 'protocolMappers', 'customer number'] }],
    },
    {
      name: 'a configured type on a client and on scopes',
      params: { mappers: ['oidc-usermodel-attribute-mapper'] },
      change: (r) => {
        client(r, 'portal').protocolMappers = [attributeMapper('tenant', 'tenant')];
      },
      errors: [
        { messageId: 'client', path: ['clients', 'portal', 'protocolMappers', 'tenant'] },
        { messageId: 'scope', path: ['clientScopes', 'profile', 'protocolMappers', 'nickname'] },
        { messageId: 'scope', path: ['clientScopes', 'orders', 'protocolMappers', 'customer number'] },
      ],
    },
  ],
});
