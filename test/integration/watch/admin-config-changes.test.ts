/**
 * Admin changes beyond the realm's own settings, end to end on the real server: a cron-style
 * `watch --once` with a state file learns the realm (its flows, identity providers, key providers,
 * clients' scopes and user profile) on its first run; each change an admin then makes through the
 * admin API is reported exactly once by the next run — a sensitive role granted, a second factor
 * switched off in a flow or the browser flow bound to a weaker one, an identity provider made
 * weaker, offline_access made a client's default scope, a key provider made weaker, unmanaged
 * attributes made user-editable — while a strengthening or harmless change of the same kind is
 * reported by nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnmanagedAttributePolicy } from '@keycloak/keycloak-admin-client/lib/defs/userProfileMetadata.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SECRET, RealmFixture } from '../incident/support/realm-fixture.ts';
import { keycloak } from '../../support/keycloak.ts';
import { enableEvents } from './support/events.ts';
import { runWatch } from './support/run-watch.ts';

let fx: RealmFixture;
let state: string;
let adminId: string;
let management: string;

const IDP_SECRET = 'idp-secret-0123456789abcdef';

async function managementRole(name: string) {
  const role = await fx.kc.clients.findRole({ realm: fx.realm, id: management, roleName: name });
  return { id: role!.id!, name };
}

async function otpStep(flow: string) {
  const steps = await fx.kc.authenticationManagement.getExecutions({ realm: fx.realm, flow });
  return {
    otp: steps.find((step) => step.providerId === 'auth-otp-form')!,
    twoFactor: steps.find((step) => step.authenticationFlow && step.displayName?.endsWith('Conditional 2FA'))!,
    organization: steps.find((step) => step.authenticationFlow && step.displayName === `${flow} Organization`)!,
  };
}

beforeAll(async () => {
  fx = await RealmFixture.create('watch-config');
  await enableEvents(fx);
  management = await fx.clientUuid('realm-management');
  // A browser flow that always asks for OTP, bound: what the flow tests weaken. (Keycloak's own browser
  // flow has an organization login as an alternative with no second factor: diff ranks it "none".)
  await fx.kc.authenticationManagement.copyFlow({ realm: fx.realm, flow: 'browser', newName: 'browser-otp' });
  const { otp, twoFactor, organization } = await otpStep('browser-otp');
  for (const [step, requirement] of [
    [twoFactor, 'REQUIRED'],
    [otp, 'REQUIRED'],
    [organization, 'DISABLED'],
  ] as const)
    await fx.kc.authenticationManagement.updateExecution(
      { realm: fx.realm, flow: 'browser-otp' },
      { ...step, requirement },
    );
  await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser-otp' });
  await fx.kc.identityProviders.create({
    realm: fx.realm,
    alias: 'corp',
    providerId: 'oidc',
    enabled: true,
    config: {
      clientId: 'broker',
      clientSecret: IDP_SECRET,
      authorizationUrl: 'https://idp.example/auth',
      tokenUrl: 'https://idp.example/token',
      syncMode: 'FORCE',
      pkceEnabled: 'true',
      pkceMethod: 'S256',
    },
  });
  await fx.kc.groups.create({ realm: fx.realm, name: 'ops' });
  // A first-login flow that links brokered users to existing accounts unverified (idp-first-login-auto-link).
  await fx.kc.authenticationManagement.createFlow({
    realm: fx.realm,
    alias: 'auto-link',
    providerId: 'basic-flow',
    topLevel: true,
    builtIn: false,
  });
  const link = await fx.kc.authenticationManagement.addExecutionToFlow({
    realm: fx.realm,
    flow: 'auto-link',
    provider: 'idp-auto-link',
  });
  await fx.kc.authenticationManagement.updateExecution(
    { realm: fx.realm, flow: 'auto-link' },
    { ...link, requirement: 'REQUIRED' },
  );
  state = join(mkdtempSync(join(tmpdir(), 'realmguard-watch-config-')), 'state.json');
  const [admin] = await fx.kc.users.find({ realm: 'master', username: keycloak().adminUser, exact: true });
  adminId = admin!.id!;
  // The first run learns the realm as it is now.
  const first = await watchOnce(['--since', '1m']);
  expect(first.stderr).not.toMatch(/not judged/);
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

const watchOnce = (more: string[] = []) =>
  runWatch(['--realm', fx.realm, '--once', '--format', 'json', '--state', state, ...more], {
    secrets: [IDP_SECRET, API_SECRET],
  });

/** One run's detections as [kind, severity, summary] for the assertions below. */
async function detected() {
  const run = await watchOnce();
  return { run, found: run.detections.map((detection) => detection) };
}

describe('watch: sensitive role grants', () => {
  it('reports each grant of a sensitive role once, judged by the holder’s list; an ordinary role is none', async () => {
    const userId = await fx.createUser('gail');
    const api = await fx.clientUuid('api');
    const account = await fx.kc.clients.getServiceAccountUser({ realm: fx.realm, id: api });
    const [ops] = await fx.kc.groups.find({ realm: fx.realm, search: 'ops' });
    await fx.kc.users.addClientRoleMappings({
      realm: fx.realm,
      id: userId,
      clientUniqueId: management,
      roles: [await managementRole('manage-users')],
    });
    await fx.kc.users.addClientRoleMappings({
      realm: fx.realm,
      id: account.id!,
      clientUniqueId: management,
      roles: [await managementRole('realm-admin')],
    });
    await fx.kc.groups.addClientRoleMappings({
      realm: fx.realm,
      id: ops!.id!,
      clientUniqueId: management,
      roles: [await managementRole('manage-clients')],
    });
    const offline = (await fx.kc.clientScopes.findOneByName({ realm: fx.realm, name: 'offline_access' }))!;
    await fx.kc.clientScopes.addClientScopeMappings({ realm: fx.realm, id: offline.id!, client: management }, [
      await managementRole('manage-realm'),
    ]);
    const defaultRole = (await fx.kc.realms.findOne({ realm: fx.realm }))!.defaultRole!;
    await fx.kc.roles.createComposite({ realm: fx.realm, roleId: defaultRole.id! }, [
      { ...(await managementRole('impersonation')), clientRole: true, containerId: management },
    ]);
    const peter = await fx.createUser('peter');
    await fx.kc.users.addToGroup({ realm: fx.realm, id: peter, groupId: ops!.id! });
    // Harmless: an ordinary realm role, and a realm-management role no list names.
    await fx.kc.roles.create({ realm: fx.realm, name: 'reader' });
    const reader = (await fx.kc.roles.findOneByName({ realm: fx.realm, name: 'reader' }))!;
    await fx.kc.users.addRealmRoleMappings({
      realm: fx.realm,
      id: userId,
      roles: [{ id: reader.id!, name: 'reader' }],
    });
    await fx.kc.users.addClientRoleMappings({
      realm: fx.realm,
      id: userId,
      clientUniqueId: management,
      roles: [await managementRole('view-users')],
    });

    const { run, found } = await detected();
    expect(run.code).toBe(1);
    expect(found.map((detection) => [detection.kind, detection.severity, detection.user])).toEqual([
      ['sensitive-role-granted', 'high', adminId],
      ['sensitive-role-granted', 'high', adminId],
      ['sensitive-role-granted', 'high', adminId],
      ['sensitive-role-granted', 'high', adminId],
      // Every user now holds it: the severity of sensitive-role-default.
      ['sensitive-role-granted', 'critical', adminId],
      ['sensitive-role-granted', 'high', adminId],
    ]);
    expect(found.map((detection) => detection.summary.split(' by ')[0])).toEqual([
      `realm-management/manage-users granted to user ${userId}`,
      'realm-management/realm-admin granted to the service account of client api',
      `realm-management/manage-clients granted to the members of group ${ops!.id}`,
      'realm-management/manage-realm granted to tokens of client scope offline_access',
      'realm-management/impersonation granted to every user (default roles)',
      `realm-management/manage-clients granted to user ${peter} (joined group /ops)`,
    ]);
    expect(found.map((detection) => detection.changes?.[0]?.rules)).toEqual([
      [],
      ['sensitive-role-service-account'],
      ['sensitive-role-group'],
      ['sensitive-role-client'],
      ['sensitive-role-default'],
      [],
    ]);
    expect(found[0]?.ipAddress).toEqual(expect.any(String));
  });
});

describe('watch: second factor', () => {
  it('reports the browser flow bound to a flow with a weaker second factor, not the move back', async () => {
    await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser' });
    const weaker = await detected();
    expect(weaker.found.map((detection) => [detection.kind, detection.severity])).toEqual([
      ['admin-weakening', 'high'],
    ]);
    expect(
      weaker.found[0]?.changes?.map((change) => [change.setting, change.before, change.after, change.rules]),
    ).toEqual([['authentication.browserFlow', 'browser-otp', 'browser', ['browser-flow-second-factor']]]);
    expect(weaker.found[0]?.summary).toMatch(new RegExp(`^realm ${fx.realm} weakened by admin ${adminId} from `));
    await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser-otp' });
    expect((await detected()).found).toEqual([]);
  });

  it('reports the OTP step of the bound flow switched off, and not it switched on again', async () => {
    const { otp } = await otpStep('browser-otp');
    await fx.kc.authenticationManagement.updateExecution(
      { realm: fx.realm, flow: 'browser-otp' },
      { ...otp, requirement: 'DISABLED' },
    );
    const off = await detected();
    expect(off.found.map((detection) => detection.kind)).toEqual(['admin-weakening']);
    expect(off.found[0]?.summary).toMatch(/^flow browser-otp weakened by admin /);
    expect(off.found[0]?.severity).toBe('high');
    expect(off.found[0]?.changes?.map((change) => [change.setting, change.effect, change.rules])).toEqual([
      ['executions', 'weakens', ['browser-flow-second-factor']],
    ]);
    await fx.kc.authenticationManagement.updateExecution(
      { realm: fx.realm, flow: 'browser-otp' },
      { ...otp, requirement: 'REQUIRED' },
    );
    expect((await detected()).found).toEqual([]);
  });

  it('finds the step by its id whatever flow alias the change is sent under: a sub-flow’s or an unrelated flow’s', async () => {
    const { otp, twoFactor } = await otpStep('browser-otp');
    for (const alias of [twoFactor.displayName!, 'direct grant']) {
      await fx.kc.authenticationManagement.updateExecution(
        { realm: fx.realm, flow: alias },
        { ...otp, requirement: 'DISABLED' },
      );
      const off = await detected();
      expect(off.found.map((detection) => [detection.kind, detection.summary.split(' weakened')[0]])).toEqual([
        ['admin-weakening', 'flow browser-otp'],
      ]);
      expect(off.found[0]?.changes?.map((change) => [change.setting, change.effect, change.rules])).toEqual([
        ['executions', 'weakens', ['browser-flow-second-factor']],
      ]);
      await fx.kc.authenticationManagement.updateExecution(
        { realm: fx.realm, flow: alias },
        { ...otp, requirement: 'REQUIRED' },
      );
      expect((await detected()).found).toEqual([]);
    }
  });

  it('follows steps and a sub-flow added and moved (harmless: nothing reported), then reports the OTP step deleted', async () => {
    const { otp, twoFactor } = await otpStep('browser-otp');
    const added = await fx.kc.authenticationManagement.addExecutionToFlow({
      realm: fx.realm,
      flow: twoFactor.displayName!,
      provider: 'auth-recovery-authn-code-form',
    });
    await fx.kc.authenticationManagement.raisePriorityExecution({ realm: fx.realm, id: added.id! });
    await fx.kc.authenticationManagement.lowerPriorityExecution({ realm: fx.realm, id: added.id! });
    await fx.kc.authenticationManagement.addFlowToFlow({
      realm: fx.realm,
      flow: twoFactor.displayName!,
      alias: 'browser-otp extra',
      type: 'basic-flow',
      provider: 'registration-page-form',
      description: '',
    });
    expect((await detected()).found).toEqual([]);
    await fx.kc.authenticationManagement.delExecution({ realm: fx.realm, id: otp.id! });
    const deleted = await detected();
    expect(deleted.found.map((detection) => [detection.kind, detection.severity])).toEqual([
      ['admin-weakening', 'high'],
    ]);
    expect(deleted.found[0]?.summary).toMatch(/^flow browser-otp weakened by admin /);
    expect(deleted.found[0]?.changes?.map((change) => [change.setting, change.effect, change.rules])).toEqual([
      ['executions', 'weakens', ['browser-flow-second-factor']],
    ]);
    // The kept flow lost the step: a later binding away and back judges the flow as it now is.
    await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser' });
    expect((await detected()).found).toEqual([]);
    await fx.kc.realms.update({ realm: fx.realm }, { browserFlow: 'browser-otp' });
    expect((await detected()).found).toEqual([]);
  });
});

describe('watch: identity providers, client scopes, key providers, user profile', () => {
  it('reports an identity provider made weaker with each weakened setting, not a renamed display name', async () => {
    const idp = (await fx.kc.identityProviders.findOne({ realm: fx.realm, alias: 'corp' }))!;
    await fx.kc.identityProviders.update({ realm: fx.realm, alias: 'corp' }, { ...idp, displayName: 'Corporate' });
    expect((await detected()).found).toEqual([]);
    await fx.kc.identityProviders.update(
      { realm: fx.realm, alias: 'corp' },
      {
        ...idp,
        displayName: 'Corporate',
        trustEmail: true,
        config: { ...idp.config, syncMode: 'IMPORT', pkceEnabled: 'false' },
      },
    );
    const { found } = await detected();
    expect(found.map((detection) => detection.kind)).toEqual(['admin-weakening']);
    expect(found[0]?.summary).toMatch(/^identity provider corp weakened by admin /);
    expect(found[0]?.changes?.map((change) => [change.setting, change.before, change.after, change.rules])).toEqual([
      ['config.pkceEnabled', 'true', 'false', ['idp-pkce']],
      ['config.syncMode', 'FORCE', 'IMPORT', ['idp-sync-mode']],
      ['trustEmail', false, true, []],
    ]);
    expect(found[0]?.severity).toBe('high');
  });

  it('reports a mapper that grants roles added, and its sync mode weakened', async () => {
    const mapper = {
      name: 'staff',
      identityProviderAlias: 'corp',
      identityProviderMapper: 'oidc-role-idp-mapper',
      config: { claim: 'groups', 'claim.value': 'staff', role: 'offline_access', syncMode: 'FORCE' },
    };
    const { id } = await fx.kc.identityProviders.createMapper({
      realm: fx.realm,
      alias: 'corp',
      identityProviderMapper: mapper,
    });
    const added = await detected();
    expect(added.found.map((detection) => detection.kind)).toEqual(['admin-weakening']);
    expect(added.found[0]?.changes?.map((change) => [change.setting, change.after, change.effect])).toEqual([
      ['mappers.staff', 'oidc-role-idp-mapper', 'weakens'],
    ]);
    await fx.kc.identityProviders.updateMapper(
      { realm: fx.realm, alias: 'corp', id },
      { ...mapper, id, config: { ...mapper.config, syncMode: 'IMPORT' } },
    );
    const updated = await detected();
    expect(
      updated.found[0]?.changes?.map((change) => [change.setting, change.before, change.after, change.rules]),
    ).toEqual([['mappers.staff.config.syncMode', 'FORCE', 'IMPORT', ['idp-mapper-sync']]]);
  });

  it('reports a first-login flow that links accounts unverified: diff calls the switch neutral, the rule does not', async () => {
    const idp = (await fx.kc.identityProviders.findOne({ realm: fx.realm, alias: 'corp' }))!;
    await fx.kc.identityProviders.update(
      { realm: fx.realm, alias: 'corp' },
      { ...idp, firstBrokerLoginFlowAlias: 'auto-link' },
    );
    const { found } = await detected();
    expect(found.map((detection) => [detection.kind, detection.severity])).toEqual([['admin-weakening', 'high']]);
    expect(found[0]?.changes?.map((change) => [change.setting, change.after, change.effect, change.rules])).toEqual([
      ['firstBrokerLoginFlowAlias', 'auto-link', 'neutral', ['idp-first-login-auto-link']],
    ]);
  });

  it('judges a new identity provider against none: a weak one is reported once, a hardened one not', async () => {
    const config = {
      clientId: 'broker',
      clientSecret: IDP_SECRET,
      authorizationUrl: 'https://idp.example/auth',
      tokenUrl: 'https://idp.example/token',
      syncMode: 'FORCE',
      pkceEnabled: 'true',
      pkceMethod: 'S256',
      validateSignature: 'true',
      useJwksUrl: 'true',
      jwksUrl: 'https://idp.example/certs',
    };
    await fx.kc.identityProviders.create({
      realm: fx.realm,
      alias: 'hardened',
      providerId: 'oidc',
      enabled: true,
      config,
    });
    expect((await detected()).found).toEqual([]);
    await fx.kc.identityProviders.create({
      realm: fx.realm,
      alias: 'partner',
      providerId: 'oidc',
      enabled: true,
      trustEmail: true,
      firstBrokerLoginFlowAlias: 'auto-link',
      config,
    });
    const { found } = await detected();
    expect(found.map((detection) => [detection.kind, detection.severity])).toEqual([['admin-weakening', 'high']]);
    expect(found[0]?.summary).toMatch(
      /^identity provider partner weakened by admin .*: \(identity provider\) none → "oidc identity provider" \(breaks idp-first-login-auto-link\)$/,
    );
    // Diff calls an added provider neutral; the rules its settings break make it a detection.
    expect(found[0]?.changes?.map((change) => [change.setting, change.before, change.after, change.rules])).toEqual([
      ['(identity provider)', undefined, 'oidc identity provider', ['idp-first-login-auto-link']],
    ]);
  });

  it('reports offline_access made a default scope of a client, not its removal from the optional ones', async () => {
    const offline = (await fx.kc.clientScopes.findOneByName({ realm: fx.realm, name: 'offline_access' }))!;
    const web = await fx.clientUuid('web');
    await fx.kc.clients.delOptionalClientScope({ realm: fx.realm, id: web, clientScopeId: offline.id! });
    expect((await detected()).found).toEqual([]);
    await fx.kc.clients.addDefaultClientScope({ realm: fx.realm, id: web, clientScopeId: offline.id! });
    const { found } = await detected();
    expect(found.map((detection) => [detection.kind, detection.severity])).toEqual([['admin-weakening', 'high']]);
    expect(found[0]?.changes?.map((change) => [change.setting, change.after, change.rules])).toEqual([
      ['defaultClientScopes', 'offline_access', ['offline-access-default']],
    ]);
    expect(found[0]?.summary).toMatch(/^client web weakened by admin /);
  });

  it('reports a key provider made weaker, not a priority change', async () => {
    const [rsa] = await fx.kc.components.find({
      realm: fx.realm,
      type: 'org.keycloak.keys.KeyProvider',
      name: 'rsa-generated',
    });
    await fx.kc.components.update(
      { realm: fx.realm, id: rsa!.id! },
      { ...rsa, config: { ...rsa!.config, priority: ['90'] } },
    );
    expect((await detected()).found).toEqual([]);
    await fx.kc.components.update(
      { realm: fx.realm, id: rsa!.id! },
      { ...rsa, config: { ...rsa!.config, priority: ['90'], keySize: ['1024'] } },
    );
    const { found } = await detected();
    expect(found.map((detection) => detection.kind)).toEqual(['admin-weakening']);
    expect(found[0]?.changes?.map((change) => [change.setting, change.after, change.rules])).toEqual([
      ['keySize', 1024, ['rsa-key-size']],
    ]);
    expect(found[0]?.summary).toMatch(/^key provider rsa-generated weakened by admin /);
  });

  it('reports the last active signing key of an algorithm disabled, not a key made stronger or enabled again', async () => {
    const [rsa] = await fx.kc.components.find({
      realm: fx.realm,
      type: 'org.keycloak.keys.KeyProvider',
      name: 'rsa-generated',
    });
    // Its 1024-bit key made 2048 again (the test before): stronger, no detection.
    await fx.kc.components.update(
      { realm: fx.realm, id: rsa!.id! },
      { ...rsa, config: { ...rsa!.config, keySize: ['2048'] } },
    );
    expect((await detected()).found).toEqual([]);
    await fx.kc.components.update(
      { realm: fx.realm, id: rsa!.id! },
      { ...rsa, config: { ...rsa!.config, keySize: ['2048'], enabled: ['false'] } },
    );
    const { found } = await detected();
    expect(found.map((detection) => detection.kind)).toEqual(['admin-weakening']);
    expect(found[0]?.changes?.map((change) => [change.setting, change.after, change.effect, change.rules])).toEqual([
      ['enabled', false, 'neutral', ['active-signing-key']],
    ]);
    await fx.kc.components.update(
      { realm: fx.realm, id: rsa!.id! },
      { ...rsa, config: { ...rsa!.config, keySize: ['2048'], enabled: ['true'] } },
    );
    expect((await detected()).found).toEqual([]);
  });

  it('reports unmanaged attributes made user-editable, not an attribute declared for admins only', async () => {
    const profile = await fx.kc.users.getProfile({ realm: fx.realm });
    await fx.kc.users.updateProfile({
      ...profile,
      realm: fx.realm,
      attributes: [
        ...(profile.attributes ?? []),
        {
          name: 'tenant',
          displayName: 'Tenant',
          permissions: { view: ['admin'], edit: ['admin'] },
          multivalued: false,
        },
      ],
    });
    expect((await detected()).found).toEqual([]);
    await fx.kc.users.updateProfile({
      ...profile,
      realm: fx.realm,
      unmanagedAttributePolicy: UnmanagedAttributePolicy.Enabled,
    });
    const { found } = await detected();
    expect(found.map((detection) => detection.kind)).toEqual(['admin-weakening']);
    expect(found[0]?.summary).toMatch(/^user profile weakened by admin /);
    expect(found[0]?.changes?.map((change) => [change.setting, change.before, change.after])).toEqual([
      ['userProfile.unmanagedAttributePolicy', 'ADMIN_EDIT', 'ENABLED'],
    ]);
  });
});
