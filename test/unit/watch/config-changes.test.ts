/**
 * The admin changes beyond realm and client updates, on events shaped like Keycloak 26.7's
 * (test/integration/watch/keycloak-events.test.ts): the edge cases the real server is not asked
 * to produce — a missing representation, ids the watcher does not know, an id that names a
 * prototype key, a representation the model cannot read — and how the kept parts are carried.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WATCH_CONFIG } from '../../../watch/config.ts';
import { detectorsFor } from '../../../watch/detections/index.ts';
import { grantOf } from '../../../watch/role-grants.ts';
import { toWatchEvent } from '../../../watch/event.ts';
import { flowStructure } from '../../../watch/config-changes/flow-structure.ts';
import { exportedFlows } from '../../../watch/parts-answers.ts';
import type { RealmParts } from '../../../watch/realm-parts.ts';
import { RealmSnapshot } from '../../../watch/realm-snapshot.ts';
import { loadState } from '../../../watch/state-file.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STEPS: RealmParts['flows'][string] = [
  { id: 'cookie', level: 0, requirement: 'ALTERNATIVE', providerId: 'auth-cookie' },
  { id: 'forms', level: 0, requirement: 'ALTERNATIVE', subFlow: 'browser forms' },
  { id: 'password', level: 1, requirement: 'REQUIRED', providerId: 'auth-username-password-form' },
  { id: '2fa', level: 1, requirement: 'REQUIRED', subFlow: 'browser 2fa' },
  { id: 'otp', level: 2, requirement: 'REQUIRED', providerId: 'auth-otp-form' },
  { id: 'tail', level: 0, requirement: 'DISABLED', providerId: 'auth-spnego' },
];

function parts(): RealmParts {
  return {
    clients: {
      'uuid-web': {
        clientId: 'web',
        protocol: 'openid-connect',
        defaultClientScopes: [],
        optionalClientScopes: ['offline_access'],
      },
      'uuid-rm': { clientId: 'realm-management', defaultClientScopes: [], optionalClientScopes: [] },
    },
    serviceAccounts: { 'user-sa': 'api' },
    clientScopes: { 'scope-offline': 'offline_access' },
    flows: { browser: STEPS },
    identityProviders: [{ alias: 'corp', providerId: 'oidc', enabled: true, config: { syncMode: 'FORCE' } }],
    identityProviderMappers: [],
    keyComponents: [],
  };
}

let sequence = 0;
const admin = (raw: Record<string, unknown>) =>
  toWatchEvent('admin', 'shop', {
    id: `a${++sequence}`,
    time: 2_000,
    authDetails: { userId: 'admin-1', ipAddress: '198.51.100.2' },
    ...raw,
  })!;

/** A watcher whose snapshot keeps `kept` (null: the account could not read the parts). */
function watcher(kept: RealmParts | null = parts()) {
  const snapshot = new RealmSnapshot('shop', {
    time: 1_000,
    realm: { realm: 'shop', browserFlow: 'browser' },
    clients: {},
    ...(kept ? { parts: kept } : {}),
  });
  return { snapshot, detect: detectorsFor(DEFAULT_WATCH_CONFIG, snapshot) };
}

const manageUsers = JSON.stringify([{ id: 'r1', name: 'manage-users', composite: false }]);

describe('role grants', () => {
  it('reads the granted roles from a list representation, naming client roles by the kept clientId', () => {
    const event = admin({
      operationType: 'CREATE',
      resourceType: 'CLIENT_ROLE_MAPPING',
      resourcePath: 'users/user-sa/role-mappings/clients/uuid-rm',
      representation: manageUsers,
    });
    expect(event.admin?.representationItems).toEqual([{ id: 'r1', name: 'manage-users', composite: false }]);
    expect(grantOf(event.admin!, parts())).toEqual({
      holder: 'the service account of client api',
      judgedAs: 'serviceAccount',
      rule: 'sensitive-role-service-account',
      roles: [{ client: 'realm-management', name: 'manage-users' }],
    });
    const [found, ...more] = watcher().detect(event);
    expect(more).toEqual([]);
    expect([found?.kind, found?.severity, found?.user, found?.ipAddress]).toEqual([
      'sensitive-role-granted',
      'high',
      'admin-1',
      '198.51.100.2',
    ]);
  });

  it('judges nothing without a representation, for an unknown client, or without kept parts', () => {
    const grant = (path: string, representation?: string) =>
      admin({
        operationType: 'CREATE',
        resourceType: 'CLIENT_ROLE_MAPPING',
        resourcePath: path,
        ...(representation ? { representation } : {}),
      });
    const { detect } = watcher();
    expect(detect(grant('users/u1/role-mappings/clients/uuid-rm'))).toEqual([]);
    expect(detect(grant('users/u1/role-mappings/clients/uuid-unknown', manageUsers))).toEqual([]);
    expect(detect(grant('users/u1/role-mappings/clients/__proto__', manageUsers))).toEqual([]);
    expect(watcher(null).detect(grant('users/u1/role-mappings/clients/uuid-rm', manageUsers))).toEqual([]);
    // A role mapping where only scope mappings live (and the reverse) is no grant Keycloak records.
    expect(detect(grant('clients/uuid-web/role-mappings/clients/uuid-rm', manageUsers))).toEqual([]);
  });

  it('judges a role added to the default roles by sensitive-role-default, and not one whose client is unknown', () => {
    const snapshot = new RealmSnapshot('shop', {
      time: 1_000,
      realm: { realm: 'shop', defaultRole: { id: 'role-default', name: 'default-roles-shop' } },
      clients: {},
      parts: parts(),
    });
    const detect = detectorsFor(DEFAULT_WATCH_CONFIG, snapshot);
    const composite = (containerId: string) =>
      admin({
        operationType: 'CREATE',
        resourceType: 'REALM_ROLE',
        resourcePath: 'roles-by-id/role-default/composites',
        representation: JSON.stringify([{ id: 'r1', name: 'realm-admin', clientRole: true, containerId }]),
      });
    const [found, ...more] = detect(composite('uuid-rm'));
    expect(more).toEqual([]);
    expect([found?.severity, found?.changes?.[0]?.rules]).toEqual(['critical', ['sensitive-role-default']]);
    expect(found?.summary).toMatch(/^realm-management\/realm-admin granted to every user \(default roles\)/);
    expect(detect(composite('uuid-unknown'))).toEqual([]);
  });

  it('judges a deletion, and a grant of roles no list names, as nothing', () => {
    const { detect } = watcher();
    const path = 'groups/g1/role-mappings/clients/uuid-rm';
    expect(
      detect(
        admin({
          operationType: 'DELETE',
          resourceType: 'CLIENT_ROLE_MAPPING',
          resourcePath: path,
          representation: manageUsers,
        }),
      ),
    ).toEqual([]);
    const viewUsers = JSON.stringify([{ id: 'r2', name: 'view-users' }]);
    expect(
      detect(
        admin({
          operationType: 'CREATE',
          resourceType: 'CLIENT_ROLE_MAPPING',
          resourcePath: path,
          representation: viewUsers,
        }),
      ),
    ).toEqual([]);
  });
});

describe('changes to the kept parts', () => {
  it('nests the flattened steps into the flows an export carries', () => {
    expect(exportedFlows({ browser: STEPS })).toEqual([
      {
        alias: 'browser',
        topLevel: true,
        authenticationExecutions: [
          { authenticatorFlow: false, authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
          { authenticatorFlow: true, flowAlias: 'browser forms', requirement: 'ALTERNATIVE' },
          { authenticatorFlow: false, authenticator: 'auth-spnego', requirement: 'DISABLED' },
        ],
      },
      {
        alias: 'browser forms',
        topLevel: false,
        authenticationExecutions: [
          { authenticatorFlow: false, authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
          { authenticatorFlow: true, flowAlias: 'browser 2fa', requirement: 'REQUIRED' },
        ],
      },
      {
        alias: 'browser 2fa',
        topLevel: false,
        authenticationExecutions: [
          { authenticatorFlow: false, authenticator: 'auth-otp-form', requirement: 'REQUIRED' },
        ],
      },
    ]);
  });

  it('reports the OTP step switched off once, with the rule, and keeps the new state', () => {
    const { detect, snapshot } = watcher();
    const off = admin({
      operationType: 'UPDATE',
      resourceType: 'AUTH_EXECUTION',
      resourcePath: 'authentication/flows/browser/executions',
      representation: JSON.stringify({ id: 'otp', requirement: 'DISABLED', providerId: 'auth-otp-form' }),
    });
    const [found, ...more] = detect(off);
    expect(more).toEqual([]);
    expect(found?.summary).toMatch(/^flow browser weakened by admin admin-1 from 198\.51\.100\.2: executions /);
    expect(found?.changes?.[0]?.rules).toEqual(['browser-flow-second-factor']);
    expect(snapshot.parts()?.flows.browser?.find((step) => step.id === 'otp')?.requirement).toBe('DISABLED');
    // The same event again (a re-read): the kept state already has it.
    expect(detect({ ...off, id: 'again' })).toEqual([]);
  });

  it('does not judge a change older than the kept parts: they were read after it, so it is in them', () => {
    const { detect, snapshot } = watcher();
    const early = admin({
      time: 500,
      operationType: 'UPDATE',
      resourceType: 'AUTH_EXECUTION',
      resourcePath: 'authentication/flows/browser/executions',
      representation: JSON.stringify({ id: 'otp', requirement: 'DISABLED' }),
    });
    expect(detect(early)).toEqual([]);
    expect(snapshot.parts()).toEqual(parts());
  });

  it('judges nothing for a missing representation, an unknown flow, step, client, scope or prototype key', () => {
    const { detect, snapshot } = watcher();
    const step = (path: string, representation?: unknown) =>
      admin({
        operationType: 'UPDATE',
        resourceType: 'AUTH_EXECUTION',
        resourcePath: path,
        ...(representation ? { representation: JSON.stringify(representation) } : {}),
      });
    expect(detect(step('authentication/flows/browser/executions'))).toEqual([]);
    expect(detect(step('authentication/flows/browser/executions', { id: 'nope', requirement: 'DISABLED' }))).toEqual(
      [],
    );
    expect(
      detect(step('authentication/flows/browser/executions', { id: '__proto__', requirement: 'DISABLED' })),
    ).toEqual([]);
    const structure = (operationType: string, path: string) =>
      admin({ operationType, resourceType: 'AUTH_EXECUTION', resourcePath: path });
    expect(detect(structure('DELETE', 'authentication/executions/nope'))).toEqual([]);
    expect(detect(structure('UPDATE', 'authentication/executions/__proto__/raise-priority'))).toEqual([]);
    expect(detect(structure('CREATE', 'authentication/flows/__proto__/executions/execution'))).toEqual([]);
    const link = (path: string) =>
      admin({ operationType: 'CREATE', resourceType: 'CLIENT_SCOPE_CLIENT_MAPPING', resourcePath: path });
    expect(detect(link('clients/uuid-unknown/default-client-scopes/scope-offline'))).toEqual([]);
    expect(detect(link('clients/uuid-web/default-client-scopes/scope-unknown'))).toEqual([]);
    expect(detect(link('clients/__proto__/default-client-scopes/scope-offline'))).toEqual([]);
    expect(
      detect(
        admin({
          operationType: 'UPDATE',
          resourceType: 'IDENTITY_PROVIDER',
          resourcePath: 'identity-provider/instances/corp',
        }),
      ),
    ).toEqual([]);
    expect(
      detect(admin({ operationType: 'UPDATE', resourceType: 'USER_PROFILE', resourcePath: 'users/profile' })),
    ).toEqual([]);
    expect(snapshot.parts()).toEqual(parts());
    expect(({} as Record<string, unknown>).clientId).toBeUndefined();
  });

  it('finds a step by its id under any flow alias the path names: a sub-flow’s, another flow’s, a prototype key', () => {
    for (const alias of ['browser 2fa', 'direct grant', '__proto__']) {
      const { detect } = watcher();
      const off = admin({
        operationType: 'UPDATE',
        resourceType: 'AUTH_EXECUTION',
        resourcePath: `authentication/flows/${alias}/executions`,
        representation: JSON.stringify({ id: 'otp', requirement: 'DISABLED' }),
      });
      expect(detect(off).map((found) => found.summary.split(' weakened')[0])).toEqual(['flow browser']);
    }
  });

  it('follows steps added, moved and deleted: a block with its sub-flow steps moves and goes as one', () => {
    const ids = (operationType: string, path: string, representation?: unknown, resourceType = 'AUTH_EXECUTION') =>
      flowStructure(
        admin({
          operationType,
          resourceType,
          resourcePath: path,
          ...(representation ? { representation: JSON.stringify(representation) } : {}),
        }).admin!,
        parts(),
      )?.parts.flows.browser?.map((step) => `${step.id}@${step.level}`);
    const steps = (path: string) => ids('UPDATE', `authentication/executions/${path}`);
    expect(steps('2fa/raise-priority')).toEqual(['cookie@0', 'forms@0', '2fa@1', 'otp@2', 'password@1', 'tail@0']);
    expect(steps('cookie/lower-priority')).toEqual(['forms@0', 'password@1', '2fa@1', 'otp@2', 'cookie@0', 'tail@0']);
    expect(steps('tail/raise-priority')).toEqual(['cookie@0', 'tail@0', 'forms@0', 'password@1', '2fa@1', 'otp@2']);
    // Already first or last among its siblings: Keycloak leaves it, so nothing changes.
    expect(steps('cookie/raise-priority')).toBeUndefined();
    expect(steps('otp/lower-priority')).toBeUndefined();
    expect(ids('DELETE', 'authentication/executions/forms')).toEqual(['cookie@0', 'tail@0']);
    expect(ids('DELETE', 'authentication/executions/otp')).toEqual([
      'cookie@0',
      'forms@0',
      'password@1',
      '2fa@1',
      'tail@0',
    ]);
    const added = { provider: 'auth-recovery-authn-code-form', id: 'new' };
    const create = (alias: string) => ids('CREATE', `authentication/flows/${alias}/executions/execution`, added);
    expect(create('browser 2fa')).toEqual(['cookie@0', 'forms@0', 'password@1', '2fa@1', 'otp@2', 'new@2', 'tail@0']);
    expect(create('browser forms')).toEqual(['cookie@0', 'forms@0', 'password@1', '2fa@1', 'otp@2', 'new@1', 'tail@0']);
    expect(create('browser')).toEqual(['cookie@0', 'forms@0', 'password@1', '2fa@1', 'otp@2', 'tail@0', 'new@0']);
    const subFlow = { alias: 'extra', id: 'new' };
    expect(ids('CREATE', 'authentication/flows/browser forms/executions/flow', subFlow, 'AUTH_EXECUTION_FLOW')).toEqual(
      ['cookie@0', 'forms@0', 'password@1', '2fa@1', 'otp@2', 'new@1', 'tail@0'],
    );
    // The path and the event type must agree; an unknown parent flow is not followed.
    expect(ids('CREATE', 'authentication/flows/browser forms/executions/flow', subFlow)).toBeUndefined();
    expect(ids('CREATE', 'authentication/flows/unknown/executions/execution', added)).toBeUndefined();
  });

  it('reports offline_access made a default scope of a known client', () => {
    const [found] = watcher().detect(
      admin({
        operationType: 'CREATE',
        resourceType: 'CLIENT_SCOPE_CLIENT_MAPPING',
        resourcePath: 'clients/uuid-web/default-client-scopes/scope-offline',
      }),
    );
    expect(found?.changes?.map((change) => [change.setting, change.after, change.rules])).toEqual([
      ['defaultClientScopes', 'offline_access', ['offline-access-default']],
    ]);
  });

  it('leaves the kept parts as they were when the model cannot read the representation', () => {
    const { detect, snapshot } = watcher();
    const broken = admin({
      operationType: 'UPDATE',
      resourceType: 'IDENTITY_PROVIDER',
      resourcePath: 'identity-provider/instances/corp',
      representation: JSON.stringify({ alias: 'corp', providerId: 42, config: 'not a map' }),
    });
    expect(detect(broken)).toEqual([]);
    expect(snapshot.parts()).toEqual(parts());
  });

  it('keeps a created client scope and client, so a later link to them is judged', () => {
    const { detect } = watcher();
    detect(
      admin({
        operationType: 'CREATE',
        resourceType: 'CLIENT',
        resourcePath: 'clients/uuid-new',
        representation: JSON.stringify({ clientId: 'shop-app', protocol: 'openid-connect' }),
      }),
    );
    detect(
      admin({
        operationType: 'CREATE',
        resourceType: 'CLIENT_SCOPE',
        resourcePath: 'client-scopes/scope-new',
        representation: JSON.stringify({ name: 'offline_access' }),
      }),
    );
    const [found] = detect(
      admin({
        operationType: 'CREATE',
        resourceType: 'CLIENT_SCOPE_CLIENT_MAPPING',
        resourcePath: 'clients/uuid-new/default-client-scopes/scope-new',
      }),
    );
    expect(found?.summary).toMatch(/^client shop-app weakened/);
  });
});

describe('the state file', () => {
  it('loads a state written before the parts were kept, and one with them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realmguard-watch-state-'));
    const snapshot = { time: 1, realm: { realm: 'shop' }, clients: {} };
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ version: 1, cursors: {}, responded: [], snapshots: { shop: snapshot } }));
    expect(loadState(old).snapshots.shop?.parts).toBeUndefined();
    const now = join(dir, 'now.json');
    writeFileSync(
      now,
      JSON.stringify({ version: 1, cursors: {}, responded: [], snapshots: { shop: { ...snapshot, parts: parts() } } }),
    );
    expect(loadState(now).snapshots.shop?.parts).toEqual(parts());
  });
});
