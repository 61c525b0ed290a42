import { describe, expect, it } from 'vitest';
import { positionOf } from '../../../../model/realm-settings.ts';
import {
  KEYCLOAK_SAML_CLIENT_ATTRIBUTES,
  KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES,
} from '../../../../model/baseline/entities/saml-client-defaults.ts';
import { baselineProblems, loadBaseline } from './load-baseline.ts';

describe('baseline → SAML clients, client mappers, rootUrl and baseUrl, client scopes', () => {
  it("a SAML client: the saml options as Keycloak's attributes, Keycloak's defaults for the rest, no OIDC attribute", () => {
    const loaded = loadBaseline([
      'clients:',
      '  - clientId: https://sp.example.com/metadata',
      '    protocol: saml',
      '    redirectUris: [https://sp.example.com/acs]',
      '    saml:',
      '      assertionSignature: true',
      '      signatureAlgorithm: RSA_SHA1',
      '      oneTimeUse: true',
    ]);
    const [client] = loaded.settings.clients;
    expect(client?.protocol).toBe('saml');
    expect(client?.attributes).toEqual({
      ...KEYCLOAK_SAML_CLIENT_ATTRIBUTES,
      'saml.assertion.signature': 'true',
      'saml.signature.algorithm': 'RSA_SHA1',
      'saml.onetimeuse.condition': 'true',
    });
    expect(client?.defaultClientScopes).toEqual(KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES);
    expect(client?.optionalClientScopes).toEqual([]);
    expect(
      positionOf(loaded.source, [
        'clients',
        'https://sp.example.com/metadata',
        'attributes',
        'saml.signature.algorithm',
      ])?.line,
    ).toBe(8);
  });

  it("an OIDC client keeps the profile's attributes and gains rootUrl, baseUrl and its own mappers", () => {
    const loaded = loadBaseline([
      'clients:',
      '  - clientId: web',
      '    type: public',
      '    rootUrl: https://app.example.com',
      '    baseUrl: /home',
      '    redirectUris: [/cb]',
      '    protocolMappers:',
      '      - name: customer-number',
      '        type: oidc-usermodel-attribute-mapper',
      '        config: { user.attribute: customerNumber, claim.name: customer_number }',
    ]);
    const [client] = loaded.settings.clients;
    expect(client).toMatchObject({
      protocol: 'openid-connect',
      rootUrl: 'https://app.example.com',
      baseUrl: '/home',
      attributes: { 'pkce.code.challenge.method': 'S256' },
      protocolMappers: [
        {
          name: 'customer-number',
          protocol: 'openid-connect',
          type: 'oidc-usermodel-attribute-mapper',
          config: { 'user.attribute': 'customerNumber', 'claim.name': 'customer_number' },
        },
      ],
    });
    expect(positionOf(loaded.source, ['clients', 'web', 'protocolMappers', 'customer-number'])?.line).toBe(9);
  });

  it('a client that declares no mappers leaves them unsaid', () => {
    const [client] = loadBaseline(['clients:', '  - clientId: web']).settings.clients;
    expect(client).not.toHaveProperty('protocolMappers');
  });

  it('client scopes with their mappers; absent when the baseline declares none', () => {
    const loaded = loadBaseline([
      'clientScopes:',
      '  - name: customer',
      '    attributes: { include.in.token.scope: "true" }',
      '    protocolMappers:',
      '      - { name: tier, type: oidc-usermodel-attribute-mapper, config: { user.attribute: tier } }',
    ]);
    expect(loaded.settings.clientScopes).toEqual([
      {
        name: 'customer',
        protocol: 'openid-connect',
        attributes: { 'include.in.token.scope': 'true' },
        protocolMappers: [
          {
            name: 'tier',
            protocol: 'openid-connect',
            type: 'oidc-usermodel-attribute-mapper',
            config: { 'user.attribute': 'tier' },
          },
        ],
      },
    ]);
    expect(loadBaseline([]).settings.clientScopes).toBeUndefined();
  });

  it.each([
    [
      'an OIDC option on a SAML client',
      ['clients:', '  - clientId: sp', '    protocol: saml', '    pkce: S256'],
      /^baseline\.yaml:5:5: clients\[0\]\.pkce: 'pkce' is an OpenID Connect option; this client is SAML — remove it$/,
    ],
    [
      'saml options on an OIDC client',
      ['clients:', '  - clientId: web', '    saml: { oneTimeUse: true }'],
      /^baseline\.yaml:4:5: clients\[0\]\.saml: 'saml' applies to SAML clients only — remove it, or set protocol: saml$/,
    ],
    [
      'an unknown signature algorithm',
      ['clients:', '  - clientId: sp', '    protocol: saml', '    saml: { signatureAlgorithm: RSA_MD5 }'],
      /^baseline\.yaml:5:13: clients\[0\]\.saml\.signatureAlgorithm: the text 'RSA_MD5' is not allowed here — use one of: RSA_SHA1, /,
    ],
    [
      'a mapper name used twice on a scope',
      [
        'clientScopes:',
        '  - name: s',
        '    protocolMappers:',
        '      - { name: m, type: oidc-audience-mapper }',
        '      - { name: m, type: oidc-audience-mapper }',
      ],
      /^baseline\.yaml:6:11: clientScopes\[0\]\.protocolMappers\[1\]\.name: protocol mapper 'm' is declared twice/,
    ],
  ])('refuses %s with one clear line', (_, lines, expected) => {
    const problems = baselineProblems(lines);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});
