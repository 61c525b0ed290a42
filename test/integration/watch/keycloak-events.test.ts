/**
 * What Keycloak 26.7 records, shown on the real server before any detection is built on it:
 * which user events a replayed rotated refresh token, a token used after logout or not-before,
 * a brute-force lockout and an impersonation leave (type, error, details), what the replay ends
 * and what it leaves alive, which admin events a realm, client, key provider and client secret
 * change produce (with the representation when adminEventsDetailsEnabled), and how
 * GET /events answers dateFrom and direction; and what the changes the rules judge record: role
 * grants, group joins, scope mappings, flow steps (changed under any flow's alias, added, moved,
 * deleted) and bindings, identity providers (created and updated), default client
 * scopes, key providers and the user profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnmanagedAttributePolicy } from '@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js';
import { RealmFixture } from '../incident/support/realm-fixture.ts';
import { WATCHED_EVENT_TYPES, adminEvents, enableEvents, userEvents, type RawEvent } from './support/events.ts';

let fx: RealmFixture;
beforeAll(async () => {
  fx = await RealmFixture.create('watch-facts');
  await enableEvents(fx);
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

const replayReason = 'Maximum allowed refresh token reuse exceeded';

async function refresh(refreshToken: string, clientId: 'web' | 'api' = 'web') {
  const response = await fetch(fx.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
      ...(clientId === 'api' ? { client_secret: 'api-secret-0123456789abcdef' } : {}),
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { refresh_token?: string; error?: string; error_description?: string },
  };
}

const errorsWith = (events: RawEvent[], reason: string) =>
  events.filter((event) => event.type === 'REFRESH_TOKEN_ERROR' && event.details?.reason === reason);

describe('a replayed rotated refresh token (revokeRefreshToken: true, refreshTokenMaxReuse: 0)', () => {
  it('is refused, recorded as REFRESH_TOKEN_ERROR invalid_token with its reason, and ends only that client session', async () => {
    const userId = await fx.createUser('rita');
    const first = await fx.login('rita', 'web');
    const other = await fx.login('rita', 'web');
    const offline = await fx.login('rita', 'api', true);
    const rotated = await refresh(first.refresh_token);
    expect(rotated.status).toBe(200);
    const replay = await refresh(first.refresh_token);
    expect(replay).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: replayReason } });

    const [event, ...more] = errorsWith(await userEvents(fx), replayReason);
    expect(more).toHaveLength(0);
    expect(event).toMatchObject({
      type: 'REFRESH_TOKEN_ERROR',
      error: 'invalid_token',
      clientId: 'web',
      sessionId: first.session_state,
      ipAddress: expect.any(String) as unknown,
    });
    // The user is named only in the details, not in userId.
    expect(event?.userId).toBeUndefined();
    expect(event?.details?.refresh_token_sub).toBe(userId);

    // What it ends: the legitimate client's rotated token too (its client session is gone) …
    const afterReplay = await refresh(rotated.body.refresh_token!);
    expect(afterReplay.body.error_description).toBe("Session doesn't have required client");
    // … but not the user session itself, nor the user's other sessions, nor the offline token.
    const sessions = await fx.kc.users.listSessions({ realm: fx.realm, id: userId });
    expect(sessions.map((session) => session.id).sort()).toEqual([first.session_state, other.session_state].sort());
    expect((await refresh(other.refresh_token)).status).toBe(200);
    expect((await refresh(offline.refresh_token, 'api')).status).toBe(200);
  });

  it('leaves no event at all when enabledEventTypes is empty: REFRESH_TOKEN_ERROR is not among the types Keycloak saves by default', async () => {
    const quiet = await RealmFixture.create('watch-facts-default-types');
    try {
      await quiet.kc.realms.update(
        { realm: quiet.realm },
        { eventsEnabled: true, revokeRefreshToken: true, refreshTokenMaxReuse: 0 },
      );
      await quiet.createUser('dora');
      const tokens = await quiet.login('dora', 'web');
      await refreshIn(quiet, tokens.refresh_token);
      expect((await refreshIn(quiet, tokens.refresh_token)).status).toBe(400);
      const types = (await userEvents(quiet)).map((event) => event.type);
      expect(types).toContain('LOGIN');
      expect(types).not.toContain('REFRESH_TOKEN');
      expect(types).not.toContain('REFRESH_TOKEN_ERROR');
    } finally {
      await quiet.destroy();
    }
  });
});

async function refreshIn(realm: RealmFixture, refreshToken: string) {
  const response = await fetch(realm.endpoint('token'), {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'web' }),
  });
  await response.text();
  return { status: response.status };
}

describe('tokens used after the end of their session', () => {
  it("records 'Session not active' after an admin ended the session, and 'Stale token' after not-before", async () => {
    const userId = await fx.createUser('lou');
    const ended = await fx.login('lou', 'web');
    const offline = await fx.login('lou', 'api', true);
    await fx.kc.realms.deleteSession({ realm: fx.realm, session: ended.session_state!, isOffline: false });
    expect((await refresh(ended.refresh_token)).body.error_description).toBe('Session not active');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await fx.kc.realms.update({ realm: fx.realm }, { notBefore: Math.floor(Date.now() / 1000) });
    expect((await refresh(offline.refresh_token, 'api')).body.error_description).toBe('Stale token');
    const events = await userEvents(fx);
    expect(errorsWith(events, 'Session not active')[0]).toMatchObject({
      error: 'invalid_token',
      sessionId: ended.session_state,
      details: { refresh_token_sub: userId },
    });
    // A stale token's event names neither user nor session: Keycloak rejects it before reading them.
    const stale = errorsWith(events, 'Stale token')[0];
    expect(stale).toMatchObject({ error: 'invalid_token', clientId: 'api' });
    expect([stale?.userId, stale?.sessionId, stale?.details]).toEqual([
      undefined,
      undefined,
      { reason: 'Stale token', grant_type: 'refresh_token', client_auth_method: 'client-secret' },
    ]);
    await fx.kc.realms.update({ realm: fx.realm }, { notBefore: 0 });
  });
});

describe('brute force and impersonation', () => {
  it('records USER_DISABLED_BY_TEMPORARY_LOCKOUT with the failure count, then LOGIN_ERROR user_temporarily_disabled', async () => {
    const userId = await fx.createUser('bruno');
    await fx.kc.realms.update({ realm: fx.realm }, { bruteForceProtected: true, failureFactor: 3 });
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await fetch(fx.endpoint('token'), {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', username: 'bruno', password: 'wrong', client_id: 'web' }),
      });
      await response.text();
    }
    const events = (await userEvents(fx)).filter((event) => event.userId === userId);
    const lockout = events.find((event) => event.type === 'USER_DISABLED_BY_TEMPORARY_LOCKOUT');
    expect(lockout?.details).toMatchObject({
      reason: 'brute_force_attack detected',
      num_failures: expect.stringMatching(/^\d+$/) as unknown,
    });
    expect(events.filter((event) => event.type === 'LOGIN_ERROR').map((event) => event.error)).toEqual(
      expect.arrayContaining(['invalid_user_credentials', 'user_temporarily_disabled']),
    );
    await fx.kc.realms.update({ realm: fx.realm }, { bruteForceProtected: false });
  });

  it('records IMPERSONATE with the impersonator in the details; no event carries a user agent', async () => {
    const userId = await fx.createUser('ivy');
    await fx.kc.users.impersonation({ realm: fx.realm, id: userId }, { user: userId, realm: fx.realm });
    const events = await userEvents(fx);
    const impersonated = events.find((event) => event.type === 'IMPERSONATE' && event.userId === userId);
    expect(impersonated?.details).toMatchObject({ impersonator: expect.any(String) as unknown });
    expect(events.flatMap((event) => Object.keys(event.details ?? {})).filter((key) => /agent/i.test(key))).toEqual([]);
  });
});

describe('admin events (adminEventsDetailsEnabled)', () => {
  it('records what each change sent: realm PUTs only the fields given, clients whole, components, secrets masked, events switched off', async () => {
    const started = Date.now();
    await fx.kc.realms.update({ realm: fx.realm }, { ssoSessionIdleTimeout: 7200 });
    const web = (await fx.kc.clients.find({ realm: fx.realm, clientId: 'api' }))[0]!;
    await fx.kc.clients.update({ realm: fx.realm, id: web.id! }, { ...web, enabled: false });
    await fx.kc.clients.update({ realm: fx.realm, id: web.id! }, { enabled: true });
    await fx.kc.clients.generateNewClientSecret({ realm: fx.realm, id: web.id! });
    const component = await fx.kc.components.create({
      realm: fx.realm,
      name: 'extra-rsa',
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      config: { priority: ['5'] },
    });
    await fx.kc.components.del({ realm: fx.realm, id: component.id });
    await fx.kc.clientPolicies.updatePolicy({
      realm: fx.realm,
      policies: [{ name: 'watch-probe', enabled: true, conditions: [], profiles: [] }],
    });

    const events = (await adminEvents(fx)).filter((event) => event.time >= started);
    const summary = events.map((event) => [event.operationType, event.resourceType, event.resourcePath ?? null]);
    expect(summary).toEqual([
      ['UPDATE', 'REALM', null],
      ['UPDATE', 'CLIENT', `clients/${web.id}`],
      ['UPDATE', 'CLIENT', `clients/${web.id}`],
      ['ACTION', 'CLIENT', `clients/${web.id}/client-secret`],
      ['CREATE', 'COMPONENT', `components/${component.id}`],
      ['DELETE', 'COMPONENT', `components/${component.id}`],
      // A client policy change leaves no admin event in Keycloak 26.7.
    ]);
    const representation = (index: number) =>
      events[index]?.representation ? (JSON.parse(events[index].representation) as Record<string, unknown>) : undefined;
    expect(representation(0)).toEqual({ ssoSessionIdleTimeout: 7200 });
    expect(representation(1)).toMatchObject({ clientId: 'api', enabled: false, publicClient: false });
    expect(representation(2)).toEqual({ enabled: true });
    expect(representation(3)).toEqual({ type: 'secret', value: '**********' });
    expect(representation(4)).toMatchObject({
      name: 'extra-rsa',
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
    });
    expect(representation(5)).toBeUndefined();
    expect(events[0]?.authDetails).toMatchObject({
      userId: expect.any(String) as unknown,
      ipAddress: expect.any(String) as unknown,
    });

    await fx.kc.realms.update({ realm: fx.realm }, { eventsEnabled: false });
    const off = (await adminEvents(fx)).at(-1);
    expect([off?.operationType, off?.resourceType, off?.representation]).toEqual([
      'UPDATE',
      'REALM',
      '{"eventsEnabled":false}',
    ]);
    await enableEvents(fx);
  });
});

describe('GET /events paging', () => {
  it('takes dateFrom as epoch milliseconds, inclusive, and direction=asc for oldest first', async () => {
    const all = await userEvents(fx);
    expect(all.length).toBeGreaterThan(3);
    const times = all.map((event) => event.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const pivot = all[Math.floor(all.length / 2)]!;
    const from = await userEvents(fx, { dateFrom: pivot.time });
    expect(from.map((event) => event.id)).toContain(pivot.id);
    expect(from.every((event) => event.time >= pivot.time)).toBe(true);
    expect(from.length).toBe(all.filter((event) => event.time >= pivot.time).length);
  });

  it('knows the types the watcher needs', () => {
    expect(WATCHED_EVENT_TYPES).toContain('REFRESH_TOKEN_ERROR');
  });
});

describe('admin events of the changes the rules judge (adminEventsDetailsEnabled)', () => {
  const parsed = (event: RawEvent | undefined): unknown =>
    event?.representation === undefined ? undefined : JSON.parse(event.representation);
  const since = async (started: number) => (await adminEvents(fx)).filter((event) => event.time >= started);
  const where = (event: RawEvent) => [event.operationType, event.resourceType, event.resourcePath];

  it('records a role grant as CREATE *_ROLE_MAPPING on the holder, with the granted roles (no client name) as a list', async () => {
    const started = Date.now();
    const userId = await fx.createUser('grace');
    const management = await fx.clientUuid('realm-management');
    const manageUsers = await fx.kc.clients.findRole({ realm: fx.realm, id: management, roleName: 'manage-users' });
    const role = { id: manageUsers!.id!, name: 'manage-users' };
    await fx.kc.users.addClientRoleMappings({ realm: fx.realm, id: userId, clientUniqueId: management, roles: [role] });
    const group = await fx.kc.groups.create({ realm: fx.realm, name: 'ops' });
    await fx.kc.groups.addClientRoleMappings({
      realm: fx.realm,
      id: group.id,
      clientUniqueId: management,
      roles: [role],
    });
    await fx.kc.users.addToGroup({ realm: fx.realm, id: userId, groupId: group.id });
    const api = await fx.clientUuid('api');
    const account = await fx.kc.clients.getServiceAccountUser({ realm: fx.realm, id: api });
    await fx.kc.users.addClientRoleMappings({
      realm: fx.realm,
      id: account.id!,
      clientUniqueId: management,
      roles: [role],
    });
    await fx.kc.clients.addClientScopeMappings({ realm: fx.realm, id: api, client: management }, [role]);
    const offline = (await fx.kc.clientScopes.findOneByName({ realm: fx.realm, name: 'offline_access' }))!;
    await fx.kc.clientScopes.addClientScopeMappings({ realm: fx.realm, id: offline.id!, client: management }, [role]);
    await fx.kc.roles.create({ realm: fx.realm, name: 'boss' });
    const boss = (await fx.kc.roles.findOneByName({ realm: fx.realm, name: 'boss' }))!;
    await fx.kc.users.addRealmRoleMappings({ realm: fx.realm, id: userId, roles: [{ id: boss.id!, name: 'boss' }] });

    const events = (await since(started)).filter((event) => event.resourceType !== 'USER');
    expect(events.map(where)).toEqual([
      ['CREATE', 'CLIENT_ROLE_MAPPING', `users/${userId}/role-mappings/clients/${management}`],
      ['CREATE', 'GROUP', `groups/${group.id}`],
      ['CREATE', 'CLIENT_ROLE_MAPPING', `groups/${group.id}/role-mappings/clients/${management}`],
      ['CREATE', 'GROUP_MEMBERSHIP', `users/${userId}/groups/${group.id}`],
      // A service account's grant is a user's: its path does not say it belongs to a client.
      ['CREATE', 'CLIENT_ROLE_MAPPING', `users/${account.id}/role-mappings/clients/${management}`],
      ['CREATE', 'CLIENT_SCOPE_MAPPING', `clients/${api}/scope-mappings/clients/${management}`],
      ['CREATE', 'CLIENT_SCOPE_MAPPING', `client-scopes/${offline.id}/scope-mappings/clients/${management}`],
      ['CREATE', 'REALM_ROLE', 'roles/boss'],
      ['CREATE', 'REALM_ROLE_MAPPING', `users/${userId}/role-mappings/realm`],
    ]);
    const granted = [{ id: role.id, name: 'manage-users', composite: false }];
    for (const index of [0, 2, 4, 5, 6]) expect(parsed(events[index])).toEqual(granted);
    // Joining a group carries the group with its own (not its parents') roles, client roles by clientId.
    expect(parsed(events[3])).toMatchObject({
      path: '/ops',
      realmRoles: [],
      clientRoles: { 'realm-management': ['manage-users'] },
    });
    expect(parsed(events[8])).toEqual([{ id: boss.id, name: 'boss', composite: false }]);
  });

  it('records a role added to the default roles as CREATE of the role on roles-by-id/{default role id}/composites', async () => {
    const realm = await fx.kc.realms.findOne({ realm: fx.realm });
    const defaultRole = realm!.defaultRole!;
    const management = await fx.clientUuid('realm-management');
    const viewUsers = (await fx.kc.clients.findRole({ realm: fx.realm, id: management, roleName: 'view-users' }))!;
    const started = Date.now();
    await fx.kc.roles.createComposite({ realm: fx.realm, roleId: defaultRole.id! }, [viewUsers]);
    const [event, ...more] = await since(started);
    expect(more).toEqual([]);
    expect(defaultRole.name).toBe(`default-roles-${fx.realm}`);
    expect(where(event!)).toEqual(['CREATE', 'REALM_ROLE', `roles-by-id/${defaultRole.id}/composites`]);
    expect(parsed(event)).toEqual([
      expect.objectContaining({ id: viewUsers.id, name: 'view-users', clientRole: true, containerId: management }),
    ]);
    await fx.kc.roles.delCompositeRoles({ realm: fx.realm, id: defaultRole.id! }, [viewUsers]);
  });

  it('records a flow step change as UPDATE AUTH_EXECUTION under the top-level flow, and a binding as a realm PUT', async () => {
    const started = Date.now();
    await fx.kc.authenticationManagement.copyFlow({ realm: fx.realm, flow: 'browser', newName: 'browser-facts' });
    const steps = await fx.kc.authenticationManagement.getExecutions({ realm: fx.realm, flow: 'browser-facts' });
    const otp = steps.find((step) => step.providerId === 'auth-otp-form')!;
    await fx.kc.authenticationManagement.updateExecution(
      { realm: fx.realm, flow: 'browser-facts' },
      { ...otp, requirement: 'DISABLED' },
    );
    await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser-facts' });
    await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser' });
    const events = await since(started);
    expect(events.map(where)).toEqual([
      // A copy carries its new name and id, not its steps.
      ['CREATE', 'AUTH_FLOW', 'authentication/flows/browser/copy'],
      // The path names the top-level flow even for a step two sub-flows down; the step is named by its id.
      ['UPDATE', 'AUTH_EXECUTION', 'authentication/flows/browser-facts/executions'],
      ['UPDATE', 'REALM', undefined],
      ['UPDATE', 'REALM', undefined],
    ]);
    expect(otp.level).toBe(2);
    expect(parsed(events[0])).toEqual({ newName: 'browser-facts', id: expect.any(String) as unknown });
    expect(parsed(events[1])).toMatchObject({ id: otp.id, providerId: 'auth-otp-form', requirement: 'DISABLED' });
    expect(parsed(events[2])).toEqual({ browserFlow: 'browser-facts' });
  });

  it('applies a step update sent under any flow alias to the step its id names, and records step create, move and delete', async () => {
    await fx.kc.authenticationManagement.copyFlow({ realm: fx.realm, flow: 'browser', newName: 'browser-moves' });
    const stepsOf = () => fx.kc.authenticationManagement.getExecutions({ realm: fx.realm, flow: 'browser-moves' });
    const steps = await stepsOf();
    const otp = steps.find((step) => step.providerId === 'auth-otp-form')!;
    const subFlow = steps.find((step) => step.authenticationFlow && step.displayName?.endsWith('Conditional 2FA'))!;
    /** The steps directly in the 2FA sub-flow: those after it, one level deeper, until the next at its level. */
    const inSubFlow = (all: typeof steps) => {
      const start = all.findIndex((step) => step.id === subFlow.id);
      const end = all.findIndex((step, index) => index > start && step.level! <= subFlow.level!);
      return all.slice(start + 1, end < 0 ? undefined : end).filter((step) => step.level === subFlow.level! + 1);
    };
    const started = Date.now();
    // The alias in the path is only looked up: a sub-flow's alias, or another flow's, changes the step all the same.
    await fx.kc.authenticationManagement.updateExecution(
      { realm: fx.realm, flow: subFlow.displayName! },
      { ...otp, requirement: 'DISABLED' },
    );
    await fx.kc.authenticationManagement.updateExecution(
      { realm: fx.realm, flow: 'direct grant' },
      { ...otp, requirement: 'ALTERNATIVE' },
    );
    expect((await stepsOf()).find((step) => step.id === otp.id)?.requirement).toBe('ALTERNATIVE');
    const added = await fx.kc.authenticationManagement.addExecutionToFlow({
      realm: fx.realm,
      flow: subFlow.displayName!,
      provider: 'auth-recovery-authn-code-form',
    });
    // A move swaps the step with its neighbour among the steps one level below the same flow.
    const siblings = async () => inSubFlow(await stepsOf()).map((step) => step.id);
    const order = await siblings();
    await fx.kc.authenticationManagement.raisePriorityExecution({ realm: fx.realm, id: added.id! });
    expect(await siblings()).toEqual([...order.slice(0, -2), added.id, order.at(-2)]);
    await fx.kc.authenticationManagement.lowerPriorityExecution({ realm: fx.realm, id: added.id! });
    expect(await siblings()).toEqual(order);
    await fx.kc.authenticationManagement.delExecution({ realm: fx.realm, id: otp.id! });
    const after = await stepsOf();
    await fx.kc.authenticationManagement.addFlowToFlow({
      realm: fx.realm,
      flow: subFlow.displayName!,
      alias: 'moves-extra',
      type: 'basic-flow',
      provider: 'registration-page-form',
      description: '',
    });
    const events = await since(started);
    expect(events.map(where)).toEqual([
      ['UPDATE', 'AUTH_EXECUTION', `authentication/flows/${subFlow.displayName}/executions`],
      ['UPDATE', 'AUTH_EXECUTION', 'authentication/flows/direct grant/executions'],
      ['CREATE', 'AUTH_EXECUTION', `authentication/flows/${subFlow.displayName}/executions/execution`],
      ['UPDATE', 'AUTH_EXECUTION', `authentication/executions/${added.id}/raise-priority`],
      ['UPDATE', 'AUTH_EXECUTION', `authentication/executions/${added.id}/lower-priority`],
      ['DELETE', 'AUTH_EXECUTION', `authentication/executions/${otp.id}`],
      // A sub-flow added has a type of its own.
      ['CREATE', 'AUTH_EXECUTION_FLOW', `authentication/flows/${subFlow.displayName}/executions/flow`],
    ]);
    // It carries the new sub-flow's alias and its step's id (not the flow's): followed like a step added.
    const extra = (await stepsOf()).find((step) => step.displayName === 'moves-extra');
    expect(parsed(events[6])).toEqual({
      alias: 'moves-extra',
      type: 'basic-flow',
      provider: 'registration-page-form',
      description: '',
      id: extra?.id,
    });
    expect(extra).toMatchObject({ authenticationFlow: true, requirement: 'DISABLED', level: subFlow.level! + 1 });
    expect(parsed(events[1])).toMatchObject({ id: otp.id, requirement: 'ALTERNATIVE' });
    // A create carries the authenticator and the new step's id; moves and deletes carry nothing but the path.
    expect(parsed(events[2])).toEqual({ provider: 'auth-recovery-authn-code-form', id: added.id });
    expect(events.slice(3, 6).map((event) => event.representation)).toEqual([undefined, undefined, undefined]);
    expect(after.some((step) => step.id === otp.id)).toBe(false);
    // Added DISABLED, last in the sub-flow it was added to (one level below it).
    expect(inSubFlow(after).at(-1)).toMatchObject({ id: added.id, requirement: 'DISABLED', level: subFlow.level! + 1 });
  });

  it('records an identity provider update whole, its client secret masked', async () => {
    const config = {
      clientId: 'broker',
      clientSecret: 'idp-secret-0123456789',
      authorizationUrl: 'https://idp.example/auth',
      tokenUrl: 'https://idp.example/token',
      syncMode: 'FORCE',
    };
    const started = Date.now();
    await fx.kc.identityProviders.create({ realm: fx.realm, alias: 'corp', providerId: 'oidc', enabled: true, config });
    const idp = (await fx.kc.identityProviders.findOne({ realm: fx.realm, alias: 'corp' }))!;
    await fx.kc.identityProviders.update(
      { realm: fx.realm, alias: 'corp' },
      { ...idp, trustEmail: true, config: { ...idp.config, syncMode: 'IMPORT' } },
    );
    const [created, event, ...more] = await since(started);
    expect(more).toEqual([]);
    // A create carries the provider as sent: judged against no provider, as diff judges an added one.
    expect(where(created!)).toEqual(['CREATE', 'IDENTITY_PROVIDER', 'identity-provider/instances/corp']);
    expect(parsed(created)).toMatchObject({
      alias: 'corp',
      providerId: 'oidc',
      config: { syncMode: 'FORCE', clientSecret: '**********' },
    });
    expect(where(event!)).toEqual(['UPDATE', 'IDENTITY_PROVIDER', 'identity-provider/instances/corp']);
    expect(parsed(event)).toMatchObject({
      alias: 'corp',
      trustEmail: true,
      config: { syncMode: 'IMPORT', clientSecret: '**********' },
    });
  });

  it('records an identity provider mapper change whole, under the provider', async () => {
    const started = Date.now();
    const { id } = await fx.kc.identityProviders.createMapper({
      realm: fx.realm,
      alias: 'corp',
      identityProviderMapper: {
        name: 'admins',
        identityProviderAlias: 'corp',
        identityProviderMapper: 'oidc-hardcoded-role-idp-mapper',
        config: { role: 'offline_access', syncMode: 'FORCE' },
      },
    });
    await fx.kc.identityProviders.updateMapper(
      { realm: fx.realm, alias: 'corp', id },
      {
        id,
        name: 'admins',
        identityProviderAlias: 'corp',
        identityProviderMapper: 'oidc-hardcoded-role-idp-mapper',
        config: { role: 'offline_access', syncMode: 'IMPORT' },
      },
    );
    const events = await since(started);
    expect(events.map(where)).toEqual([
      ['CREATE', 'IDENTITY_PROVIDER_MAPPER', `identity-provider/instances/corp/mappers/${id}`],
      ['UPDATE', 'IDENTITY_PROVIDER_MAPPER', `identity-provider/instances/corp/mappers/${id}`],
    ]);
    expect(parsed(events[1])).toMatchObject({
      id,
      identityProviderAlias: 'corp',
      identityProviderMapper: 'oidc-hardcoded-role-idp-mapper',
      config: { syncMode: 'IMPORT' },
    });
  });

  it('records default client scopes as CREATE/DELETE of a link without representation, and a scope update whole', async () => {
    const offline = (await fx.kc.clientScopes.findOneByName({ realm: fx.realm, name: 'offline_access' }))!;
    const api = await fx.clientUuid('api');
    const started = Date.now();
    await fx.kc.clients.delOptionalClientScope({ realm: fx.realm, id: api, clientScopeId: offline.id! });
    await fx.kc.clients.addDefaultClientScope({ realm: fx.realm, id: api, clientScopeId: offline.id! });
    await fx.kc.clientScopes.delDefaultOptionalClientScope({ realm: fx.realm, id: offline.id! });
    await fx.kc.clientScopes.addDefaultClientScope({ realm: fx.realm, id: offline.id! });
    await fx.kc.clientScopes.update(
      { realm: fx.realm, id: offline.id! },
      { ...offline, attributes: { ...offline.attributes, 'display.on.consent.screen': 'false' } },
    );
    const events = await since(started);
    expect(events.map(where)).toEqual([
      ['DELETE', 'CLIENT_SCOPE_CLIENT_MAPPING', `clients/${api}/optional-client-scopes/${offline.id}`],
      ['CREATE', 'CLIENT_SCOPE_CLIENT_MAPPING', `clients/${api}/default-client-scopes/${offline.id}`],
      ['DELETE', 'CLIENT_SCOPE', `default-optional-client-scopes/${offline.id}`],
      ['CREATE', 'CLIENT_SCOPE', `default-default-client-scopes/${offline.id}`],
      ['UPDATE', 'CLIENT_SCOPE', `client-scopes/${offline.id}`],
    ]);
    expect(events.slice(0, 4).map((event) => event.representation)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(parsed(events[4])).toMatchObject({
      name: 'offline_access',
      attributes: { 'display.on.consent.screen': 'false' },
    });
  });

  it('records a key provider update as UPDATE COMPONENT with its whole config', async () => {
    const [hmac] = await fx.kc.components.find({
      realm: fx.realm,
      type: 'org.keycloak.keys.KeyProvider',
      name: 'hmac-generated-hs512',
    });
    const started = Date.now();
    await fx.kc.components.update(
      { realm: fx.realm, id: hmac!.id! },
      { ...hmac, config: { ...hmac!.config, active: ['false'], secretSize: ['16'] } },
    );
    const [event, ...more] = await since(started);
    expect(more).toEqual([]);
    expect(where(event!)).toEqual(['UPDATE', 'COMPONENT', `components/${hmac!.id}`]);
    expect(parsed(event)).toMatchObject({
      name: 'hmac-generated-hs512',
      providerType: 'org.keycloak.keys.KeyProvider',
      config: { active: ['false'], secretSize: ['16'], algorithm: ['HS512'] },
    });
  });

  it('records a user profile change as UPDATE USER_PROFILE with the whole profile', async () => {
    const profile = await fx.kc.users.getProfile({ realm: fx.realm });
    const started = Date.now();
    await fx.kc.users.updateProfile({
      ...profile,
      realm: fx.realm,
      unmanagedAttributePolicy: UnmanagedAttributePolicy.Enabled,
    });
    const [event, ...more] = await since(started);
    expect(more).toEqual([]);
    expect(where(event!)).toEqual(['UPDATE', 'USER_PROFILE', 'users/profile']);
    expect(parsed(event)).toMatchObject({
      unmanagedAttributePolicy: 'ENABLED',
      attributes: expect.arrayContaining([expect.objectContaining({ name: 'username' })]) as unknown,
    });
    await fx.kc.users.updateProfile({ ...profile, realm: fx.realm });
  });
});

describe('admin events of composite grants through the by-name endpoints', () => {
  const compositesEvents = async (started: number) =>
    (await adminEvents(fx)).filter((event) => event.time >= started && event.resourcePath?.endsWith('/composites'));

  async function addComposites(path: string, roles: unknown[]): Promise<void> {
    const response = await fetch(`${fx.url}/admin/realms/${fx.realm}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await fx.kc.getAccessToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(roles),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status}`);
  }

  it('records POST roles/{name}/composites and clients/{id}/roles/{name}/composites under those paths, the role name decoded', async () => {
    const realm = (await fx.kc.realms.findOne({ realm: fx.realm }))!;
    const management = await fx.clientUuid('realm-management');
    const api = await fx.clientUuid('api');
    const viewUsers = (await fx.kc.clients.findRole({ realm: fx.realm, id: management, roleName: 'view-users' }))!;
    await fx.kc.roles.create({ realm: fx.realm, name: 'ops lead' });
    await fx.kc.clients.createRole({ id: api, realm: fx.realm, name: 'api-admin' });
    const started = Date.now();
    await addComposites(`roles/${encodeURIComponent(realm.defaultRole!.name!)}/composites`, [viewUsers]);
    await addComposites(`roles/${encodeURIComponent('ops lead')}/composites`, [viewUsers]);
    await addComposites(`clients/${api}/roles/api-admin/composites`, [viewUsers]);
    const events = await compositesEvents(started);
    expect(events.map((event) => [event.operationType, event.resourceType, event.resourcePath])).toEqual([
      ['CREATE', 'REALM_ROLE', `roles/default-roles-${fx.realm}/composites`],
      // Sent as ops%20lead: recorded decoded, so a name from the path is used as it stands.
      ['CREATE', 'REALM_ROLE', 'roles/ops lead/composites'],
      ['CREATE', 'CLIENT_ROLE', `clients/${api}/roles/api-admin/composites`],
    ]);
    for (const event of events)
      expect(JSON.parse(event.representation!)).toEqual([
        expect.objectContaining({ name: 'view-users', clientRole: true, containerId: management }),
      ]);
    await fx.kc.roles.delCompositeRoles({ realm: fx.realm, id: realm.defaultRole!.id! }, [viewUsers]);
  });
});
