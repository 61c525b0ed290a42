/** Where each rule runs in the pack follows from what it reads (Rule.reads, wholeRealm), not from a list of ids. */
import { describe, expect, it } from 'vitest';
import { IDENTITY_PROVIDER_MAPPER_TYPES } from '../../../../model/provider-dialect/identity-provider-mappers.ts';
import { AUTHENTICATION_TYPES } from '../../../../policies/pack/assemble-authentication.ts';
import {
  CLIENT_POLICY_TYPE,
  IDENTITY_PROVIDER_TYPES,
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
    const stack = allRules
      .filter((rule) => packTarget(rule).kind === 'stack')
      .map((rule) => rule.id)
      .sort();
    expect(stack).toEqual([
      'active-signing-key',
      'browser-flow-second-factor',
      'client-policy-profile',
      'client-refresh-tokens',
      'idp-first-login-auto-link',
      'idp-mapper-sync',
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
      'user-attribute-exported-editable',
    ]);
    expect(targetOf('idp-mapper-sync')).toEqual({
      kind: 'stack',
      types: [REALM_TYPE, ...IDENTITY_PROVIDER_TYPES, ...IDENTITY_PROVIDER_MAPPER_TYPES],
      wholeRealm: false,
    });
    // A group missing its Bindings or flows would be judged by Keycloak's built-in browser flow: not judged.
    expect(targetOf('idp-first-login-auto-link')).toEqual({
      kind: 'stack',
      types: [REALM_TYPE, ...IDENTITY_PROVIDER_TYPES, ...AUTHENTICATION_TYPES],
      wholeRealm: true,
    });
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

  it('every part a rule reads is built from Pulumi resources: no rule is silent in the pack for want of one', () => {
    for (const rule of allRules) expect(unassembledParts(rule), rule.id).toEqual([]);
  });

  it('only a rule that reads compromised keys offers them in its config', () => {
    const offering = buildPolicies(allRules)
      .filter((policy) => policy.configSchema?.properties.compromisedKeys !== undefined)
      .map((policy) => policy.name);
    expect(offering).toEqual(['compromised-key']);
  });
});
