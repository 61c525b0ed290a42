/**
 * Hardened values of the realm parts issue 14 added (identity providers, authentication, access,
 * client scopes, user profile), for test/support/fixtures.ts' hardened realm. Each owner keeps
 * its own block, so rule writers can add theirs without touching each other's.
 */
import type {
  AccessSettings,
  AuthenticationFlowSettings,
  AuthenticationSettings,
  ClientScopeSettings,
  IdentityProviderSettings,
  RealmSettings,
  RoleSettings,
  UserProfileSettings,
} from '../../model/realm-settings.ts';

// --- roles, groups, service accounts and scope mappings (access) --------------------------------

/** Keycloak's realm-management client roles that matter here: realm-admin includes the others. */
const REALM_MANAGEMENT_ROLES: RoleSettings[] = [
  {
    client: 'realm-management',
    name: 'realm-admin',
    composites: ['manage-users', 'manage-clients', 'manage-realm', 'impersonation', 'view-users'].map((name) => ({
      client: 'realm-management',
      name,
    })),
  },
  ...['manage-users', 'manage-clients', 'manage-realm', 'impersonation'].map((name) => ({
    client: 'realm-management',
    name,
    composites: [],
  })),
  {
    client: 'realm-management',
    name: 'view-users',
    composites: [{ client: 'realm-management', name: 'query-users' }],
  },
];

/**
 * Who holds what in the hardened realm: application roles only, a composite and a group tree
 * without admin rights, a service account in a group, and scope mappings on a client and a scope.
 */
export function hardenedAccess(): AccessSettings {
  return {
    roles: [
      ...structuredClone(REALM_MANAGEMENT_ROLES),
      { name: 'orders-reader', composites: [] },
      { name: 'orders-admin', composites: [{ name: 'orders-reader' }] },
      {
        name: 'default-roles-hardened',
        composites: [{ name: 'offline_access' }, { client: 'account', name: 'view-profile' }],
      },
    ],
    groups: [
      { path: '/staff', roles: [{ name: 'orders-reader' }] },
      { path: '/staff/leads', roles: [{ name: 'orders-admin' }] },
    ],
    defaultRoles: [{ name: 'offline_access' }, { client: 'account', name: 'view-profile' }],
    serviceAccounts: [{ clientId: 'batch-service', roles: [{ name: 'orders-reader' }], groups: ['/staff/leads'] }],
    scopeMappings: [
      { client: 'portal', roles: [{ name: 'orders-reader' }] },
      { clientScope: 'orders', roles: [{ name: 'orders-admin' }] },
    ],
  };
}

/** The realm's access part (the fixture always has one). */
export function accessOf(realm: RealmSettings): AccessSettings {
  if (!realm.access) throw new Error('fixture has no access part');
  return realm.access;
}

// --- identity providers and SAML clients (idp-saml) ---------------------------------------------

/** A SAML client as Keycloak 26.7.3 creates one, hardened: signed, encrypted, SHA-256, OneTimeUse. */
export const HARDENED_SAML_ATTRIBUTES: Readonly<Record<string, string>> = {
  'saml.server.signature': 'true',
  'saml.assertion.signature': 'true',
  'saml.client.signature': 'true',
  'saml.encrypt': 'true',
  'saml.signature.algorithm': 'RSA_SHA256',
  'saml.onetimeuse.condition': 'true',
  'saml.force.post.binding': 'true',
};

/** Keycloak's default first broker login flow (26.7.3): confirm, then prove the existing account. */
export function firstBrokerLoginFlows(alias = 'first broker login'): AuthenticationFlowSettings[] {
  const handleExisting = `${alias} handle existing account`;
  const verification = `${alias} account verification options`;
  const reauthentication = `${alias} verify existing account by re-authentication`;
  return [
    {
      alias,
      topLevel: true,
      executions: [
        { authenticator: 'idp-review-profile', requirement: 'REQUIRED' },
        { subFlow: `${alias} user creation or linking`, requirement: 'REQUIRED' },
      ],
    },
    {
      alias: `${alias} user creation or linking`,
      topLevel: false,
      executions: [
        { authenticator: 'idp-create-user-if-unique', requirement: 'ALTERNATIVE' },
        { subFlow: handleExisting, requirement: 'ALTERNATIVE' },
      ],
    },
    {
      alias: handleExisting,
      topLevel: false,
      executions: [
        { authenticator: 'idp-confirm-link', requirement: 'REQUIRED' },
        { subFlow: verification, requirement: 'REQUIRED' },
      ],
    },
    {
      alias: verification,
      topLevel: false,
      executions: [
        { authenticator: 'idp-email-verification', requirement: 'ALTERNATIVE' },
        { subFlow: reauthentication, requirement: 'ALTERNATIVE' },
      ],
    },
    {
      alias: reauthentication,
      topLevel: false,
      executions: [{ authenticator: 'idp-username-password-form', requirement: 'REQUIRED' }],
    },
  ];
}

/** The realm's flows: a browser flow that requires a second factor, and Keycloak's first broker login flow. */
export function hardenedAuthentication(): AuthenticationSettings {
  return {
    browserFlow: 'browser',
    firstBrokerLoginFlow: 'first broker login',
    flows: [...hardenedBrowserFlows(), ...firstBrokerLoginFlows()],
  };
}

/** An OpenID Connect, a SAML and a social identity provider, each hardened as far as its type lets an admin. */
export function hardenedIdentityProviders(): IdentityProviderSettings[] {
  return [
    {
      alias: 'corporate-oidc',
      providerId: 'oidc',
      enabled: true,
      trustEmail: false,
      linkOnly: false,
      config: { validateSignature: 'true', pkceEnabled: 'true', pkceMethod: 'S256', syncMode: 'FORCE' },
      mappers: [
        {
          name: 'department',
          type: 'oidc-user-attribute-idp-mapper',
          config: { syncMode: 'INHERIT', claim: 'department', 'user.attribute': 'department' },
        },
        { name: 'admins', type: 'oidc-role-idp-mapper', config: { syncMode: 'FORCE', claim: 'admin', role: 'admin' } },
      ],
    },
    {
      alias: 'partner-saml',
      providerId: 'saml',
      enabled: true,
      trustEmail: false,
      linkOnly: false,
      config: {
        validateSignature: 'true',
        wantAssertionsSigned: 'true',
        wantAssertionsEncrypted: 'true',
        wantAuthnRequestsSigned: 'true',
        postBindingResponse: 'true',
        syncMode: 'FORCE',
      },
      mappers: [{ name: 'staff', type: 'hardcoded-role-idp-mapper', config: { role: 'staff' } }],
    },
    // A social type: Keycloak hides signature, PKCE and SAML settings for it, so no rule asks for them.
    {
      alias: 'github',
      providerId: 'github',
      enabled: true,
      trustEmail: false,
      linkOnly: false,
      config: { syncMode: 'FORCE' },
      mappers: [],
    },
  ];
}

export function identityProvider(realm: RealmSettings, alias: string): IdentityProviderSettings {
  const found = realm.identityProviders?.find((candidate) => candidate.alias === alias);
  if (!found) throw new Error(`fixture has no identity provider ${alias}`);
  return found;
}

/** Several fixture changes as one rule-table `change`. */
export function allOf(...changes: Array<(realm: RealmSettings) => void>): (realm: RealmSettings) => void {
  return (realm) => {
    for (const change of changes) change(realm);
  };
}
/**
 * A browser flow as Keycloak 26.7.3 builds it, but with the 2FA sub-flow REQUIRED (Keycloak's is
 * CONDITIONAL on "user configured"): OTP or WebAuthn after the password, for everyone.
 */
export function hardenedBrowserFlows(): AuthenticationFlowSettings[] {
  return [
    {
      alias: 'browser',
      topLevel: true,
      executions: [
        { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
        { authenticator: 'auth-spnego', requirement: 'DISABLED' },
        { authenticator: 'identity-provider-redirector', requirement: 'ALTERNATIVE' },
        { subFlow: 'forms', requirement: 'ALTERNATIVE' },
      ],
    },
    {
      alias: 'forms',
      topLevel: false,
      executions: [
        { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
        { subFlow: 'Browser - 2FA', requirement: 'REQUIRED' },
      ],
    },
    {
      alias: 'Browser - 2FA',
      topLevel: false,
      executions: [
        { authenticator: 'auth-otp-form', requirement: 'ALTERNATIVE' },
        { authenticator: 'webauthn-authenticator', requirement: 'ALTERNATIVE' },
        { authenticator: 'auth-recovery-authn-code-form', requirement: 'DISABLED' },
      ],
    },
  ];
}

/** An OpenID Connect attribute mapper, as Keycloak stores one. */
export function attributeMapper(name: string, attribute: string): ClientScopeSettings['protocolMappers'][number] {
  return {
    name,
    protocol: 'openid-connect',
    type: 'oidc-usermodel-attribute-mapper',
    config: { 'user.attribute': attribute, 'claim.name': attribute, 'access.token.claim': 'true' },
  };
}

/** Keycloak's profile scope (one of its standard-claim mappers) and an application scope exporting a custom attribute. */
export function hardenedClientScopes(): ClientScopeSettings[] {
  return [
    {
      name: 'profile',
      protocol: 'openid-connect',
      attributes: { 'include.in.token.scope': 'true' },
      protocolMappers: [attributeMapper('nickname', 'nickname')],
    },
    {
      name: 'orders',
      protocol: 'openid-connect',
      attributes: { 'include.in.token.scope': 'true' },
      protocolMappers: [attributeMapper('customer number', 'customerNumber')],
    },
  ];
}

/** Keycloak's default user profile: the four declared attributes, unmanaged attributes off. */
export function hardenedUserProfile(): UserProfileSettings {
  return { attributes: ['username', 'email', 'firstName', 'lastName'] };
}

/** The realm's parts the access rules read beyond `access` (the fixture always has them). */
export function authenticationOf(realm: RealmSettings): AuthenticationSettings {
  if (!realm.authentication) throw new Error('fixture has no authentication part');
  return realm.authentication;
}

export function flowOf(realm: RealmSettings, alias: string): AuthenticationFlowSettings {
  const flow = authenticationOf(realm).flows.find((candidate) => candidate.alias === alias);
  if (!flow) throw new Error(`fixture has no flow ${alias}`);
  return flow;
}
