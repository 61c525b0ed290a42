/**
 * The rules against what a real Keycloak 26 holds: a realm created with defaults only, exported
 * by the server, gives the same findings as the committed fixture; after hardening the realm
 * through the admin API and exporting again, the realm-level findings it fixed are gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { loadRealmText } from '../../../model/load.ts';
import type { Finding } from '../../../policies/finding.ts';
import { runRules } from '../../../policies/run.ts';
import { createStockRealm, partialExport, stripSecrets } from '../../fixtures/exports/stock-realm.ts';
import { adminClient, uniqueRealmName } from '../../support/keycloak.ts';
import { STOCK_REALM_FINDINGS } from '../../unit/policies/stock-realm-findings.ts';

const byId = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.ruleId}${finding.entity ? ` @${finding.entity.id}` : ''}`).sort();

let admin: KeycloakAdminClient;
const realm = uniqueRealmName('rg-stock');

async function findingsNow(): Promise<Finding[]> {
  const exported = stripSecrets(await partialExport(admin, realm));
  const [loaded] = loadRealmText(JSON.stringify(exported, null, 2), `${realm}.json`);
  return runRules([loaded!]).findings;
}

beforeAll(async () => {
  admin = await adminClient();
  await createStockRealm(admin, realm);
});

afterAll(async () => {
  await (admin as KeycloakAdminClient | undefined)?.realms.del({ realm }).catch(() => undefined); // unset when beforeAll failed before it
});

describe('a stock realm on the real Keycloak', () => {
  it('gives the findings the committed export gives', async () => {
    expect(byId(await findingsNow())).toEqual(STOCK_REALM_FINDINGS);
  });

  it('loses the realm-level findings the admin fixes', async () => {
    await admin.realms.update(
      { realm },
      {
        revokeRefreshToken: true,
        bruteForceProtected: true,
        eventsEnabled: true,
        adminEventsEnabled: true,
        adminEventsDetailsEnabled: true,
        offlineSessionMaxLifespanEnabled: true,
        passwordPolicy: 'length(12) and notUsername',
      },
    );
    const findings = await findingsNow();
    const after = byId(findings);
    for (const fixed of [
      'refresh-token-rotation',
      'brute-force-protection',
      'admin-events',
      'offline-session-max',
      'password-policy',
    ]) {
      expect(after).not.toContain(fixed);
    }
    // Turning events on records Keycloak's default event types, which leave out REFRESH_TOKEN:
    // refresh-token use (the trace of a stolen refresh token) still goes unrecorded.
    expect(
      findings
        .filter((finding) => finding.ruleId === 'login-events')
        .map(({ messageId, message }) => ({ messageId, message })),
    ).toEqual([{ messageId: 'missingTypes', message: 'Event types not recorded: REFRESH_TOKEN.' }]);
    // With rotation on, public clients' refresh tokens are protected; the client findings stay.
    expect(after.filter((id) => id.startsWith('client-refresh-tokens'))).toEqual([]);
    expect(after).toContain('password-grant @admin-cli');
    expect(after).toContain('pkce-required @minimal-public');
  });
});
