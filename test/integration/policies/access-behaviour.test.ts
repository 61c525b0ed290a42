/**
 * What the access rules' texts say about Keycloak, shown on the real server (26.7.3): who holds a
 * role (composites, parent groups, default roles), where master keeps each realm's admin roles,
 * what the default browser flow asks of a user without OTP, what a role condition matches, and
 * what users may write to their own attributes under each unmanaged-attribute policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type RoleRepresentation from '@keycloak/keycloak-admin-client/lib/defs/roleRepresentation.js';
import { UnmanagedAttributePolicy } from '@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js';
import { adminClient, createLoginUser, keycloak, uniqueRealmName } from '../../support/keycloak.ts';

let admin: KeycloakAdminClient;
const realm = uniqueRealmName('rg-access');
const REDIRECT = 'https://app.example.com/cb';
const PASSWORD = 'access-pw-1234';
let realmManagementId = '';

function createUser(username: string): Promise<string> {
  return createLoginUser(admin, realm, username, PASSWORD);
}

async function realmManagementRole(name: string): Promise<RoleRepresentation> {
  const role = await admin.clients.findRole({ realm, id: realmManagementId, roleName: name });
  if (!role) throw new Error(`realm-management has no role ${name}`);
  return role;
}

/** Maps one realm-management role to a user (a person or a service account). */
async function grantRealmManagement(userId: string, roleName: string): Promise<void> {
  const role = await realmManagementRole(roleName);
  await admin.users.addClientRoleMappings({
    realm,
    id: userId,
    clientUniqueId: realmManagementId,
    roles: [{ id: role.id!, name: role.name! }],
  });
}

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm, enabled: true });
  await admin.clients.create({
    realm,
    clientId: 'app',
    publicClient: true,
    standardFlowEnabled: true,
    directAccessGrantsEnabled: true,
    redirectUris: [REDIRECT],
  });
  const [management] = await admin.clients.find({ realm, clientId: 'realm-management' });
  realmManagementId = management!.id!;
});

afterAll(async () => {
  await admin.realms.del({ realm }).catch(() => undefined);
});

const names = (roles: RoleRepresentation[]) => roles.map((role) => role.name).sort();

describe('who holds a role (AccessGraph, sensitive-role-*)', () => {
  it('composites hold transitively, cycles are accepted, and group members hold their parent groups’ roles', async () => {
    for (const name of ['ring-a', 'ring-b', 'ring-c', 'parent-role']) await admin.roles.create({ realm, name });
    const role = async (name: string) => (await admin.roles.findOneByName({ realm, name }))!;
    const [a, b, c] = [await role('ring-a'), await role('ring-b'), await role('ring-c')];
    await admin.roles.createComposite({ realm, roleId: a.id! }, [b]);
    await admin.roles.createComposite({ realm, roleId: b.id! }, [c]);
    // A cycle: Keycloak accepts it, so the rules must not loop on it.
    await admin.roles.createComposite({ realm, roleId: c.id! }, [a]);
    expect(names(await admin.roles.getCompositeRoles({ realm, id: c.id! }))).toEqual(['ring-a']);

    const { id: parentId } = await admin.groups.create({ realm, name: 'ops' });
    const { id: childId } = await admin.groups.createChildGroup({ realm, id: parentId }, { name: 'leads' });
    await admin.groups.addRealmRoleMappings({
      realm,
      id: parentId,
      roles: [{ id: (await role('parent-role')).id!, name: 'parent-role' }],
    });
    const userId = await createUser('member');
    await admin.users.addToGroup({ realm, id: userId, groupId: childId });
    await admin.users.addRealmRoleMappings({ realm, id: userId, roles: [{ id: a.id!, name: 'ring-a' }] });
    const effective = names(await admin.users.listCompositeRealmRoleMappings({ realm, id: userId }));
    expect(effective).toEqual(expect.arrayContaining(['parent-role', 'ring-a', 'ring-b', 'ring-c']));
  });

  it('a new user holds the realm’s default roles (default-roles-<realm>) and what they include', async () => {
    const userId = await createUser('newcomer');
    expect(names(await admin.users.listRealmRoleMappings({ realm, id: userId }))).toEqual([`default-roles-${realm}`]);
    const effective = names(await admin.users.listCompositeRealmRoleMappings({ realm, id: userId }));
    expect(effective).toEqual(expect.arrayContaining([`default-roles-${realm}`, 'offline_access']));
  });

  it('realm-admin includes every role on the built-in list', async () => {
    const realmAdmin = await realmManagementRole('realm-admin');
    const included = names(
      await admin.roles.getCompositeRolesForClient({ id: realmAdmin.id!, clientId: realmManagementId, realm }),
    );
    expect(included).toEqual(
      expect.arrayContaining([
        'impersonation',
        'manage-authorization',
        'manage-clients',
        'manage-identity-providers',
        'manage-realm',
        'manage-users',
      ]),
    );
  });

  it('master keeps each realm’s admin roles in a client named <realm>-realm, and its admin role includes them', async () => {
    const [adminClientOfRealm] = await admin.clients.find({ realm: 'master', clientId: `${realm}-realm` });
    expect(adminClientOfRealm).toBeDefined();
    const roles = names(await admin.clients.listRoles({ realm: 'master', id: adminClientOfRealm!.id! }));
    expect(roles).toEqual(expect.arrayContaining(['impersonation', 'manage-users', 'manage-clients', 'manage-realm']));
    expect(roles).not.toContain('realm-admin');
    const masterAdmin = (await admin.roles.findOneByName({ realm: 'master', name: 'admin' }))!;
    const included = await admin.roles.getCompositeRolesForClient({
      realm: 'master',
      id: masterAdmin.id!,
      clientId: adminClientOfRealm!.id!,
    });
    expect(names(included)).toEqual(expect.arrayContaining(['impersonation', 'manage-users']));
  });
});

/** The login form's action on Keycloak's login page (the one form the page posts to). */
function loginFormAction(html: string): string {
  const form = /<form\b[^>]*\bid="kc-form-login"[^>]*>/.exec(html)?.[0];
  const action = form && /\baction="([^"]+)"/.exec(form)?.[1];
  if (!action) throw new Error(`no login form on the page: ${html.slice(0, 200)}`);
  return action.replaceAll('&amp;', '&');
}

/**
 * Logs in through the realm's browser flow with username and password only: 'code' when
 * Keycloak redirects back with an authorization code, 'more' when it asks for anything else.
 */
async function passwordOnlyBrowserLogin(username: string): Promise<'code' | 'more'> {
  const auth = new URL(`${keycloak().url}/realms/${realm}/protocol/openid-connect/auth`);
  auth.search = new URLSearchParams({
    client_id: 'app',
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'openid',
  }).toString();
  const page = await fetch(auth, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const cookie = page.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  const answer = await fetch(loginFormAction(await page.text()), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: PASSWORD, credentialId: '' }),
  });
  const location = answer.headers.get('location') ?? '';
  return answer.status === 302 && location.startsWith(REDIRECT) && new URL(location).searchParams.has('code')
    ? 'code'
    : 'more';
}

describe('the browser flow and second factors (browser-flow-second-factor)', () => {
  let adminUserId = '';
  beforeAll(async () => {
    adminUserId = await createUser('realm-operator');
    await grantRealmManagement(adminUserId, 'realm-admin');
    await createUser('plain-user');
  });

  it('Keycloak’s default browser flow: the 2FA sub-flow is CONDITIONAL on “user configured”', async () => {
    const executions = await admin.authenticationManagement.getExecutions({ realm, flow: 'browser' });
    const twoFactor = executions.find((execution) => execution.displayName === 'Browser - Conditional 2FA');
    expect(twoFactor?.requirement).toBe('CONDITIONAL');
    const inside = executions.filter((execution) => execution.level === 2 && execution.index !== undefined);
    expect(inside.map((execution) => [execution.providerId, execution.requirement])).toEqual(
      expect.arrayContaining([
        ['conditional-user-configured', 'REQUIRED'],
        ['auth-otp-form', 'ALTERNATIVE'],
      ]),
    );
  });

  it('so a realm-admin who never set up OTP logs in with a password alone', async () => {
    expect(await passwordOnlyBrowserLogin('realm-operator')).toBe('code');
  });

  it('a 2FA sub-flow CONDITIONAL on “realm-management.manage-users” asks holders of realm-admin (which includes it), not others', async () => {
    const flow = 'browser-admin-2fa';
    await admin.authenticationManagement.copyFlow({ realm, flow: 'browser', newName: flow });
    // The copy names its sub-flows '<new name> <original>'; the 2FA steps are the last level-2 executions.
    const subFlowAlias = `${flow} Browser - Conditional 2FA`;
    const executions = await admin.authenticationManagement.getExecutions({ realm, flow });
    const subFlowAt = executions.findIndex((execution) => execution.displayName === subFlowAlias);
    expect(subFlowAt).toBeGreaterThan(0);
    const steps = executions.slice(subFlowAt + 1).filter((execution) => execution.level === 2);
    for (const step of steps.filter((execution) => execution.providerId?.startsWith('conditional-')))
      await admin.authenticationManagement.delExecution({ realm, id: step.id! });
    const otp = steps.find((execution) => execution.providerId === 'auth-otp-form')!;
    await admin.authenticationManagement.updateExecution({ realm, flow }, { ...otp, requirement: 'REQUIRED' });
    await admin.authenticationManagement.addExecutionToFlow({
      realm,
      flow: subFlowAlias,
      provider: 'conditional-user-role',
    });
    const condition = (await admin.authenticationManagement.getExecutions({ realm, flow })).find(
      (execution) => execution.providerId === 'conditional-user-role',
    )!;
    await admin.authenticationManagement.updateExecution({ realm, flow }, { ...condition, requirement: 'REQUIRED' });
    await admin.authenticationManagement.createConfig({
      realm,
      id: condition.id!,
      alias: 'admins-only',
      config: { condUserRole: 'realm-management.manage-users', negate: 'false' },
    });
    await admin.realms.update({ realm }, { browserFlow: flow });
    try {
      expect(await passwordOnlyBrowserLogin('realm-operator')).toBe('more');
      expect(await passwordOnlyBrowserLogin('plain-user')).toBe('code');
    } finally {
      await admin.realms.update({ realm }, { browserFlow: 'browser' });
    }
  });
});

describe('users writing their own attributes (user-attribute-exported-editable)', () => {
  const USER = 'self-editor';
  let userId = '';

  async function userToken(): Promise<string> {
    const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'app',
        username: USER,
        password: PASSWORD,
        scope: 'openid',
      }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`no token for ${USER}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  /** The user sets attributes on themselves through the account API, as the account console does. */
  async function setOwnAttributes(attributes: Record<string, string[]>, firstName: string): Promise<number> {
    const token = await userToken();
    const account = `${keycloak().url}/realms/${realm}/account/`;
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    };
    const current = (await (await fetch(account, { headers })).json()) as Record<string, unknown>;
    const existing = (current.attributes ?? {}) as Record<string, string[]>;
    const answer = await fetch(account, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...current, firstName, attributes: { ...existing, ...attributes } }),
    });
    return answer.status;
  }

  const storedFirstName = async () => (await admin.users.findOne({ realm, id: userId }))?.firstName;

  async function storedAttributes(): Promise<Record<string, string[]>> {
    return ((await admin.users.findOne({ realm, id: userId }))?.attributes ?? {}) as Record<string, string[]>;
  }

  async function setPolicy(policy: UnmanagedAttributePolicy | undefined): Promise<void> {
    const { unmanagedAttributePolicy: _, ...profile } = await admin.users.getProfile({ realm });
    await admin.users.updateProfile({ realm, ...profile, ...(policy && { unmanagedAttributePolicy: policy }) });
  }

  beforeAll(async () => {
    userId = await createUser(USER);
  });

  it('with Keycloak’s default (no unmanaged-attribute policy) a user cannot set an undeclared attribute', async () => {
    expect((await admin.users.getProfile({ realm })).unmanagedAttributePolicy).toBeUndefined();
    // The same request changes the first name, a declared attribute users may edit: it goes through.
    expect(await setOwnAttributes({ customerNumber: ['c-default'] }, 'Default')).toBe(204);
    expect(await storedFirstName()).toBe('Default');
    expect((await storedAttributes()).customerNumber).toBeUndefined();
  });

  it('with ADMIN_EDIT a user still cannot', async () => {
    await setPolicy(UnmanagedAttributePolicy.AdminEdit);
    expect(await setOwnAttributes({ customerNumber: ['c-admin-edit'] }, 'AdminEdit')).toBe(204);
    expect(await storedFirstName()).toBe('AdminEdit');
    expect((await storedAttributes()).customerNumber).toBeUndefined();
  });

  it('with ENABLED a user sets any undeclared attribute, phoneNumberVerified included, and a mapper puts it in tokens', async () => {
    await setPolicy(UnmanagedAttributePolicy.Enabled);
    try {
      expect(await setOwnAttributes({ customerNumber: ['c-claimed'], phoneNumberVerified: ['true'] }, 'Enabled')).toBe(
        204,
      );
      const stored = await storedAttributes();
      expect(stored.customerNumber).toEqual(['c-claimed']);
      expect(stored.phoneNumberVerified).toEqual(['true']);

      const [app] = await admin.clients.find({ realm, clientId: 'app' });
      await admin.clients.addProtocolMapper(
        { realm, id: app!.id! },
        {
          name: 'customer number',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-usermodel-attribute-mapper',
          config: {
            'user.attribute': 'customerNumber',
            'claim.name': 'customerNumber',
            'access.token.claim': 'true',
            'jsonType.label': 'String',
          },
        },
      );
      const claims = JSON.parse(
        Buffer.from((await userToken()).split('.')[1]!, 'base64url').toString('utf8'),
      ) as Record<string, unknown>;
      expect(claims.customerNumber).toBe('c-claimed');
    } finally {
      await setPolicy(undefined);
    }
  });
});

/** A token from the realm's token endpoint (the secret, when given, is never printed). */
async function tokenFor(form: Record<string, string>): Promise<string> {
  const response = await fetch(`${keycloak().url}/realms/${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`no token for ${form.client_id}: ${body.error ?? response.status}`);
  return body.access_token;
}

const adminApi = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${keycloak().url}/admin/realms/${realm}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });

const realmManagementRolesIn = (jwt: string) => {
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as {
    resource_access?: Record<string, { roles: string[] }>;
  };
  return claims.resource_access?.['realm-management']?.roles ?? [];
};

describe('impersonation held apart from realm-admin (impersonation-outside-admins)', () => {
  it('a service account holding only realm-management/impersonation logs in as a user of the realm', async () => {
    const { id } = await admin.clients.create({
      realm,
      clientId: 'helpdesk-bot',
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
    });
    const account = await admin.clients.getServiceAccountUser({ realm, id });
    await grantRealmManagement(account.id!, 'impersonation');
    const { value: secret } = await admin.clients.getClientSecret({ realm, id });
    const token = await tokenFor({
      grant_type: 'client_credentials',
      client_id: 'helpdesk-bot',
      client_secret: secret!,
    });
    const targetId = await createUser('impersonated');
    const answer = await adminApi(`/users/${targetId}/impersonation`, token, { method: 'POST' });
    expect(answer.status).toBe(200);
    // Keycloak answers with the new session's cookies: the caller is now logged in as the user.
    expect(answer.headers.getSetCookie().some((cookie) => cookie.startsWith('KEYCLOAK_IDENTITY='))).toBe(true);
  });
});

describe('admin roles in an application’s scope (sensitive-role-client)', () => {
  it('a scope mapping lets an ordinary client’s token carry manage-users, and the admin API accepts that token', async () => {
    const { id } = await admin.clients.create({
      realm,
      clientId: 'scoped-app',
      publicClient: true,
      directAccessGrantsEnabled: true,
      fullScopeAllowed: false,
    });
    const userId = await createUser('scoped-admin');
    await grantRealmManagement(userId, 'realm-admin');
    const login = { grant_type: 'password', client_id: 'scoped-app', username: 'scoped-admin', password: PASSWORD };

    const before = await tokenFor(login);
    expect(realmManagementRolesIn(before)).toEqual([]);
    expect((await adminApi('/users?max=1', before)).status).toBe(403);

    const manageUsers = await realmManagementRole('manage-users');
    await admin.clients.addClientScopeMappings({ realm, id, client: realmManagementId }, [manageUsers]);
    const after = await tokenFor(login);
    expect(realmManagementRolesIn(after)).toContain('manage-users');
    expect((await adminApi('/users?max=1', after)).status).toBe(200);
  });
});
