import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANY_CLIENT_CONDITION,
  clientPolicyArgsFromSettings,
  clientPolicySettingsFromInputs,
} from '../../../model/provider-dialect.ts';
import { KEYCLOAK_GLOBAL_CLIENT_PROFILES } from '../../../model/keycloak-catalog.ts';
import type { ClientPolicySettings } from '../../../model/realm-settings.ts';

const clientPolicy: fc.Arbitrary<ClientPolicySettings> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 30 }),
  enabled: fc.boolean(),
  profiles: fc.uniqueArray(fc.constantFrom(...KEYCLOAK_GLOBAL_CLIENT_PROFILES), { minLength: 1 }),
});

describe('client policy dialect', () => {
  it('maps a policy to the resource arguments, selecting every client with any-client', () => {
    expect(
      clientPolicyArgsFromSettings({ name: 'fapi-2-dpop', enabled: true, profiles: ['fapi-2-dpop-security-profile'] }),
    ).toEqual({
      name: 'fapi-2-dpop',
      enabled: true,
      profiles: ['fapi-2-dpop-security-profile'],
      conditions: [{ name: 'any-client' }],
    });
    expect(ANY_CLIENT_CONDITION).toBe('any-client');
  });

  it('sends enabled: false for a disabled policy (the provider would otherwise default it to true)', () => {
    expect(
      clientPolicyArgsFromSettings({ name: 'off', enabled: false, profiles: ['fapi-2-security-profile'] }).enabled,
    ).toBe(false);
  });

  it('does not share the profile list with the settings', () => {
    const settings: ClientPolicySettings = { name: 'p', enabled: true, profiles: ['fapi-2-security-profile'] };
    const args = clientPolicyArgsFromSettings(settings);
    args.profiles.push('saml-security-profile');
    expect(settings.profiles).toEqual(['fapi-2-security-profile']);
  });

  it('round-trips every policy: settings → arguments → settings', () => {
    fc.assert(
      fc.property(clientPolicy, (policy) => {
        const args = clientPolicyArgsFromSettings(policy);
        expect(clientPolicySettingsFromInputs({ ...args, realmId: 'r' })).toEqual(policy);
      }),
    );
  });

  it("reads an omitted enabled as the provider's default, true", () => {
    expect(
      clientPolicySettingsFromInputs({
        name: 'p',
        profiles: ['fapi-2-security-profile'],
        conditions: [{ name: 'any-client' }],
      }),
    ).toEqual({
      name: 'p',
      enabled: true,
      profiles: ['fapi-2-security-profile'],
    });
  });

  it('reads a policy without conditions as not enabled: Keycloak applies it to no client', () => {
    expect(
      clientPolicySettingsFromInputs({ name: 'p', enabled: true, profiles: ['fapi-2-security-profile'] }).enabled,
    ).toBe(false);
    expect(
      clientPolicySettingsFromInputs({
        name: 'p',
        enabled: true,
        profiles: ['fapi-2-security-profile'],
        conditions: [],
      }).enabled,
    ).toBe(false);
  });

  it('keeps the flag of a policy with narrower conditions (the model cannot say which clients)', () => {
    const props = {
      name: 'p',
      enabled: true,
      profiles: ['fapi-2-security-profile'],
      conditions: [{ name: 'client-type', configuration: { protocol: 'openid-connect' } }],
    };
    expect(clientPolicySettingsFromInputs(props).enabled).toBe(true);
    expect(clientPolicySettingsFromInputs({ ...props, enabled: false }).enabled).toBe(false);
  });

  it('leaves out what it cannot know instead of guessing', () => {
    const read = clientPolicySettingsFromInputs({
      name: 42,
      profiles: ['ok', 7],
      conditions: [{ name: 'any-client' }],
    });
    expect(read).not.toHaveProperty('name');
    expect(read).not.toHaveProperty('profiles');
    expect(read.enabled).toBe(true);
  });
});
