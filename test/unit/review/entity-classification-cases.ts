/**
 * Classification cases for issue 14's entities (review/classify/entity-*.ts): each starts from
 * the review's realm with the entity parts added (ENTITY_STARTS) and changes one thing. Run by
 * entity-classification.test.ts and counted by classification.test.ts's coverage meta-test.
 */
import type { RealmSettings } from '../../../model/realm-settings.ts';
import type { Effect } from '../../../review/change.ts';

export interface EntityCase {
  name: string;
  edit: (realm: RealmSettings) => void;
  /** The path below the realm, joined with '.', of the one change expected. */
  path: string;
  effect: Effect;
  before?: unknown;
  after?: unknown;
}

const MANAGE_USERS = { client: 'realm-management', name: 'manage-users' };
const REALM_ADMIN = { client: 'realm-management', name: 'realm-admin' };
const VIEW_USERS = { client: 'realm-management', name: 'view-users' };

/** The entity parts of a hardened realm: what the cases change. */
export function addEntities(realm: RealmSettings): void {
  realm.identityProviders = [
    {
      alias: 'corp',
      providerId: 'oidc',
      enabled: true,
      trustEmail: false,
      linkOnly: false,
      firstBrokerLoginFlowAlias: 'first broker login',
      config: {
        validateSignature: 'true',
        pkceMethod: 'S256',
        syncMode: 'FORCE',
        clientAuthMethod: 'private_key_jwt',
        clientSecret: 'old-secret-value',
      },
      mappers: [{ name: 'department', type: 'oidc-user-attribute-idp-mapper', config: { syncMode: 'FORCE' } }],
    },
    {
      alias: 'partner',
      providerId: 'saml',
      enabled: true,
      trustEmail: false,
      linkOnly: false,
      config: { validateSignature: 'true', wantAssertionsSigned: 'true' },
      mappers: [],
    },
  ];
  realm.clientScopes = [
    {
      name: 'customer',
      protocol: 'openid-connect',
      attributes: { 'include.in.token.scope': 'true' },
      protocolMappers: [],
    },
  ];
  for (const client of realm.clients) client.protocolMappers = [];
  realm.access = {
    roles: [
      { name: 'operator', composites: [MANAGE_USERS] },
      { name: 'support', composites: [] },
      { ...REALM_ADMIN, composites: [MANAGE_USERS] },
      { ...MANAGE_USERS, composites: [] },
    ],
    groups: [
      { path: '/staff', roles: [{ name: 'support' }] },
      { path: '/admins', roles: [REALM_ADMIN] },
    ],
    defaultRoles: [{ name: 'offline_access' }],
    serviceAccounts: [{ clientId: 'web', roles: [VIEW_USERS], groups: [] }],
    scopeMappings: [{ client: 'web', roles: [{ name: 'support' }] }],
  };
  realm.authentication = {
    browserFlow: 'browser-mfa',
    firstBrokerLoginFlow: 'first broker login',
    flows: [
      {
        alias: 'browser-mfa',
        topLevel: true,
        executions: [
          { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
          { subFlow: 'browser-mfa forms', requirement: 'ALTERNATIVE' },
        ],
      },
      {
        alias: 'browser-mfa forms',
        topLevel: false,
        executions: [
          { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
          { authenticator: 'auth-otp-form', requirement: 'REQUIRED' },
        ],
      },
      {
        alias: 'browser',
        topLevel: true,
        executions: [
          { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
          { subFlow: 'forms', requirement: 'ALTERNATIVE' },
        ],
      },
      {
        alias: 'forms',
        topLevel: false,
        executions: [
          { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
          { subFlow: 'conditional 2fa', requirement: 'CONDITIONAL' },
        ],
      },
      {
        alias: 'conditional 2fa',
        topLevel: false,
        executions: [
          { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
          { authenticator: 'auth-otp-form', requirement: 'ALTERNATIVE' },
          { authenticator: 'webauthn-authenticator', requirement: 'ALTERNATIVE' },
        ],
      },
    ],
  };
  realm.userProfile = { attributes: ['username', 'email', 'firstName', 'lastName'] };
}

const idp = (realm: RealmSettings, alias: string) => realm.identityProviders!.find((entry) => entry.alias === alias)!;
const flow = (realm: RealmSettings, alias: string) =>
  realm.authentication!.flows.find((entry) => entry.alias === alias)!;
const unmanagedEnabled = (realm: RealmSettings) => {
  addEntities(realm);
  realm.userProfile!.unmanagedAttributePolicy = 'ENABLED';
};
const customerMapper = (attribute: string) => ({
  name: 'customer-number',
  protocol: 'openid-connect',
  type: 'oidc-usermodel-attribute-mapper',
  config: { 'user.attribute': attribute, 'claim.name': 'customer_number' },
});

export const ENTITY_CASES: EntityCase[] = [
  // identity providers
  {
    name: 'IdP signature validation turned off weakens',
    edit: (r) => {
      idp(r, 'corp').config.validateSignature = 'false';
    },
    path: 'identityProviders.corp.config.validateSignature',
    effect: 'weakens',
    before: 'true',
    after: 'false',
  },
  {
    name: 'IdP PKCE turned on (absent = off) strengthens',
    edit: (r) => {
      idp(r, 'corp').config.pkceEnabled = 'true';
    },
    path: 'identityProviders.corp.config.pkceEnabled',
    effect: 'strengthens',
  },
  {
    name: 'IdP PKCE method S256 → plain weakens',
    edit: (r) => {
      idp(r, 'corp').config.pkceMethod = 'plain';
    },
    path: 'identityProviders.corp.config.pkceMethod',
    effect: 'weakens',
  },
  {
    name: 'IdP sync mode FORCE → IMPORT weakens',
    edit: (r) => {
      idp(r, 'corp').config.syncMode = 'IMPORT';
    },
    path: 'identityProviders.corp.config.syncMode',
    effect: 'weakens',
  },
  {
    name: 'IdP client authentication private_key_jwt → client_secret_post weakens',
    edit: (r) => {
      idp(r, 'corp').config.clientAuthMethod = 'client_secret_post';
    },
    path: 'identityProviders.corp.config.clientAuthMethod',
    effect: 'weakens',
  },
  {
    name: 'IdP issuer changed is neutral',
    edit: (r) => {
      idp(r, 'corp').config.issuer = 'https://idp.example.com';
    },
    path: 'identityProviders.corp.config.issuer',
    effect: 'neutral',
  },
  {
    name: 'SAML IdP unsigned assertions accepted weakens',
    edit: (r) => {
      idp(r, 'partner').config.wantAssertionsSigned = 'false';
    },
    path: 'identityProviders.partner.config.wantAssertionsSigned',
    effect: 'weakens',
  },
  {
    name: 'IdP emails trusted weakens',
    edit: (r) => {
      idp(r, 'corp').trustEmail = true;
    },
    path: 'identityProviders.corp.trustEmail',
    effect: 'weakens',
  },
  {
    name: 'IdP link-only strengthens',
    edit: (r) => {
      idp(r, 'corp').linkOnly = true;
    },
    path: 'identityProviders.corp.linkOnly',
    effect: 'strengthens',
  },
  {
    name: 'IdP disabled is neutral',
    edit: (r) => {
      idp(r, 'corp').enabled = false;
    },
    path: 'identityProviders.corp.enabled',
    effect: 'neutral',
  },
  {
    name: 'IdP type changed is neutral',
    edit: (r) => {
      idp(r, 'corp').providerId = 'keycloak-oidc';
    },
    path: 'identityProviders.corp.providerId',
    effect: 'neutral',
  },
  {
    name: 'IdP first-login flow changed is neutral',
    edit: (r) => {
      idp(r, 'corp').firstBrokerLoginFlowAlias = 'link only';
    },
    path: 'identityProviders.corp.firstBrokerLoginFlowAlias',
    effect: 'neutral',
  },
  {
    name: 'IdP post-login flow set is neutral',
    edit: (r) => {
      idp(r, 'partner').postBrokerLoginFlowAlias = 'ask otp';
    },
    path: 'identityProviders.partner.postBrokerLoginFlowAlias',
    effect: 'neutral',
  },
  {
    name: 'IdP mapper granting roles added weakens',
    edit: (r) => {
      idp(r, 'corp').mappers.push({ name: 'admins', type: 'hardcoded-role-idp-mapper', config: { role: 'operator' } });
    },
    path: 'identityProviders.corp.mappers.admins',
    effect: 'weakens',
  },
  {
    name: 'IdP mapper sync FORCE → INHERIT weakens',
    edit: (r) => {
      idp(r, 'corp').mappers[0]!.config.syncMode = 'INHERIT';
    },
    path: 'identityProviders.corp.mappers.department.config.syncMode',
    effect: 'weakens',
  },
  {
    name: 'IdP mapper type changed is neutral',
    edit: (r) => {
      idp(r, 'corp').mappers[0]!.type = 'oidc-username-idp-mapper';
    },
    path: 'identityProviders.corp.mappers.department.type',
    effect: 'neutral',
  },
  {
    name: 'IdP added is neutral (its findings judge it)',
    edit: (r) => {
      r.identityProviders!.push({ ...idp(r, 'corp'), alias: 'github', providerId: 'github' });
    },
    path: 'identityProviders.github',
    effect: 'neutral',
  },

  // client scopes and protocol mappers
  {
    name: 'scope mapper exporting an attribute users may set (unmanaged ENABLED) weakens',
    edit: (r) => {
      r.clientScopes![0]!.protocolMappers.push(customerMapper('customerNumber'));
    },
    path: 'clientScopes.customer.protocolMappers.customer-number',
    effect: 'weakens',
  },
  {
    name: 'scope mapper exporting a declared attribute is neutral',
    edit: (r) => {
      r.clientScopes![0]!.protocolMappers.push(customerMapper('email'));
    },
    path: 'clientScopes.customer.protocolMappers.customer-number',
    effect: 'neutral',
  },
  {
    name: 'scope mapper switched to an undeclared attribute (unmanaged ENABLED) weakens',
    edit: (r) => {
      r.clientScopes![0]!.protocolMappers[0]!.config['user.attribute'] = 'customerNumber';
    },
    path: 'clientScopes.customer.protocolMappers.customer-number.config.user.attribute',
    effect: 'weakens',
  },
  {
    name: 'scope mapper type changed is neutral',
    edit: (r) => {
      r.clientScopes![0]!.protocolMappers[0]!.type = 'oidc-usermodel-property-mapper';
    },
    path: 'clientScopes.customer.protocolMappers.customer-number.type',
    effect: 'neutral',
  },
  {
    name: 'scope mapper protocol changed is neutral',
    edit: (r) => {
      r.clientScopes![0]!.protocolMappers[0]!.protocol = 'saml';
    },
    path: 'clientScopes.customer.protocolMappers.customer-number.protocol',
    effect: 'neutral',
  },
  {
    name: 'client scope protocol changed is neutral',
    edit: (r) => {
      r.clientScopes![0]!.protocol = 'saml';
    },
    path: 'clientScopes.customer.protocol',
    effect: 'neutral',
  },
  {
    name: 'client scope attribute changed is neutral',
    edit: (r) => {
      r.clientScopes![0]!.attributes['display.on.consent.screen'] = 'false';
    },
    path: 'clientScopes.customer.attributes.display.on.consent.screen',
    effect: 'neutral',
  },
  {
    name: 'client scope added is neutral',
    edit: (r) => {
      r.clientScopes!.push({ name: 'extra', protocol: 'openid-connect', attributes: {}, protocolMappers: [] });
    },
    path: 'clientScopes.extra',
    effect: 'neutral',
  },
  {
    name: 'client mapper exporting an attribute users may set (unmanaged ENABLED) weakens',
    edit: (r) => {
      r.clients[0]!.protocolMappers!.push(customerMapper('customerNumber'));
    },
    path: 'clients.web.protocolMappers.customer-number',
    effect: 'weakens',
  },

  // access
  {
    name: 'service account gains realm-admin weakens',
    edit: (r) => {
      r.access!.serviceAccounts[0]!.roles.push(REALM_ADMIN);
    },
    path: 'access.serviceAccounts.web.roles',
    effect: 'weakens',
    after: 'realm-management/realm-admin',
  },
  {
    name: 'service account loses a plain role is neutral',
    edit: (r) => {
      r.access!.serviceAccounts[0]!.roles = [];
    },
    path: 'access.serviceAccounts.web.roles',
    effect: 'neutral',
  },
  {
    name: 'service account joins a group holding realm-admin weakens',
    edit: (r) => {
      r.access!.serviceAccounts[0]!.groups.push('/admins');
    },
    path: 'access.serviceAccounts.web.groups',
    effect: 'weakens',
  },
  {
    name: 'service account added holding manage-users weakens',
    edit: (r) => {
      r.access!.serviceAccounts.push({ clientId: 'spa', roles: [MANAGE_USERS], groups: [] });
    },
    path: 'access.serviceAccounts.spa',
    effect: 'weakens',
  },
  {
    name: 'group gains a composite role that includes manage-users weakens',
    edit: (r) => {
      r.access!.groups[0]!.roles.push({ name: 'operator' });
    },
    path: 'access.groups./staff.roles',
    effect: 'weakens',
  },
  {
    name: 'group holding realm-admin removed strengthens',
    edit: (r) => {
      r.access!.groups.pop();
    },
    path: 'access.groups./admins',
    effect: 'strengthens',
  },
  {
    name: 'default roles gain manage-users weakens',
    edit: (r) => {
      r.access!.defaultRoles.push(MANAGE_USERS);
    },
    path: 'access.defaultRoles',
    effect: 'weakens',
  },
  {
    name: 'a composite role gains realm-admin weakens',
    edit: (r) => {
      r.access!.roles.find((role) => role.name === 'support')!.composites.push(REALM_ADMIN);
    },
    path: 'access.roles.support.composites',
    effect: 'weakens',
  },
  {
    name: 'a composite role loses manage-users strengthens',
    edit: (r) => {
      r.access!.roles.find((role) => role.name === 'operator')!.composites = [];
    },
    path: 'access.roles.operator.composites',
    effect: 'strengthens',
  },
  {
    name: "a client's scope mapping gains impersonation weakens",
    edit: (r) => {
      r.access!.scopeMappings[0]!.roles.push({ client: 'realm-management', name: 'impersonation' });
    },
    path: 'access.scopeMappings.client:web.roles',
    effect: 'weakens',
  },

  // authentication
  {
    name: 'OTP REQUIRED → DISABLED in the browser flow weakens',
    edit: (r) => {
      flow(r, 'browser-mfa forms').executions[1]!.requirement = 'DISABLED';
    },
    path: 'authentication.flows.browser-mfa forms.executions',
    effect: 'weakens',
  },
  {
    name: 'OTP REQUIRED → ALTERNATIVE next to the password weakens (one of them suffices)',
    edit: (r) => {
      const steps = flow(r, 'browser-mfa forms').executions;
      steps[0]!.requirement = 'ALTERNATIVE';
      steps[1]!.requirement = 'ALTERNATIVE';
    },
    path: 'authentication.flows.browser-mfa forms.executions',
    effect: 'weakens',
  },
  {
    name: 'conditional 2FA made required strengthens',
    edit: (r) => {
      flow(r, 'forms').executions[1]!.requirement = 'REQUIRED';
    },
    path: 'authentication.flows.forms.executions',
    effect: 'strengthens',
  },
  {
    name: 'browser flow switched to one without a required second factor weakens',
    edit: (r) => {
      r.authentication!.browserFlow = 'browser';
    },
    path: 'authentication.browserFlow',
    effect: 'weakens',
    before: 'browser-mfa',
    after: 'browser',
  },
  {
    name: 'first-broker-login flow switched is neutral',
    edit: (r) => {
      r.authentication!.firstBrokerLoginFlow = 'link only';
    },
    path: 'authentication.firstBrokerLoginFlow',
    effect: 'neutral',
  },
  {
    name: 'flow made top-level is neutral',
    edit: (r) => {
      flow(r, 'forms').topLevel = true;
    },
    path: 'authentication.flows.forms.topLevel',
    effect: 'neutral',
  },

  // user profile
  {
    name: 'unmanaged attributes off → ENABLED weakens',
    edit: (r) => {
      r.userProfile!.unmanagedAttributePolicy = 'ENABLED';
    },
    path: 'userProfile.unmanagedAttributePolicy',
    effect: 'weakens',
    before: null,
    after: 'ENABLED',
  },
  {
    name: 'unmanaged attributes ENABLED → ADMIN_VIEW strengthens',
    edit: (r) => {
      r.userProfile!.unmanagedAttributePolicy = 'ADMIN_VIEW';
    },
    path: 'userProfile.unmanagedAttributePolicy',
    effect: 'strengthens',
  },
  {
    name: 'attribute declared in the user profile is neutral',
    edit: (r) => {
      r.userProfile!.attributes.push('customerNumber');
    },
    path: 'userProfile.attributes',
    effect: 'neutral',
  },
];

/** The start of each case: the entity parts, plus what the case needs before its one change. */
export const ENTITY_STARTS: Record<string, (realm: RealmSettings) => void> = Object.fromEntries(
  ENTITY_CASES.map(({ name }) => [name, addEntities]),
);
Object.assign(ENTITY_STARTS, {
  'scope mapper exporting an attribute users may set (unmanaged ENABLED) weakens': unmanagedEnabled,
  'client mapper exporting an attribute users may set (unmanaged ENABLED) weakens': unmanagedEnabled,
  'scope mapper switched to an undeclared attribute (unmanaged ENABLED) weakens': (r: RealmSettings) => {
    unmanagedEnabled(r);
    r.clientScopes![0]!.protocolMappers.push(customerMapper('email'));
  },
  'scope mapper type changed is neutral': (r: RealmSettings) => {
    addEntities(r);
    r.clientScopes![0]!.protocolMappers.push(customerMapper('email'));
  },
  'scope mapper protocol changed is neutral': (r: RealmSettings) => {
    addEntities(r);
    r.clientScopes![0]!.protocolMappers.push(customerMapper('email'));
  },
  'unmanaged attributes ENABLED → ADMIN_VIEW strengthens': unmanagedEnabled,
});
