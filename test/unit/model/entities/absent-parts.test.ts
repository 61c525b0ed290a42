import { describe, expect, it } from 'vitest';
import { loadExport } from './load-export.ts';

describe('a file that does not carry the entities', () => {
  it('a keycloak-config-cli file with realm settings and clients only leaves every entity part absent', () => {
    const { settings } = loadExport({
      accessTokenLifespan: 300,
      clients: [{ clientId: 'web-app', publicClient: true, redirectUris: ['https://app.example.com/cb'] }],
    });
    expect({
      identityProviders: settings.identityProviders,
      clientScopes: settings.clientScopes,
      access: settings.access,
      authentication: settings.authentication,
      userProfile: settings.userProfile,
    }).toEqual({
      identityProviders: undefined,
      clientScopes: undefined,
      access: undefined,
      authentication: undefined,
      userProfile: undefined,
    });
    const [client] = settings.clients;
    expect([client?.rootUrl, client?.baseUrl, client?.protocolMappers]).toEqual([undefined, undefined, undefined]);
  });
});
