import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalPasswordPolicy,
  REALM_DURATION_FIELDS,
  eventSettingsFromInputs,
  realmArgsFromSettings,
  realmEventsArgsFromSettings,
  settingsFromRealmInputs,
} from '../../../model/provider-dialect.ts';
import { realmProfileValues } from '../../../model/profiles.ts';
import type { RealmSettings } from '../../../model/realm-settings.ts';
import { realmSettings } from './arbitraries.ts';

function hardened(): RealmSettings {
  return {
    ...realmProfileValues('baseline'),
    realm: 'shop',
    keyProviders: [],
    compromisedKeys: [],
    clients: [],
    clientPolicies: [],
    clientProfiles: [],
  };
}

describe('realmArgsFromSettings', () => {
  it('writes realm durations as Go durations and keeps the other fields under the provider names', () => {
    const args = realmArgsFromSettings(hardened());
    expect(args).toMatchObject({
      realm: 'shop',
      enabled: true,
      sslRequired: 'external',
      accessTokenLifespan: '5m0s',
      accessTokenLifespanForImplicitFlow: '15m0s',
      accessCodeLifespan: '1m0s',
      ssoSessionIdleTimeout: '30m0s',
      ssoSessionMaxLifespan: '10h0m0s',
      ssoSessionIdleTimeoutRememberMe: '0s',
      offlineSessionIdleTimeout: '720h0m0s',
      offlineSessionMaxLifespan: '1440h0m0s',
      offlineSessionMaxLifespanEnabled: true,
      revokeRefreshToken: true,
      refreshTokenMaxReuse: 0,
      defaultSignatureAlgorithm: 'RS256',
    });
  });

  it('turns brute-force protection into the presence of the bruteForceDetection block, with Keycloak names renamed', () => {
    const on = realmArgsFromSettings({ ...hardened(), failureFactor: 7, maxDeltaTimeSeconds: 600 });
    expect(on.securityDefenses.bruteForceDetection).toEqual({
      permanentLockout: false,
      maxLoginFailures: 7,
      waitIncrementSeconds: 60,
      quickLoginCheckMilliSeconds: 1_000,
      minimumQuickLoginWaitSeconds: 60,
      maxFailureWaitSeconds: 900,
      failureResetTimeSeconds: 600,
    });
    const off = realmArgsFromSettings({ ...hardened(), bruteForceProtected: false });
    expect(off.securityDefenses).not.toHaveProperty('bruteForceDetection');
  });

  it('renames xXSSProtection to the provider spelling, drops headers the provider cannot set, sends the rest empty', () => {
    const args = realmArgsFromSettings({
      ...hardened(),
      browserSecurityHeaders: { xFrameOptions: 'DENY', xXSSProtection: '0', somethingNew: 'x' },
    });
    expect(args.securityDefenses.headers).toEqual({
      xFrameOptions: 'DENY',
      xXssProtection: '0',
      contentSecurityPolicy: '',
      contentSecurityPolicyReportOnly: '',
      referrerPolicy: '',
      strictTransportSecurity: '',
      xContentTypeOptions: '',
      xRobotsTag: '',
    });
  });

  it("sends an empty X-XSS-Protection for Keycloak 26's headers (the provider's default would add one)", () => {
    expect(realmArgsFromSettings(hardened()).securityDefenses.headers.xXssProtection).toBe('');
  });

  it('leaves an empty password policy out (the provider sends none then)', () => {
    expect(realmArgsFromSettings({ ...hardened(), passwordPolicy: '' })).not.toHaveProperty('passwordPolicy');
    expect(realmArgsFromSettings(hardened()).passwordPolicy).toBe(
      'length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(3)',
    );
  });

  it.each([
    ['length(12) and notUsername() and notEmail()', 'length(12) and notUsername and notEmail'],
    ['length(12)  and   hashAlgorithm(pbkdf2-sha512)', 'length(12) and hashAlgorithm(pbkdf2-sha512)'],
    ['notUsername', 'notUsername'],
    ['regexPattern(^(?!.*x).*$) and length(8)', 'regexPattern(^(?!.*x).*$) and length(8)'],
  ])('writes the password policy %j the way Keycloak stores it: %j', (policy, stored) => {
    expect(canonicalPasswordPolicy(policy)).toBe(stored);
  });
});

describe('settingsFromRealmInputs', () => {
  it('reads Go durations back into seconds', () => {
    expect(
      settingsFromRealmInputs({
        accessTokenLifespan: '1h',
        ssoSessionIdleTimeout: '30m0s',
        offlineSessionMaxLifespan: '1440h',
      }),
    ).toMatchObject({
      accessTokenLifespan: 3_600,
      ssoSessionIdleTimeout: 1_800,
      offlineSessionMaxLifespan: 5_184_000,
    });
  });

  it('leaves out what it cannot know: omitted, unknown or malformed durations', () => {
    const settings = settingsFromRealmInputs({
      accessTokenLifespan: 'soon',
      ssoSessionIdleTimeout: 42,
      realm: undefined,
    });
    for (const field of REALM_DURATION_FIELDS) expect(settings[field], field).toBeUndefined();
    expect(settings.realm).toBeUndefined();
    expect(settings.passwordPolicy).toBeUndefined();
    expect(settings.rememberMe).toBeUndefined();
  });

  it('reports what the provider sends for omitted fields with a fixed default', () => {
    expect(settingsFromRealmInputs({ realm: 'r' })).toMatchObject({
      enabled: true,
      sslRequired: 'external',
      revokeRefreshToken: false,
      refreshTokenMaxReuse: 0,
      offlineSessionMaxLifespanEnabled: false,
      bruteForceProtected: false,
    });
  });

  it('fills brute-force fields the block leaves out with the provider defaults', () => {
    const settings = settingsFromRealmInputs({ securityDefenses: { bruteForceDetection: { maxLoginFailures: 5 } } });
    expect(settings).toMatchObject({
      bruteForceProtected: true,
      failureFactor: 5,
      maxDeltaTimeSeconds: 43_200,
      permanentLockout: false,
    });
  });

  it('fills headers a present block leaves out with the provider defaults', () => {
    const settings = settingsFromRealmInputs({ securityDefenses: { headers: { xFrameOptions: 'DENY' } } });
    expect(settings.browserSecurityHeaders).toMatchObject({
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      xXSSProtection: '1; mode=block',
    });
  });

  it('round-trips: settings → provider arguments → settings', () => {
    fc.assert(
      fc.property(realmSettings, (settings) => {
        const back = settingsFromRealmInputs(realmArgsFromSettings(settings) as unknown as Record<string, unknown>);
        const expected: Partial<RealmSettings> = {
          realm: settings.realm,
          enabled: settings.enabled,
          sslRequired: settings.sslRequired,
          revokeRefreshToken: settings.revokeRefreshToken,
          refreshTokenMaxReuse: settings.refreshTokenMaxReuse,
          rememberMe: settings.rememberMe,
          offlineSessionMaxLifespanEnabled: settings.offlineSessionMaxLifespanEnabled,
          defaultSignatureAlgorithm: settings.defaultSignatureAlgorithm,
          browserSecurityHeaders: settings.browserSecurityHeaders,
          bruteForceProtected: settings.bruteForceProtected,
          registrationAllowed: settings.registrationAllowed,
          verifyEmail: settings.verifyEmail,
          otpPolicyType: settings.otpPolicyType,
          otpPolicyAlgorithm: settings.otpPolicyAlgorithm,
          otpPolicyDigits: settings.otpPolicyDigits,
          otpPolicyPeriod: settings.otpPolicyPeriod,
          otpPolicyLookAheadWindow: settings.otpPolicyLookAheadWindow,
          otpPolicyCodeReusable: settings.otpPolicyCodeReusable,
          ...(settings.passwordPolicy === ''
            ? {}
            : { passwordPolicy: canonicalPasswordPolicy(settings.passwordPolicy) }),
          ...Object.fromEntries(REALM_DURATION_FIELDS.map((field) => [field, settings[field]])),
          ...(settings.bruteForceProtected
            ? {
                permanentLockout: settings.permanentLockout,
                failureFactor: settings.failureFactor,
                waitIncrementSeconds: settings.waitIncrementSeconds,
                quickLoginCheckMilliSeconds: settings.quickLoginCheckMilliSeconds,
                minimumQuickLoginWaitSeconds: settings.minimumQuickLoginWaitSeconds,
                maxFailureWaitSeconds: settings.maxFailureWaitSeconds,
                maxDeltaTimeSeconds: settings.maxDeltaTimeSeconds,
              }
            : {}),
        };
        expect(back).toEqual(expected);
      }),
    );
  });
});

describe('realm events', () => {
  it('keeps the listener list as given, jboss-logging included', () => {
    expect(realmEventsArgsFromSettings(hardened()).eventsListeners).toEqual(['jboss-logging']);
  });

  it('round-trips: settings → provider arguments → settings', () => {
    fc.assert(
      fc.property(realmSettings, (settings) => {
        const back = eventSettingsFromInputs(realmEventsArgsFromSettings(settings));
        expect(back).toEqual({
          eventsEnabled: settings.eventsEnabled,
          eventsExpiration: settings.eventsExpiration,
          enabledEventTypes: settings.enabledEventTypes,
          eventsListeners: settings.eventsListeners,
          adminEventsEnabled: settings.adminEventsEnabled,
          adminEventsDetailsEnabled: settings.adminEventsDetailsEnabled,
        });
      }),
    );
  });

  it('reports the provider defaults for an empty RealmEvents (listeners removed, events off)', () => {
    expect(eventSettingsFromInputs({ realmId: 'r' })).toEqual({
      eventsEnabled: false,
      eventsExpiration: 0,
      enabledEventTypes: [],
      eventsListeners: [],
      adminEventsEnabled: false,
      adminEventsDetailsEnabled: false,
    });
  });
});
