/**
 * The pack's flows, user profile and identity-provider mappers, assembled from plain resource
 * lists as the engine hands them to a stack policy (no CLI): which flow is the browser flow, what
 * an identity provider's first login runs, which mapper has which sync mode, and which resource a
 * violation names.
 */
import { describe, expect, it } from 'vitest';
import { KEYCLOAK_BUILT_IN_FLOWS } from '../../../../model/keycloak-flows.ts';
import { assembleRealm, REALM_TYPE, SAML_CLIENT_TYPE, type PackResource } from '../../../../policies/pack/assemble.ts';
import {
  EXECUTION_CONFIG_TYPE,
  EXECUTION_TYPE,
  FLOW_BINDINGS_TYPE,
  FLOW_TYPE,
  SUBFLOW_TYPE,
} from '../../../../policies/pack/assemble-authentication.ts';
import { USER_PROFILE_TYPE } from '../../../../policies/pack/assemble-user-profile.ts';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import { allRules } from '../../../../policies/rules/index.ts';
import { NOW } from '../../../support/fixtures.ts';
import { runPack, UNKNOWN, urnOf, type Resource } from './pack-args.ts';

const OIDC_IDP_TYPE = 'keycloak:oidc/identityProvider:IdentityProvider';
const ATTRIBUTE_TO_ROLE_TYPE = 'keycloak:index/attributeToRoleIdentityMapper:AttributeToRoleIdentityMapper';
const HARDCODED_ROLE_TYPE = 'keycloak:index/hardcodedRoleIdentityMapper:HardcodedRoleIdentityMapper';
const ATTRIBUTE_IMPORTER_TYPE =
  'keycloak:index/attributeImporterIdentityProviderMapper:AttributeImporterIdentityProviderMapper';

const policies = buildPolicies(allRules, () => NOW);

const realm: Resource = { type: REALM_TYPE, name: 'acme', props: { realm: 'acme' } };
const resource = (type: string, name: string, props: Record<string, unknown>): Resource => ({
  type,
  name,
  props: { realmId: 'acme', ...props },
});

/** A copy of the browser flow whose only way in is a password: bound by Bindings. */
const passwordOnlyBrowser: Resource[] = [
  resource(FLOW_TYPE, 'weak-browser', { alias: 'weak-browser' }),
  resource(EXECUTION_TYPE, 'weak-cookie', {
    parentFlowAlias: 'weak-browser',
    authenticator: 'auth-cookie',
    requirement: 'ALTERNATIVE',
  }),
  resource(SUBFLOW_TYPE, 'weak-forms', {
    parentFlowAlias: 'weak-browser',
    alias: 'weak-forms',
    requirement: 'ALTERNATIVE',
  }),
  resource(EXECUTION_TYPE, 'weak-password', {
    parentFlowAlias: 'weak-forms',
    authenticator: 'auth-username-password-form',
    requirement: 'REQUIRED',
  }),
  resource(FLOW_BINDINGS_TYPE, 'bindings', { browserFlow: 'weak-browser' }),
];
/** The same flow with a one-time code REQUIRED after the password. */
const otpBrowser = (requirement: unknown): Resource[] => [
  ...passwordOnlyBrowser,
  resource(EXECUTION_TYPE, 'weak-otp', { parentFlowAlias: 'weak-forms', authenticator: 'auth-otp-form', requirement }),
];

const corpIdp = (props: Record<string, unknown> = {}): Resource => ({
  type: OIDC_IDP_TYPE,
  name: 'corp',
  props: {
    realm: 'acme',
    alias: 'corp',
    authorizationUrl: 'https://idp.example.com/authorize',
    tokenUrl: 'https://idp.example.com/token',
    clientId: 'acme',
    validateSignature: true,
    syncMode: 'FORCE',
    extraConfig: { pkceEnabled: 'true', pkceMethod: 'S256' },
    ...props,
  },
});
/** A first login flow that links an existing account by email, unverified. */
const autoLinkFlow: Resource[] = [
  resource(FLOW_TYPE, 'auto-link', { alias: 'auto-link' }),
  resource(EXECUTION_TYPE, 'auto-link-create', {
    parentFlowAlias: 'auto-link',
    authenticator: 'idp-create-user-if-unique',
    requirement: 'ALTERNATIVE',
  }),
  resource(EXECUTION_TYPE, 'auto-link-link', {
    parentFlowAlias: 'auto-link',
    authenticator: 'idp-auto-link',
    requirement: 'ALTERNATIVE',
  }),
];
const roleMapper = (extraConfig: unknown): Resource => ({
  type: ATTRIBUTE_TO_ROLE_TYPE,
  name: 'corp-admins',
  props: {
    realm: 'acme',
    identityProviderAlias: 'corp',
    name: 'admins',
    role: 'admin',
    claimName: 'groups',
    claimValue: 'admins',
    extraConfig,
  },
});

async function violationsOf(policy: string, resources: Resource[]) {
  return (await runPack(policies, resources)).filter((violation) => violation.policy === policy);
}

/** Exactly one violation, on the resource `urn`, saying `message`. */
function expectOne(found: Array<{ urn?: string; message: string }>, urn: string, message: RegExp): void {
  expect(found.map((violation) => violation.urn)).toEqual([urn]);
  expect(found[0]!.message).toMatch(message);
}

const asPack = (resources: Resource[]): PackResource[] => resources.map((item) => ({ ...item, urn: urnOf(item) }));

describe('flows in the pack', () => {
  it("a realm that declares no flow has Keycloak's built-in flows, the browser flow bound", () => {
    const { settings } = assembleRealm(asPack([realm]));
    expect(settings.authentication).toEqual({
      browserFlow: 'browser',
      firstBrokerLoginFlow: 'first broker login',
      flows: KEYCLOAK_BUILT_IN_FLOWS,
    });
  });

  it("the realm's own browserFlow argument binds, and Bindings win over it", () => {
    const bound = { ...realm, props: { realm: 'acme', browserFlow: 'from-realm' } };
    expect(assembleRealm(asPack([bound])).settings.authentication?.browserFlow).toBe('from-realm');
    const both = assembleRealm(asPack([bound, ...passwordOnlyBrowser]));
    expect(both.settings.authentication?.browserFlow).toBe('weak-browser');
    expect(both.ownerOf(['authentication', 'browserFlow'])).toBe(urnOf(passwordOnlyBrowser[4]!));
  });

  it('a flow holds the steps its Executions and Subflows add, requirement DISABLED when left out', () => {
    const { settings } = assembleRealm(
      asPack([
        realm,
        ...passwordOnlyBrowser,
        resource(EXECUTION_TYPE, 'unset', { parentFlowAlias: 'weak-forms', authenticator: 'auth-otp-form' }),
      ]),
    );
    const flow = (alias: string) => settings.authentication?.flows.find((candidate) => candidate.alias === alias);
    expect(flow('weak-browser')).toEqual({
      alias: 'weak-browser',
      topLevel: true,
      executions: [
        { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
        { subFlow: 'weak-forms', requirement: 'ALTERNATIVE' },
      ],
    });
    expect(flow('weak-forms')?.executions).toEqual([
      { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
      { authenticator: 'auth-otp-form', requirement: 'DISABLED' },
    ]);
  });

  it('an ExecutionConfig configures the execution its executionId depends on; one it cannot place leaves the flows unjudged', () => {
    const condition = resource(EXECUTION_TYPE, 'admins-only', {
      parentFlowAlias: 'weak-forms',
      authenticator: 'conditional-user-role',
      requirement: 'REQUIRED',
    });
    const config = {
      ...resource(EXECUTION_CONFIG_TYPE, 'admins-only-config', {
        alias: 'admins-only',
        executionId: UNKNOWN,
        config: { condUserRole: 'realm-management.realm-admin', negate: 'false' },
      }),
    };
    const placed = assembleRealm([
      ...asPack([realm, ...passwordOnlyBrowser, condition]),
      { ...config, urn: urnOf(config), propertyDependencies: { executionId: [urnOf(condition)] } },
    ]);
    expect(placed.settings.authentication?.flows.find((flow) => flow.alias === 'weak-forms')?.executions[1]).toEqual({
      authenticator: 'conditional-user-role',
      requirement: 'REQUIRED',
      config: { condUserRole: 'realm-management.realm-admin', negate: 'false' },
    });
    const unplaced = assembleRealm(asPack([realm, ...passwordOnlyBrowser, condition, config]));
    expect(unplaced.settings.authentication).toBeUndefined();
  });

  it('a step whose parent flow the stack does not show leaves the flows unjudged', () => {
    const orphan = resource(EXECUTION_TYPE, 'orphan', { parentFlowAlias: 'elsewhere', authenticator: 'auth-otp-form' });
    expect(assembleRealm(asPack([realm, orphan])).settings.authentication).toBeUndefined();
  });

  it('browser-flow-second-factor reports a password-only browser flow on the Flow that declares it', async () => {
    expectOne(
      await violationsOf('browser-flow-second-factor', [realm, ...passwordOnlyBrowser]),
      urnOf(passwordOnlyBrowser[0]!),
      /The browser flow weak-browser lets holders of .*realm-admin.* without a second factor/,
    );
  });

  it("and Keycloak's own browser flow (2FA only for users who set it up) on the realm", async () => {
    expectOne(await violationsOf('browser-flow-second-factor', [realm]), urnOf(realm), /The browser flow browser /);
  });

  it('passes a browser flow with a REQUIRED one-time code, and does not judge one whose requirement is unknown', async () => {
    expect(await violationsOf('browser-flow-second-factor', [realm, ...otpBrowser('REQUIRED')])).toEqual([]);
    expect(await violationsOf('browser-flow-second-factor', [realm, ...otpBrowser(UNKNOWN)])).toEqual([]);
    expect(await violationsOf('browser-flow-second-factor', [realm, ...otpBrowser('DISABLED')])).toHaveLength(1);
  });

  it('does not judge a flow whose unknowns need different values to pass (a sub-flow requirement and its authenticator)', async () => {
    const twoFactor = [
      resource(SUBFLOW_TYPE, 'weak-2fa', { parentFlowAlias: 'weak-forms', alias: 'weak-2fa', requirement: UNKNOWN }),
      resource(EXECUTION_TYPE, 'weak-2fa-step', {
        parentFlowAlias: 'weak-2fa',
        authenticator: UNKNOWN,
        requirement: 'REQUIRED',
      }),
    ];
    expect(await violationsOf('browser-flow-second-factor', [realm, ...passwordOnlyBrowser, ...twoFactor])).toEqual([]);
  });
});

describe("identity providers' first login flow in the pack", () => {
  it('idp-first-login-auto-link reports the identity provider whose first login flow runs idp-auto-link', async () => {
    const idp = corpIdp({ firstBrokerLoginFlowAlias: 'auto-link' });
    expectOne(
      await violationsOf('idp-first-login-auto-link', [realm, idp, ...autoLinkFlow]),
      urnOf(idp),
      /first login flow 'auto-link' runs idp-auto-link/,
    );
  });

  it("passes one on Keycloak's first broker login flow, which verifies the existing account", async () => {
    expect(await violationsOf('idp-first-login-auto-link', [realm, corpIdp(), ...autoLinkFlow])).toEqual([]);
  });
});

describe('identity provider mappers in the pack', () => {
  it('are attached to their identity provider by alias, with the type Keycloak stores and syncMode from extraConfig', () => {
    const hardcoded: Resource = {
      type: HARDCODED_ROLE_TYPE,
      name: 'corp-staff',
      props: { realm: 'acme', identityProviderAlias: 'corp', name: 'staff', role: 'staff' },
    };
    const elsewhere: Resource = { ...roleMapper({}), name: 'other', props: { identityProviderAlias: 'other' } };
    const assembled = assembleRealm(
      asPack([realm, corpIdp(), roleMapper({ syncMode: 'IMPORT' }), hardcoded, elsewhere]),
    );
    expect(assembled.settings.identityProviders?.[0]?.mappers).toEqual([
      {
        name: 'admins',
        type: 'oidc-role-idp-mapper',
        config: { syncMode: 'IMPORT', role: 'admin', claim: 'groups', 'claim.value': 'admins' },
      },
      { name: 'staff', type: 'oidc-hardcoded-role-idp-mapper', config: { role: 'staff' } },
    ]);
    expect(assembled.ownerOf(['identityProviders', 'corp', 'mappers', 'admins', 'config', 'syncMode'])).toBe(
      urnOf(roleMapper({})),
    );
  });

  it('the attribute importer of an OIDC provider is oidc-user-attribute-idp-mapper', () => {
    const importer: Resource = {
      type: ATTRIBUTE_IMPORTER_TYPE,
      name: 'corp-department',
      props: { realm: 'acme', identityProviderAlias: 'corp', userAttribute: 'department', claimName: 'dept' },
    };
    const [mapper] = assembleRealm(asPack([realm, corpIdp(), importer])).settings.identityProviders?.[0]?.mappers ?? [];
    expect(mapper).toEqual({
      name: 'corp-department',
      type: 'oidc-user-attribute-idp-mapper',
      config: { 'user.attribute': 'department', claim: 'dept' },
    });
  });

  it('idp-mapper-sync reports a role mapper in IMPORT on the mapper resource; FORCE or an unknown extraConfig passes', async () => {
    expectOne(
      await violationsOf('idp-mapper-sync', [realm, corpIdp(), roleMapper({ syncMode: 'IMPORT' })]),
      urnOf(roleMapper({})),
      /Mapper 'admins' of identity provider 'corp' grants roles or groups with sync mode IMPORT/,
    );
    expect(await violationsOf('idp-mapper-sync', [realm, corpIdp(), roleMapper({ syncMode: 'FORCE' })])).toEqual([]);
    expect(await violationsOf('idp-mapper-sync', [realm, corpIdp(), roleMapper({ syncMode: UNKNOWN })])).toEqual([]);
    expect(await violationsOf('idp-mapper-sync', [realm, corpIdp(), roleMapper(UNKNOWN)])).toEqual([]);
  });
});

describe('the user profile in the pack', () => {
  it("is Keycloak's default profile unless the stack declares a RealmUserProfile, whose policy and attributes it reads", () => {
    expect(assembleRealm(asPack([realm])).settings.userProfile).toEqual({
      attributes: ['username', 'email', 'firstName', 'lastName'],
    });
    const profile = resource(USER_PROFILE_TYPE, 'profile', {
      unmanagedAttributePolicy: 'ENABLED',
      attributes: [{ name: 'username' }, { name: 'email' }, { name: 'tenant' }],
    });
    const assembled = assembleRealm(asPack([realm, profile]));
    expect(assembled.settings.userProfile).toEqual({
      unmanagedAttributePolicy: 'ENABLED',
      attributes: ['username', 'email', 'tenant'],
    });
    expect(assembled.ownerOf(['userProfile', 'unmanagedAttributePolicy'])).toBe(urnOf(profile));
    const disabled = resource(USER_PROFILE_TYPE, 'profile', { unmanagedAttributePolicy: 'DISABLED', attributes: [] });
    expect(assembleRealm(asPack([realm, disabled])).settings.userProfile).toEqual({ attributes: [] });
  });
});

describe("a SAML client's extraConfig unknown during preview", () => {
  it('is not judged: saml-one-time-use stays silent, and reports the same client once extraConfig is known', async () => {
    const client = (extraConfig: unknown): Resource => ({
      type: SAML_CLIENT_TYPE,
      name: 'sp',
      props: { realmId: 'acme', clientId: 'https://sp.example.com/saml/metadata', extraConfig },
    });
    expect(await violationsOf('saml-one-time-use', [client(UNKNOWN)])).toEqual([]);
    expect(await violationsOf('saml-one-time-use', [client({})])).toHaveLength(1);
  });
});
