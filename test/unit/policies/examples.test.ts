/**
 * The example files through the real loaders and the whole catalogue: the weak baseline and
 * the stock Keycloak export (exported from a real Keycloak 26) give exactly the findings listed
 * here; the hardened examples give none at medium or above.
 */
import { describe, expect, it } from 'vitest';
import { loadRealmFile } from '../../../model/load.ts';
import type { Finding } from '../../../policies/finding.ts';
import { severityRank } from '../../../policies/finding.ts';
import { runRules } from '../../../policies/run.ts';
import { NOW } from '../../support/fixtures.ts';
import { STOCK_REALM_FINDINGS } from './stock-realm-findings.ts';

const byId = (findings: readonly Finding[]) =>
  findings.map((finding) => `${finding.ruleId}${finding.entity ? ` @${finding.entity.id}` : ''}`).sort();

async function check(file: string, profile?: 'baseline' | 'strict') {
  return runRules(await loadRealmFile(file), { now: NOW, ...(profile && { profile }) });
}

describe('baselines/weak-legacy.yaml', () => {
  it('gives the listed findings, each located in the file', async () => {
    const { findings } = await check('baselines/weak-legacy.yaml');
    expect(byId(findings)).toEqual([
      'access-code-lifespan',
      'access-token-lifespan',
      'active-signing-key',
      'admin-events',
      'brute-force-protection',
      'client-authentication @partner-sso',
      'client-refresh-tokens @legacy-portal',
      'client-session-lifespan @partner-sso',
      'client-token-lifespan @legacy-portal',
      'compromised-key @rsa-2024-leaked',
      'encryption-algorithm @rsa-enc-legacy',
      'full-scope-allowed @legacy-portal',
      'full-scope-allowed @partner-sso',
      'hmac-secret-size @hmac-legacy',
      'implicit-flow @legacy-portal',
      'login-events',
      'offline-access-default @legacy-portal',
      'offline-access-optional @legacy-portal',
      'offline-access-optional @partner-sso',
      'offline-session-idle',
      'offline-session-max',
      'passive-key-retention @rsa-2024-leaked',
      'password-grant @legacy-portal',
      'password-grant @partner-sso',
      'password-policy',
      'pkce-plain @partner-sso',
      'pkce-required @legacy-portal',
      'redirect-uri-scheme @partner-sso',
      'redirect-uri-wildcard @legacy-portal',
      'redirect-uri-wildcard @partner-sso',
      'redirect-uri-wildcard @partner-sso',
      'refresh-token-rotation',
      'remember-me-session',
      'remember-me-session',
      'rsa-key-size @rsa-enc-legacy',
      'rsa-key-size @rsa-legacy',
      'security-headers',
      'security-headers',
      'sender-constrained-tokens @legacy-portal',
      'service-account-mixed @partner-sso',
      'signature-algorithm',
      'ssl-required',
      'sso-session-idle',
      'sso-session-max',
      'watch-events',
      'web-origins-wildcard @legacy-portal',
    ]);
    for (const finding of findings) {
      expect(finding.location?.file, `${finding.ruleId} ${finding.path.join('.')}`).toBe('baselines/weak-legacy.yaml');
      expect(finding.location?.line).toBeGreaterThan(1);
    }
  });

  it('is worse under strict', async () => {
    const baseline = await check('baselines/weak-legacy.yaml');
    const strict = await check('baselines/weak-legacy.yaml', 'strict');
    expect(strict.findings.length).toBeGreaterThan(baseline.findings.length);
    expect(byId(strict.findings)).toEqual(
      expect.arrayContaining(['par-required @partner-sso', 'client-policy-profile']),
    );
  });
});

describe('the stock Keycloak 26 realm export', () => {
  it('gives the listed findings: Keycloak’s defaults are not hardened', async () => {
    const { findings } = await check('test/fixtures/exports/stock-realm.json');
    expect(byId(findings)).toEqual(STOCK_REALM_FINDINGS);
  });
});

describe('the hardened examples', () => {
  it.each([
    ['baselines/hardened.yaml', undefined],
    ['baselines/strict-fapi.yaml', undefined],
    ['baselines/strict-fapi.yaml', 'strict' as const],
  ])('%s (profile %s) has nothing at medium or above', async (file, profile) => {
    const { findings } = await check(file, profile);
    expect(findings.filter((finding) => severityRank(finding.severity) >= severityRank('medium'))).toEqual([]);
  });
});
