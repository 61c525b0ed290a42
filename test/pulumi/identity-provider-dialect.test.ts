/**
 * The pack's reading of identity provider inputs, judged by Keycloak: the real provider applies
 * an OIDC and a SAML identity provider that leave the judged arguments out, and the config
 * Keycloak then holds is the config `identityProviderSettingsFromInputs` reads from the same
 * inputs (the provider's defaults: validateSignature false, syncMode LEGACY, wantAuthnRequestsSigned
 * following signatureAlgorithm).
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityProviderSettingsFromInputs } from '../../model/provider-dialect.ts';
import { adminClient, uniqueRealmName } from '../support/keycloak.ts';
import { pulumi } from '../support/pulumi.ts';

const OIDC_INPUTS = {
  alias: 'corp-oidc',
  authorizationUrl: 'https://idp.example.com/authorize',
  tokenUrl: 'https://idp.example.com/token',
  clientId: 'acme',
  clientSecret: 'not-a-real-secret',
  extraConfig: { pkceEnabled: 'true', pkceMethod: 'S256' },
};
const SAML_INPUTS = {
  alias: 'corp-saml',
  entityId: 'https://acme.example.com/realms/acme',
  singleSignOnServiceUrl: 'https://idp.example.com/saml/sso',
  signatureAlgorithm: 'RSA_SHA256',
};

const PROGRAM = `
import * as pulumi from '@pulumi/pulumi';
import * as keycloak from '@pulumi/keycloak';
const realm = new keycloak.Realm('brokering', { realm: new pulumi.Config().require('realm') });
new keycloak.oidc.IdentityProvider('oidc', { realm: realm.id, ...${JSON.stringify(OIDC_INPUTS)} });
new keycloak.saml.IdentityProvider('saml', { realm: realm.id, ...${JSON.stringify(SAML_INPUTS)} });
`;

describe('identity provider inputs as Keycloak holds them', () => {
  it('the config the pack reads from the inputs is the config the provider makes Keycloak hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realmguard-idp-dialect-'));
    writeFileSync(
      join(dir, 'Pulumi.yaml'),
      'name: rg-idp-dialect\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n',
    );
    writeFileSync(join(dir, 'index.ts'), PROGRAM);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'rg-idp-dialect', version: '0.0.0', main: 'index.ts' }),
    );
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    const realm = uniqueRealmName('idp-dialect');
    expect((await pulumi(dir, ['stack', 'init', 'test'])).code).toBe(0);
    expect((await pulumi(dir, ['config', 'set', 'realm', realm])).code).toBe(0);
    try {
      const up = await pulumi(dir, ['up', '--yes', '--skip-preview']);
      expect(up.code, up.stderr + up.stdout).toBe(0);
      const admin = await adminClient();
      for (const [protocol, inputs] of [
        ['oidc', OIDC_INPUTS],
        ['saml', SAML_INPUTS],
      ] as const) {
        const read = await admin.identityProviders.findOne({ realm, alias: inputs.alias });
        const declared = identityProviderSettingsFromInputs(protocol, inputs);
        expect(read, inputs.alias).toMatchObject({
          alias: inputs.alias,
          providerId: declared.providerId,
          enabled: declared.enabled,
          trustEmail: declared.trustEmail,
          linkOnly: declared.linkOnly,
          firstBrokerLoginFlowAlias: declared.firstBrokerLoginFlowAlias,
        });
        const held = read?.config ?? {};
        for (const [key, value] of Object.entries(declared.config ?? {}))
          expect(held[key] ?? '', `${inputs.alias} config ${key}`).toBe(value);
        expect(declared.config, 'no secret is read').not.toHaveProperty('clientSecret');
      }
    } finally {
      const destroy = await pulumi(dir, ['destroy', '--yes', '--skip-preview']);
      expect(destroy.code, destroy.stderr).toBe(0);
    }
  });
});
