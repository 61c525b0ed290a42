/** Where each rule runs in the pack follows from what it reads (Rule.reads, wholeRealm), not from a list of ids. */
import { describe, expect, it } from 'vitest';
import {
  CLIENT_POLICY_TYPE,
  KEY_PROVIDER_TYPES,
  OPENID_CLIENT_TYPE,
  REALM_EVENTS_TYPE,
  REALM_TYPE,
  SAML_CLIENT_TYPE,
} from '../../../../policies/pack/assemble.ts';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import { packTarget, unassembledParts } from '../../../../policies/pack/targets.ts';
import { allRules } from '../../../../policies/rules/index.ts';

const targetOf = (id: string) => packTarget(allRules.find((rule) => rule.id === id)!);

describe('pack targets', () => {
  it('rules that read several parts, or the realm as a whole, are stack policies', () => {
    // Parts not assembled from Pulumi resources yet: rules reading them are left out here.
    const unassembled = ['authentication', 'userProfile'];
    const stack = allRules
      .filter((rule) => !rule.reads.some((part) => unassembled.includes(part)))
      .filter((rule) => packTarget(rule).kind === 'stack')
      .map((rule) => rule.id)
      .sort();
    expect(stack).toEqual([
      'active-signing-key',
      'client-policy-profile',
      'client-refresh-tokens',
      // Roles, groups, scopes and their mappings refer to each other by id: never one resource alone.
      'impersonation-outside-admins',
      'offline-access-default',
      'offline-access-optional',
      'protocol-mapper-config',
      'sensitive-role-client',
      'sensitive-role-composite',
      'sensitive-role-default',
      'sensitive-role-group',
      'sensitive-role-service-account',
      'sensitive-scope',
    ]);
    expect(targetOf('client-refresh-tokens')).toEqual({
      kind: 'stack',
      types: [REALM_TYPE, OPENID_CLIENT_TYPE, SAML_CLIENT_TYPE],
      wholeRealm: false,
    });
    expect(targetOf('active-signing-key')).toEqual({
      kind: 'stack',
      types: [REALM_TYPE, ...KEY_PROVIDER_TYPES],
      wholeRealm: true,
    });
    expect(targetOf('client-policy-profile')).toEqual({
      kind: 'stack',
      types: [REALM_TYPE, CLIENT_POLICY_TYPE],
      wholeRealm: true,
    });
  });

  it('the others run on the resources of their one part', () => {
    expect(targetOf('login-events')).toEqual({ kind: 'resource', types: [REALM_EVENTS_TYPE] });
    expect(targetOf('admin-events')).toEqual({ kind: 'resource', types: [REALM_EVENTS_TYPE] });
    expect(targetOf('ssl-required')).toEqual({ kind: 'resource', types: [REALM_TYPE] });
    expect(targetOf('pkce-required')).toEqual({ kind: 'resource', types: [OPENID_CLIENT_TYPE, SAML_CLIENT_TYPE] });
    // Compromised keys come from the policy config, not from a resource.
    expect(targetOf('compromised-key')).toEqual({ kind: 'resource', types: KEY_PROVIDER_TYPES });
  });

  it('a rule reading a part no resource declares is named silent in the pack; identity providers are declared', () => {
    const rule = (id: string) => allRules.find((candidate) => candidate.id === id)!;
    expect(unassembledParts(rule('idp-first-login-auto-link'))).toEqual(['authentication']);
    expect(unassembledParts(rule('idp-signature-validation'))).toEqual([]);
    expect(unassembledParts(rule('sensitive-role-group'))).toEqual([]);
    expect(unassembledParts(rule('user-attribute-exported-editable'))).toEqual(['userProfile']);
    expect(unassembledParts(rule('compromised-key'))).toEqual([]);
  });

  it('only a rule that reads compromised keys offers them in its config', () => {
    const offering = buildPolicies(allRules)
      .filter((policy) => policy.configSchema?.properties.compromisedKeys !== undefined)
      .map((policy) => policy.name);
    expect(offering).toEqual(['compromised-key']);
  });
});
