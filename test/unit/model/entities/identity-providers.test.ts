import { describe, expect, it } from 'vitest';
import { lineOf, loadExport } from './load-export.ts';

describe('export → identity providers', () => {
  it('reads each IdP with its config as strings and its mappers, matched by alias', () => {
    const loaded = loadExport({
      identityProviders: [
        {
          alias: 'corporate',
          providerId: 'oidc',
          trustEmail: true,
          firstBrokerLoginFlowAlias: 'link by email',
          config: { validateSignature: 'false', pkceEnabled: true, syncMode: 'IMPORT', clientSecret: 'a-real-secret' },
        },
        { alias: 'partner', providerId: 'saml', enabled: false, linkOnly: true },
      ],
      identityProviderMappers: [
        {
          name: 'dept',
          identityProviderAlias: 'corporate',
          identityProviderMapper: 'oidc-user-attribute-idp-mapper',
          config: { syncMode: 'INHERIT' },
        },
        { name: 'orphan', identityProviderAlias: 'gone', identityProviderMapper: 'hardcoded-role-idp-mapper' },
        { name: 'admins', identityProviderAlias: 'partner', identityProviderMapper: 'saml-role-idp-mapper' },
      ],
    });
    expect(loaded.settings.identityProviders).toEqual([
      {
        alias: 'corporate',
        providerId: 'oidc',
        enabled: true,
        trustEmail: true,
        linkOnly: false,
        firstBrokerLoginFlowAlias: 'link by email',
        // a YAML/JSON boolean reads as Keycloak stores it: text; the client secret stays out
        config: { validateSignature: 'false', pkceEnabled: 'true', syncMode: 'IMPORT' },
        mappers: [{ name: 'dept', type: 'oidc-user-attribute-idp-mapper', config: { syncMode: 'INHERIT' } }],
      },
      {
        alias: 'partner',
        providerId: 'saml',
        enabled: false,
        trustEmail: false,
        linkOnly: true,
        config: {},
        mappers: [{ name: 'admins', type: 'saml-role-idp-mapper', config: {} }],
      },
    ]);
  });

  it('keeps no IdP secret: a full kc.sh export writes the client secret in clear', () => {
    const loaded = loadExport({
      identityProviders: [
        { alias: 'github', providerId: 'github', config: { clientId: 'app', clientSecret: 'gh-secret-value-123' } },
      ],
    });
    expect(loaded.settings.identityProviders?.[0]?.config).toEqual({ clientId: 'app' });
    expect(JSON.stringify(loaded.settings)).not.toContain('gh-secret-value-123');
  });

  it('points findings at the IdP, its config key and its mapper', () => {
    const loaded = loadExport({
      identityProviders: [{ alias: 'corporate', providerId: 'oidc', config: { validateSignature: 'false' } }],
      identityProviderMappers: [{ name: 'dept', identityProviderAlias: 'corporate' }],
    });
    // Lines of the pretty-printed file: 3 `identityProviders`, 4 `{`, 5 alias, 6 providerId, 7 config, 8 validateSignature.
    expect(lineOf(loaded, ['identityProviders', 'corporate'])).toBe(4);
    expect(lineOf(loaded, ['identityProviders', 'corporate', 'config', 'validateSignature'])).toBe(8);
    expect(lineOf(loaded, ['identityProviders', 'corporate', 'mappers', 'dept'])).toBe(13);
  });

  it('an empty list says "no IdP"; no key says nothing', () => {
    expect(loadExport({ identityProviders: [] }).settings.identityProviders).toEqual([]);
    expect(loadExport({}).settings.identityProviders).toBeUndefined();
  });
});
