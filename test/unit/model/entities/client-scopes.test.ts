import { describe, expect, it } from 'vitest';
import { lineOf, loadExport } from './load-export.ts';

const ATTRIBUTE_MAPPER = {
  name: 'customer-number',
  protocol: 'openid-connect',
  protocolMapper: 'oidc-usermodel-attribute-mapper',
  config: { 'user.attribute': 'customerNumber', 'access.token.claim': true },
};

describe('export → client scopes and protocol mappers', () => {
  it('reads each scope with its protocol, attributes and mappers (config as strings)', () => {
    const loaded = loadExport({
      clientScopes: [
        {
          name: 'customer',
          protocol: 'openid-connect',
          attributes: { 'include.in.token.scope': true },
          protocolMappers: [ATTRIBUTE_MAPPER],
        },
        { name: 'bare' },
      ],
    });
    expect(loaded.settings.clientScopes).toEqual([
      {
        name: 'customer',
        protocol: 'openid-connect',
        attributes: { 'include.in.token.scope': 'true' },
        protocolMappers: [
          {
            name: 'customer-number',
            protocol: 'openid-connect',
            type: 'oidc-usermodel-attribute-mapper',
            config: { 'user.attribute': 'customerNumber', 'access.token.claim': 'true' },
          },
        ],
      },
      { name: 'bare', protocol: 'openid-connect', attributes: {}, protocolMappers: [] },
    ]);
    expect(lineOf(loaded, ['clientScopes', 'bare'])).toBeGreaterThan(lineOf(loaded, ['clientScopes', 'customer'])!);
    expect(lineOf(loaded, ['clientScopes', 'customer', 'protocolMappers', 'customer-number'])).toBe(
      lineOf(loaded, ['clientScopes', 'customer'])! + 7, // its item in protocolMappers
    );
  });

  it("reads a client's rootUrl, baseUrl and own mappers; a client without mappers leaves them unsaid", () => {
    const loaded = loadExport({
      clients: [
        {
          clientId: 'saml-sp',
          protocol: 'saml',
          rootUrl: 'https://sp.example.com',
          baseUrl: '/home',
          protocolMappers: [{ name: 'role list', protocolMapper: 'saml-role-list-mapper' }],
        },
        { clientId: 'plain' },
      ],
    });
    const [sp, plain] = loaded.settings.clients;
    expect(sp).toMatchObject({
      rootUrl: 'https://sp.example.com',
      baseUrl: '/home',
      // a mapper that names no protocol is read as its client's
      protocolMappers: [{ name: 'role list', protocol: 'saml', type: 'saml-role-list-mapper', config: {} }],
    });
    expect(plain).not.toHaveProperty('rootUrl');
    expect(plain).not.toHaveProperty('protocolMappers');
    expect(lineOf(loaded, ['clients', 'saml-sp', 'rootUrl'])).toBe(lineOf(loaded, ['clients', 'saml-sp'])! + 3);
  });

  it('no clientScopes key says nothing', () => {
    expect(loadExport({ clients: [{ clientId: 'a' }] }).settings.clientScopes).toBeUndefined();
  });
});
