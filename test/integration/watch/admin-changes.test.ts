/**
 * Admin changes, end to end: a cron-style `watch --once` with a state file learns the realm's
 * configuration on its first run; an admin then raises the SSO idle limit, and the next run
 * reports it as weakening, with the admin's id, the address and the rule it breaks. Lowering
 * the limit strengthens the realm and is no detection. Key providers, client secrets, disabled
 * clients and events switched off are each a line of their own.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealmFixture } from '../incident/support/realm-fixture.ts';
import { keycloak } from '../../support/keycloak.ts';
import { enableEvents } from './support/events.ts';
import { runWatch } from './support/run-watch.ts';

let fx: RealmFixture;
let state: string;
let adminId: string;

beforeAll(async () => {
  fx = await RealmFixture.create('watch-admin');
  await enableEvents(fx);
  await fx.kc.realms.update({ realm: fx.realm }, { ssoSessionIdleTimeout: 1800 });
  state = join(mkdtempSync(join(tmpdir(), 'realmguard-watch-')), 'state.json');
  const [admin] = await fx.kc.users.find({ realm: 'master', username: keycloak().adminUser, exact: true });
  adminId = admin!.id!;
  // The first run learns the realm as it is now.
  await runWatch(['--realm', fx.realm, '--once', '--since', '1m', '--format', 'json', '--state', state]);
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

const watchOnce = () => runWatch(['--realm', fx.realm, '--once', '--format', 'json', '--state', state]);

describe('watch: admin changes', () => {
  it('reports a raised SSO idle limit as weakening, with the admin, the address and the rule', async () => {
    await fx.kc.realms.update({ realm: fx.realm }, { ssoSessionIdleTimeout: 86_400 });
    const run = await watchOnce();
    expect(run.code).toBe(1);
    const [weakening, ...more] = run.detections.filter((detection) => detection.kind === 'admin-weakening');
    expect(more).toEqual([]);
    expect(weakening).toMatchObject({
      realm: fx.realm,
      user: adminId,
      ipAddress: expect.any(String) as unknown,
      severity: 'high',
    });
    expect(weakening?.changes).toEqual([
      {
        setting: 'ssoSessionIdleTimeout',
        before: 1800,
        after: 86_400,
        effect: 'weakens',
        reason: expect.any(String) as unknown,
        rules: ['sso-session-idle'],
      },
    ]);
    expect(weakening?.summary).toMatch(new RegExp(`weakened by admin ${adminId}`));
  });

  it('does not report a lowered SSO idle limit: it strengthens the realm', async () => {
    await fx.kc.realms.update({ realm: fx.realm }, { ssoSessionIdleTimeout: 900 });
    const run = await watchOnce();
    expect([run.code, run.detections]).toEqual([0, []]);
  });

  it('reports key providers added and deleted, a regenerated secret and a disabled client', async () => {
    const component = await fx.kc.components.create({
      realm: fx.realm,
      name: 'extra-rsa',
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      config: { priority: ['5'] },
    });
    await fx.kc.components.del({ realm: fx.realm, id: component.id });
    const api = await fx.clientUuid('api');
    await fx.kc.clients.generateNewClientSecret({ realm: fx.realm, id: api });
    await fx.kc.clients.update({ realm: fx.realm, id: api }, { enabled: false });
    const run = await watchOnce();
    expect(run.code).toBe(1);
    expect(run.detections.map((detection) => detection.kind)).toEqual([
      'key-provider-added',
      'key-provider-deleted',
      'client-secret-regenerated',
      'client-disabled',
    ]);
    expect(run.detections.every((detection) => detection.user === adminId)).toBe(true);
  });

  it('reports events switched off, and on the next run that the realm records none', async () => {
    await fx.kc.realms.update({ realm: fx.realm }, { eventsEnabled: false });
    const run = await watchOnce();
    expect(run.code).toBe(1);
    // The start-up check sees the realm as it is now; the admin event says who switched them off, and the
    // classification sees the same change as weakening the rule login-events.
    expect(run.detections.map((detection) => [detection.kind, detection.severity])).toEqual([
      ['events-off', 'high'],
      ['admin-weakening', 'high'],
      ['events-switched-off', 'high'],
    ]);
    expect(run.detections[1]?.changes?.map((change) => [change.setting, change.rules])).toEqual([
      ['eventsEnabled', expect.arrayContaining(['login-events'])],
    ]);
    expect(run.detections[2]?.user).toBe(adminId);
    const next = await watchOnce();
    expect(next.code).toBe(1);
    expect(next.detections.map((detection) => detection.kind)).toEqual(['events-off']);
    expect(next.detections[0]?.summary).toMatch(/does not record user events/);
  });
});
