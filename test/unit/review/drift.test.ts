/** driftBetween and the drift renderers on model fixtures (the live path is in the integration test). */
import { describe, expect, it } from 'vitest';
import type { LoadedRealm, RealmSettings } from '../../../model/realm-settings.ts';
import { pathKey } from '../../../model/realm-settings.ts';
import { withoutBuiltInClients } from '../../../review/built-in-clients.ts';
import { driftBetween } from '../../../review/drift.ts';
import { KEYCLOAK_BUILT_IN_KEYS } from '../../../model/keycloak-keys.ts';
import {
  DRIFT_RULE_ID,
  driftMarkdown,
  driftText,
  withDriftJson,
  withDriftSarif,
} from '../../../cli/format/review/drift.ts';
import { auditReport, sarifLog } from '../../support/json-reports.ts';
import { changed, client, shopClient, shopRealm, loaded } from '../../support/fixtures.ts';

function declaredWithPositions(settings: RealmSettings): LoadedRealm {
  const realm = loaded(settings, { origin: 'baselines/shop.yaml' });
  realm.source.positions.set(pathKey(['accessTokenLifespan']), { file: 'baselines/shop.yaml', line: 4, column: 3 });
  realm.source.positions.set(pathKey(['clients', 'web']), { file: 'baselines/shop.yaml', line: 9, column: 5 });
  return realm;
}

function live(settings: RealmSettings): LoadedRealm {
  return {
    settings,
    source: { kind: 'live', origin: 'https://sso.example.com/admin/realms/shop', positions: new Map() },
  };
}

describe('driftBetween', () => {
  const declared = declaredWithPositions(shopRealm());

  it('is empty when the live realm is what the baseline declares', () => {
    expect(driftBetween(declared, live(shopRealm()))).toEqual([]);
  });

  it('reports each drifted setting, effect read as "live compared with declared", located in the baseline', () => {
    const drifted = changed(shopRealm(), (realm) => {
      realm.accessTokenLifespan = 1800;
      client(realm, 'web').redirectUris.push('https://*');
      realm.eventsEnabled = true; // unchanged
    });
    const drift = driftBetween(declared, live(drifted));
    expect(
      drift.map((change) => [change.setting, change.before, change.after, change.effect, change.location?.line]),
    ).toEqual([
      ['redirectUris', undefined, 'https://*', 'weakens', 9],
      ['accessTokenLifespan', 300, 1800, 'weakens', 4],
    ]);
  });

  it("ignores Keycloak's own keys the baseline does not name, as Keycloak creates them, and reports any other undeclared key", () => {
    const withoutAes = loaded(
      changed(shopRealm(), (realm) => {
        realm.keyProviders = realm.keyProviders.filter((key) => key.name !== 'aes-generated' && key.name !== 'aes');
      }),
    );
    const server = changed(shopRealm(), (realm) => {
      realm.keyProviders = realm.keyProviders.filter((key) => key.name !== 'aes-generated' && key.name !== 'aes');
      realm.keyProviders.push({ ...KEYCLOAK_BUILT_IN_KEYS.find((key) => key.name === 'aes-generated')! });
    });
    expect(driftBetween(withoutAes, live(server))).toEqual([]);

    const changedBuiltIn = changed(server, (realm) => {
      realm.keyProviders.find((key) => key.name === 'aes-generated')!.priority = 500;
    });
    expect(driftBetween(withoutAes, live(changedBuiltIn)).map((change) => change.path.join('.'))).toEqual([
      'keyProviders.aes-generated',
    ]);

    const planted = changed(server, (realm) => {
      realm.keyProviders.push({
        name: 'planted',
        providerId: 'rsa-generated',
        priority: 900,
        enabled: true,
        active: true,
        algorithm: 'RS256',
        keySize: 2048,
      });
    });
    expect(driftBetween(withoutAes, live(planted)).map((change) => change.path.join('.'))).toEqual([
      'keyProviders.planted',
    ]);
  });

  it('ignores what only the server sets: built-in clients, unclassified attributes, post-logout "+" on creation', () => {
    const server = changed(shopRealm(), (realm) => {
      realm.clients.push(shopClient('admin-cli', { publicClient: true, directAccessGrantsEnabled: true }));
      client(realm, 'web').attributes['backchannel.logout.session.required'] = 'true';
      client(realm, 'spa').attributes['post.logout.redirect.uris'] = '+';
    });
    const declaredWithoutPostLogout = loaded(
      changed(shopRealm(), (realm) => {
        delete client(realm, 'spa').attributes['post.logout.redirect.uris'];
      }),
    );
    expect(driftBetween(declaredWithoutPostLogout, live(server))).toEqual([]);
  });

  it('does report a built-in client the baseline declares, an extra client of ours, and a classified attribute', () => {
    const withAdminCli = loaded(
      changed(shopRealm(), (realm) => {
        realm.clients.push(shopClient('admin-cli', { publicClient: true }));
      }),
    );
    const server = changed(withAdminCli.settings, (realm) => {
      client(realm, 'admin-cli').directAccessGrantsEnabled = true;
      realm.clients.push(shopClient('rogue', { implicitFlowEnabled: true }));
      client(realm, 'web').attributes['client_credentials.use_refresh_token'] = 'true';
    });
    const drift = driftBetween(withAdminCli, live(server));
    expect(drift.map((change) => `${change.entity.id} ${change.setting} ${change.effect}`)).toEqual([
      'admin-cli directAccessGrantsEnabled weakens',
      'rogue (client) weakens',
      'web attributes.client_credentials.use_refresh_token weakens',
    ]);
  });
});

describe('withoutBuiltInClients', () => {
  it('drops the built-ins the baseline does not declare and names them', () => {
    const server = live(
      changed(shopRealm(), (realm) => {
        realm.clients.push(shopClient('account'), shopClient('admin-cli'));
      }),
    );
    const declared = loaded(
      changed(shopRealm(), (realm) => {
        realm.clients.push(shopClient('admin-cli'));
      }),
    );
    const { realm, skipped } = withoutBuiltInClients(server, declared);
    expect(skipped).toEqual(['account']);
    expect(realm.settings.clients.map((entry) => entry.clientId)).toEqual(['web', 'spa', 'admin-cli']);
    expect(withoutBuiltInClients(server).skipped).toEqual(['account', 'admin-cli']);
  });
});

describe('drift renderers', () => {
  const declared = declaredWithPositions(shopRealm());
  const drift = driftBetween(
    declared,
    live(
      changed(shopRealm(), (realm) => {
        realm.accessTokenLifespan = 1800;
        realm.ssoSessionIdleTimeout = 900;
      }),
    ),
  );

  it('text and markdown say how many settings drifted and which way', () => {
    expect(driftText(drift, 'baselines/shop.yaml')).toContain(
      'Drift from baselines/shop.yaml (declared → live): 2 settings drifted from the baseline (1 weaker than declared, 1 stronger than declared)',
    );
    expect(driftText([], 'b.yaml')).toContain('no drift: the live realm matches the baseline');
    const markdown = driftMarkdown(drift, 'baselines/shop.yaml');
    expect(markdown).toContain(
      '| ⚠️ weakens | shop | realm settings | `accessTokenLifespan` | `300 (5m)` → `1800 (30m)` |',
    );
    expect(markdown).toContain('| Effect | Realm | Entity | Setting | Declared → Live | Why |');
  });

  it('json adds a drift key beside the findings document', () => {
    const document = auditReport(
      JSON.stringify(withDriftJson({ tool: 'realmguard', findings: [] }, drift, 'baselines/shop.yaml')),
    );
    expect(document.findings).toEqual([]);
    expect(document.drift.baseline).toBe('baselines/shop.yaml');
    expect(document.drift.changes[0]).toMatchObject({
      effect: 'weakens',
      setting: 'accessTokenLifespan',
      before: 300,
      after: 1800,
      location: { line: 4 },
    });
  });

  it('sarif adds the baseline-drift rule and a result per setting at the baseline line', () => {
    const empty = JSON.stringify({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'realmguard', rules: [{ id: 'x' }] } }, results: [] }],
    });
    const log = withDriftSarif(sarifLog(empty), drift, '/repo/baselines/shop.yaml', '/repo');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules![1]!.id).toBe(DRIFT_RULE_ID);
    expect(run.results).toHaveLength(2);
    const weaker = run.results!.find((result) => result.level === 'warning')!;
    expect(weaker.ruleIndex).toBe(1);
    expect(weaker.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'baselines/shop.yaml' },
      region: { startLine: 4, startColumn: 3 },
    });
    expect(weaker.message.text).toContain('declared 300 (5m), live 1800 (30m)');
    // ssoSessionIdleTimeout has no line of its own (the profile fills it): line 1 of the baseline.
    expect(run.results!.find((result) => result.level === 'note')!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'baselines/shop.yaml' },
      region: { startLine: 1, startColumn: 1 },
    });
  });
});
