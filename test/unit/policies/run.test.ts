import { describe, expect, it } from 'vitest';
import { runRules } from '../../../policies/run.ts';
import { fingerprintOf, severityRank } from '../../../policies/finding.ts';
import { pathKey } from '../../../model/realm-settings.ts';
import { hardenedRealm, loaded, NOW } from '../../support/fixtures.ts';

function weak() {
  const settings = hardenedRealm();
  settings.sslRequired = 'external';
  settings.accessTokenLifespan = 600;
  settings.clients.find((client) => client.clientId === 'portal')!.directAccessGrantsEnabled = true;
  return settings;
}

describe('runRules', () => {
  it('finds nothing in the hardened realm under either profile', () => {
    expect(runRules([loaded(hardenedRealm())], { now: NOW }).findings).toEqual([]);
    expect(runRules([loaded(hardenedRealm())], { now: NOW, profile: 'strict' }).findings).toEqual([]);
  });

  it('uses the explicit profile, else the realm’s own, else baseline', () => {
    const ids = (profile?: 'baseline' | 'strict', own?: 'baseline' | 'strict') =>
      runRules([loaded(weak(), { ...(own && { profile: own }) })], { now: NOW, ...(profile && { profile }) })
        .findings.map((finding) => finding.ruleId)
        .sort();
    expect(ids()).toEqual(['password-grant']);
    expect(ids(undefined, 'strict')).toEqual(['access-token-lifespan', 'password-grant', 'ssl-required']);
    expect(ids('baseline', 'strict')).toEqual(['password-grant']);
    expect(runRules([loaded(weak(), { profile: 'strict' })], { now: NOW }).realms).toEqual([
      { realm: 'hardened', profile: 'strict', origin: 'hardened.yaml' },
    ]);
  });

  it('names realm, entity, path, position and a stable fingerprint', () => {
    const realm = loaded(weak());
    realm.source.positions.set(pathKey(['clients', 'portal']), { file: 'acme.yaml', line: 40, column: 5 });
    const [finding] = runRules([realm], { now: NOW }).findings;
    expect(finding).toEqual({
      ruleId: 'password-grant',
      severity: 'medium',
      realm: 'hardened',
      entity: { kind: 'client', id: 'portal' },
      path: ['clients', 'portal', 'directAccessGrantsEnabled'],
      messageId: 'enabled',
      message: 'Direct access grants (password grant) are enabled on a confidential client.',
      location: { file: 'acme.yaml', line: 40, column: 5 },
      fingerprint: fingerprintOf('hardened', { kind: 'client', id: 'portal' }, 'password-grant', [
        'clients',
        'portal',
        'directAccessGrantsEnabled',
      ]),
    });
    // Unrelated edits do not move it; another client does.
    const other = weak();
    other.accessCodeLifespan = 120;
    expect(
      runRules([loaded(other)], { now: NOW }).findings.find((entry) => entry.ruleId === 'password-grant')!.fingerprint,
    ).toBe(finding!.fingerprint);
    expect(
      fingerprintOf('hardened', { kind: 'client', id: 'web-app' }, 'password-grant', [
        'clients',
        'web-app',
        'directAccessGrantsEnabled',
      ]),
    ).not.toBe(finding!.fingerprint);
  });

  it('sorts most severe first', () => {
    const settings = weak();
    settings.sslRequired = 'none';
    const ranks = runRules([loaded(settings)], { now: NOW }).findings.map((finding) => severityRank(finding.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('applies config: disabled rules do not run, parameters override the profile', () => {
    const config = {
      rules: {
        'password-grant': { enforcementLevel: 'disabled' as const, params: {} },
        'access-token-lifespan': { params: { max: 300 } },
      },
      suppressions: [],
    };
    expect(runRules([loaded(weak())], { now: NOW, config }).findings.map((finding) => finding.ruleId)).toEqual([
      'access-token-lifespan',
    ]);
    const allDisabled = {
      all: 'disabled' as const,
      rules: { 'ssl-required': { enforcementLevel: 'advisory' as const, params: {} } },
      suppressions: [],
    };
    const none = hardenedRealm();
    none.sslRequired = 'none';
    none.revokeRefreshToken = false;
    expect(
      runRules([loaded(none)], { now: NOW, config: allDisabled }).findings.map((finding) => finding.ruleId),
    ).toEqual(['ssl-required']);
  });

  it('suppresses by rule, entity and realm, with the reason; an expired suppression stops suppressing and is reported', () => {
    const suppressions = [
      { rule: 'password-grant', entity: 'portal', reason: 'legacy integration', expires: '2026-11-30' },
      { rule: 'password-grant', entity: 'portal', realm: 'other-realm', reason: 'wrong realm' },
    ];
    const active = runRules([loaded(weak())], { now: NOW, config: { rules: {}, suppressions } });
    expect(active.findings).toEqual([]);
    expect(active.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'password-grant', reason: 'legacy integration', expires: '2026-11-30' }),
    ]);
    expect(active.expiredSuppressions).toEqual([]);

    const later = runRules([loaded(weak())], {
      now: new Date('2026-12-01T00:00:00Z'),
      config: { rules: {}, suppressions },
    });
    expect(later.findings.map((finding) => finding.ruleId)).toEqual(['password-grant']);
    expect(later.suppressed).toEqual([]);
    expect(later.expiredSuppressions).toEqual([{ suppression: suppressions[0], findings: [later.findings[0]] }]);

    const otherEntity = runRules([loaded(weak())], {
      now: NOW,
      config: { rules: {}, suppressions: [{ rule: 'password-grant', entity: 'web-app', reason: 'x' }] },
    });
    expect(otherEntity.findings.map((finding) => finding.ruleId)).toEqual(['password-grant']);
  });

  it('runs every realm of every file', () => {
    const second = weak();
    second.realm = 'second';
    const result = runRules([loaded(weak()), loaded(second)], { now: NOW });
    expect(result.findings.map((finding) => finding.realm).sort()).toEqual(['hardened', 'second']);
  });
});
