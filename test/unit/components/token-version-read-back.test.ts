/**
 * What TokenVersionClaim creates in Keycloak, exported, is read back as the token-version claim:
 * the component and the export reader agree on the names (the scope once was 'token_version' on
 * one side and 'token-version' on the other, so an export of the component's scope had no claim).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenVersionClaim } from '../../../components/token-version-claim.ts';
import { loadRealmText } from '../../../model/load.ts';
import { TOKEN_VERSION_CLIENT_SCOPE } from '../../../model/token-version.ts';
import { child, installMocks, registered, settle, TYPES } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

/** The protocol mapper as a realm export writes the provider's UserAttributeProtocolMapper. */
function exportedMapper(inputs: Record<string, unknown>) {
  return {
    name: String(inputs.name),
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-attribute-mapper',
    config: {
      'user.attribute': String(inputs.userAttribute),
      'claim.name': String(inputs.claimName),
      'jsonType.label': String(inputs.claimValueType),
      'access.token.claim': String(inputs.addToAccessToken),
      'introspection.token.claim': String(inputs.addToTokenIntrospection),
    },
  };
}

function claimOf(representation: object) {
  const [realm] = loadRealmText(JSON.stringify({ realm: 'shop', ...representation }), 'shop.json');
  return realm!.settings.tokenVersionClaim;
}

describe("an export of TokenVersionClaim's resources", () => {
  it('with a client scope (clientScope: true): the scope is found, and its clients carry the claim', async () => {
    new TokenVersionClaim('tv', { realmId: 'shop', clientScope: true });
    await settle();
    const scope = child(TYPES.scope, 'tv-scope').inputs;
    expect(scope.name).toBe(TOKEN_VERSION_CLIENT_SCOPE);
    const clientScopes = [
      {
        name: String(scope.name),
        protocol: 'openid-connect',
        protocolMappers: [exportedMapper(child(TYPES.mapper, 'tv-scope-mapper').inputs)],
      },
    ];

    // A realm default scope: every client gets it.
    expect(claimOf({ clientScopes, defaultDefaultClientScopes: ['profile', String(scope.name)] })).toEqual({
      attribute: 'token_version',
      claim: 'token_version',
      clients: ['*'],
    });
    // A client default scope: the clients that list it.
    const clients = [
      { clientId: 'web', defaultClientScopes: ['profile', String(scope.name)] },
      { clientId: 'admin-cli', defaultClientScopes: ['profile'] },
    ];
    expect(claimOf({ clientScopes, clients })).toEqual({
      attribute: 'token_version',
      claim: 'token_version',
      clients: ['web'],
    });
  });

  it('with a mapper on each client (what a baseline creates): every such client carries the claim', async () => {
    new TokenVersionClaim('tv', { realmId: 'shop', clients: { web: 'uuid-web', api: 'uuid-api' } });
    await settle();
    const clients = ['web', 'api'].map((clientId) => ({
      clientId,
      protocolMappers: [exportedMapper(child(TYPES.mapper, `tv-mapper-${clientId}`).inputs)],
    }));
    expect(claimOf({ clients })).toEqual({
      attribute: 'token_version',
      claim: 'token_version',
      clients: ['web', 'api'],
    });
  });
});
