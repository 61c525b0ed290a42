/** The provider's dialect for roles and client scopes, inputs → model (what the policy pack reads). */
import { describe, expect, it } from 'vitest';
import { defaultRolesFromInputs, groupPathFromInputs } from '../../../model/provider-dialect/access.ts';
import {
  clientScopeFromInputs,
  hardcodedRoleConfig,
  protocolMapperFromInputs,
} from '../../../model/provider-dialect/client-scopes.ts';

describe('roles in the provider dialect', () => {
  it('reads DefaultRoles entries as the provider splits them: clientId/role for a client role', () => {
    expect(defaultRolesFromInputs({ defaultRoles: ['offline_access', 'realm-management/manage-users'] })).toEqual([
      { name: 'offline_access' },
      { client: 'realm-management', name: 'manage-users' },
    ]);
    expect(defaultRolesFromInputs({ defaultRoles: 'unknown' })).toBeUndefined();
  });

  it('builds a group path from the parent path', () => {
    expect(groupPathFromInputs({ name: 'leads' }, '/finance')).toBe('/finance/leads');
    expect(groupPathFromInputs({ name: 'ops' })).toBe('/ops');
    expect(groupPathFromInputs({})).toBeUndefined();
  });
});

describe('client scopes and mappers in the provider dialect', () => {
  it('gives a scope the attributes the provider sends: consent shown only with a consent text', () => {
    expect(clientScopeFromInputs({ name: 'payroll' })?.attributes).toEqual({
      'display.on.consent.screen': 'false',
      'include.in.token.scope': 'true',
      'include.in.openid.provider.metadata': 'true',
    });
    expect(
      clientScopeFromInputs({ name: 'payroll', consentScreenText: 'Payroll', guiOrder: 3 })?.attributes,
    ).toMatchObject({
      'display.on.consent.screen': 'true',
      'consent.screen.text': 'Payroll',
      'gui.order': '3',
    });
  });

  it('takes a generic mapper as it is, and a typed one with the provider’s defaults for what it leaves out', () => {
    expect(
      protocolMapperFromInputs('keycloak:index/genericProtocolMapper:GenericProtocolMapper', {
        name: 'tenant',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-hardcoded-claim-mapper',
        config: { 'claim.name': 'tenant', 'claim.value': 'acme' },
      }),
    ).toEqual({
      name: 'tenant',
      protocol: 'openid-connect',
      type: 'oidc-hardcoded-claim-mapper',
      config: { 'claim.name': 'tenant', 'claim.value': 'acme' },
    });
    expect(
      protocolMapperFromInputs('keycloak:openid/audienceProtocolMapper:AudienceProtocolMapper', {
        name: 'aud',
        includedClientAudience: 'api',
        addToIdToken: false,
      })?.config,
    ).toEqual({
      'id.token.claim': 'false',
      'access.token.claim': 'true',
      'introspection.token.claim': 'true',
      'included.client.audience': 'api',
      'included.custom.audience': '',
    });
  });

  it('gives a hard-coded role mapper only once its role is known, named as Keycloak stores it', () => {
    const type = 'keycloak:openid/hardcodedRoleProtocolMapper:HardcodedRoleProtocolMapper';
    expect(protocolMapperFromInputs(type, { name: 'admin' })).toBeUndefined();
    expect(
      protocolMapperFromInputs(type, { name: 'admin' }, hardcodedRoleConfig({ client: 'billing', name: 'admin' })),
    ).toMatchObject({ type: 'oidc-hardcoded-role-mapper', config: { role: 'billing.admin' } });
    expect(hardcodedRoleConfig({ name: 'reporting' })).toBe('reporting');
  });
});
