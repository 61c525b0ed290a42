/**
 * A sensitive role added to a composite is reported once whichever endpoint added it: by the
 * composite's id (roles-by-id), by a realm role's name (roles/{name}) or by a client role's name
 * (clients/{id}/roles/{name}); added to the realm's default role by id or by name it reaches every
 * user, and is critical (sensitive-role-default). End to end: a cron-style `watch --once` with a
 * state file learns the realm, the admin adds the roles, the next run reports them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealmFixture } from '../incident/support/realm-fixture.ts';
import { enableEvents } from './support/events.ts';
import { runWatch } from './support/run-watch.ts';

let fx: RealmFixture;
let state: string;

beforeAll(async () => {
  fx = await RealmFixture.create('watch-composites');
  await enableEvents(fx);
  state = join(mkdtempSync(join(tmpdir(), 'realmguard-watch-composites-')), 'state.json');
});
afterAll(async () => {
  await (fx as RealmFixture | undefined)?.destroy(); // unset when beforeAll failed before it
});

const watchOnce = (more: string[] = []) =>
  runWatch(['--realm', fx.realm, '--once', '--format', 'json', '--state', state, ...more]);

/** POST {path}/composites as an admin console or script would, the path built by the test from its own names. */
async function addComposites(path: string, roles: unknown[]): Promise<void> {
  const response = await fetch(`${fx.url}/admin/realms/${fx.realm}/${path}/composites`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await fx.kc.getAccessToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify(roles),
  });
  if (!response.ok) throw new Error(`POST ${path}/composites: ${response.status}`);
}

describe('watch: sensitive roles added to a composite', () => {
  it('reports each of the three endpoints once, critical for the default role by id and by name', async () => {
    const first = await watchOnce(['--since', '1m']);
    expect(first.detections).toEqual([]);
    const realm = (await fx.kc.realms.findOne({ realm: fx.realm }))!;
    const defaultRole = realm.defaultRole!;
    const management = await fx.clientUuid('realm-management');
    const api = await fx.clientUuid('api');
    const role = async (name: string) =>
      (await fx.kc.clients.findRole({ realm: fx.realm, id: management, roleName: name }))!;
    await fx.kc.roles.create({ realm: fx.realm, name: 'ops lead' });
    await fx.kc.clients.createRole({ id: api, realm: fx.realm, name: 'api-admin' });

    await addComposites(`roles/${encodeURIComponent(defaultRole.name!)}`, [await role('realm-admin')]);
    await addComposites(`roles-by-id/${defaultRole.id}`, [await role('impersonation')]);
    await addComposites(`roles/${encodeURIComponent('ops lead')}`, [await role('manage-users')]);
    await addComposites(`clients/${api}/roles/api-admin`, [await role('manage-clients')]);

    const run = await watchOnce();
    expect(run.code).toBe(1);
    expect(
      run.detections.map((detection) => [detection.kind, detection.severity, detection.summary.split(' by ')[0]]),
    ).toEqual([
      ['sensitive-role-granted', 'critical', 'realm-management/realm-admin granted to every user (default roles)'],
      ['sensitive-role-granted', 'critical', 'realm-management/impersonation granted to every user (default roles)'],
      ['sensitive-role-granted', 'high', 'realm-management/manage-users granted to whoever holds role ops lead'],
      ['sensitive-role-granted', 'high', 'realm-management/manage-clients granted to whoever holds role api-admin'],
    ]);
    expect(run.detections.map((detection) => detection.changes?.[0]?.rules)).toEqual([
      ['sensitive-role-default'],
      ['sensitive-role-default'],
      ['sensitive-role-composite'],
      ['sensitive-role-composite'],
    ]);
    // Reported once: the next run finds nothing new.
    expect((await watchOnce()).detections).toEqual([]);
  });
});
