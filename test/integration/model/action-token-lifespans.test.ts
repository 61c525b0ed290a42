/**
 * The lifespans of e-mailed action links (reset password, verify e-mail, execute actions) on the
 * real Keycloak: its defaults are the table's, the values a baseline declares survive the admin
 * API, the live reader and the server's own export unchanged, and a realm whose reset links live
 * for days gets the action-token-lifespan finding from what the server holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KcAdminClient from '@keycloak/keycloak-admin-client';
import { loadBaselineText } from '../../../model/baseline/load-baseline.ts';
import { REALM_FIELDS } from '../../../model/fields/realm.ts';
import { readLiveRealm } from '../../../model/live.ts';
import { loadRealmText } from '../../../model/load.ts';
import type { LoadedRealm } from '../../../model/realm-settings.ts';
import { runRules } from '../../../policies/run.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { partialExport, stripSecrets } from '../../fixtures/exports/stock-realm.ts';
import { adminLiveSource } from '../../support/live-source.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';

const FIELDS = ['actionTokenGeneratedByUserLifespan', 'actionTokenGeneratedByAdminLifespan'] as const;

let admin: KcAdminClient;
const realm = uniqueRealmName('action-tokens');

beforeAll(async () => {
  admin = await adminClient();
  await admin.realms.create({ realm, enabled: true }); // nothing else: Keycloak's defaults
});
afterAll(async () => {
  await (admin as KcAdminClient | undefined)?.realms.del({ realm }); // unset when beforeAll failed before it
});

async function exported(): Promise<LoadedRealm> {
  const text = JSON.stringify(stripSecrets(await partialExport(admin, realm)), null, 2);
  const [loaded] = loadRealmText(text, `${realm}.json`) as [LoadedRealm];
  return loaded;
}

describe('action-link lifespans on Keycloak 26', () => {
  it("a new realm holds the table's Keycloak defaults (5 min for user links, 12 h for admin links)", async () => {
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    for (const field of FIELDS)
      expect({ field, value: live.settings[field] }).toEqual({ field, value: REALM_FIELDS[field].keycloakDefault });
    expect([
      live.settings.actionTokenGeneratedByUserLifespan,
      live.settings.actionTokenGeneratedByAdminLifespan,
    ]).toEqual([300, 43_200]);
  });

  it('what a baseline declares round-trips: admin API → live reader and server export, with no drift', async () => {
    const declared = loadBaselineText(
      `realm: ${realm}\ntokens:\n  actionTokenGeneratedByUserLifespan: 10m\n  actionTokenGeneratedByAdminLifespan: 2h\n`,
      'declared.yaml',
    );
    expect([
      declared.settings.actionTokenGeneratedByUserLifespan,
      declared.settings.actionTokenGeneratedByAdminLifespan,
    ]).toEqual([600, 7_200]);

    // Written under the table's representation keys: the admin API's names.
    const update = Object.fromEntries(
      FIELDS.map((field) => [REALM_FIELDS[field].representation.key, declared.settings[field]]),
    );
    await admin.realms.update({ realm }, update);
    const representation = (await admin.realms.findOne({ realm })) as Record<string, unknown>;
    expect(FIELDS.map((field) => representation[field])).toEqual([600, 7_200]);

    const live = await readLiveRealm(adminLiveSource(realm), realm);
    const fromExport = await exported();
    for (const source of [live, fromExport]) {
      expect(
        FIELDS.map((field) => source.settings[field]),
        source.source.kind,
      ).toEqual([600, 7_200]);
      const drift = diffRealm(declared.settings, source.settings).filter((change) =>
        (FIELDS as readonly string[]).includes(String(change.path[0])),
      );
      expect(drift, source.source.kind).toEqual([]);
    }
  });

  it('a reset link that lives 3 days is a finding on what the server holds', async () => {
    await admin.realms.update({ realm }, { actionTokenGeneratedByUserLifespan: 259_200 });
    const live = await readLiveRealm(adminLiveSource(realm), realm);
    const findings = runRules([live]).findings.filter((finding) => finding.ruleId === 'action-token-lifespan');
    expect(findings.map((finding) => finding.path)).toEqual([['actionTokenGeneratedByUserLifespan']]);
    expect(findings[0]!.message).toBe(
      'Reset-password and verify-e-mail links live 259200 s (3 d); at most 3600 s (1 h) is accepted.',
    );
  });
});
