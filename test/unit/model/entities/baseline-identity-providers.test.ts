import { describe, expect, it } from 'vitest';
import { positionOf } from '../../../../model/realm-settings.ts';
import { baselineProblems, loadBaseline } from './load-baseline.ts';

describe('baseline → identity providers', () => {
  it('turns typed options into the Keycloak config keys they name, keeps the rest verbatim, mappers with their sync mode', () => {
    const loaded = loadBaseline([
      'identityProviders:',
      '  - alias: corporate',
      '    type: oidc',
      '    trustEmail: true',
      '    firstLoginFlow: link by email',
      '    syncMode: FORCE',
      '    validateSignature: true',
      '    pkce: S256',
      '    config: { issuer: https://idp.example.com }',
      '    mappers:',
      '      - name: dept',
      '        type: oidc-user-attribute-idp-mapper',
      '        syncMode: IMPORT',
      '        config: { claim: department }',
    ]);
    expect(loaded.settings.identityProviders).toEqual([
      {
        alias: 'corporate',
        providerId: 'oidc',
        enabled: true,
        trustEmail: true,
        linkOnly: false,
        firstBrokerLoginFlowAlias: 'link by email',
        config: {
          issuer: 'https://idp.example.com',
          syncMode: 'FORCE',
          validateSignature: 'true',
          pkceEnabled: 'true',
          pkceMethod: 'S256',
        },
        mappers: [
          { name: 'dept', type: 'oidc-user-attribute-idp-mapper', config: { claim: 'department', syncMode: 'IMPORT' } },
        ],
      },
    ]);
    expect(positionOf(loaded.source, ['identityProviders', 'corporate', 'config', 'validateSignature'])?.line).toBe(8);
    expect(positionOf(loaded.source, ['identityProviders', 'corporate', 'mappers', 'dept'])?.line).toBe(12);
  });

  it('leaves the part absent when the baseline declares no IdP', () => {
    expect(loadBaseline([]).settings.identityProviders).toBeUndefined();
  });

  it.each([
    [
      'an option of another IdP type',
      ['identityProviders:', '  - alias: partner', '    type: saml', '    pkce: S256'],
      /^baseline\.yaml:5:5: identityProviders\[0\]\.pkce: 'pkce' does not apply to a saml identity provider — remove it, or use it on oidc, keycloak-oidc IdPs$/,
    ],
    [
      'a secret',
      ['identityProviders:', '  - alias: gh', '    type: github', '    config: { clientSecret: hunter2 }'],
      /^baseline\.yaml:5:15: identityProviders\[0\]\.config\.clientSecret: 'clientSecret' is a secret — keep it out of the baseline/,
    ],
    [
      'a config key an option owns',
      ['identityProviders:', '  - alias: corp', '    type: oidc', '    config: { validateSignature: "false" }'],
      /identityProviders\[0\]\.config\.validateSignature: the config key 'validateSignature' is set through the option 'validateSignature' — write validateSignature: … instead$/,
    ],
    [
      'an alias declared twice',
      ['identityProviders:', '  - { alias: corp, type: oidc }', '  - { alias: corp, type: saml }'],
      /^baseline\.yaml:4:7: identityProviders\[1\]\.alias: identity provider 'corp' is declared twice/,
    ],
    [
      'an unknown key',
      ['identityProviders:', '  - alias: corp', '    type: oidc', '    validateSignatures: true'],
      /^baseline\.yaml:5:5: identityProviders\[0\]\.validateSignatures: unknown key.*did you mean 'validateSignature'/,
    ],
    [
      'a wrong type',
      ['identityProviders:', '  - alias: corp', '    type: oidc', '    syncMode: SOMETIMES'],
      /^baseline\.yaml:5:5: identityProviders\[0\]\.syncMode: the text 'SOMETIMES' is not allowed here — use one of: IMPORT, LEGACY, FORCE$/,
    ],
  ])('refuses %s with one clear line', (_, lines, expected) => {
    const problems = baselineProblems(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
