import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenVersionClaim, tokenVersionPlan } from '../../../components/token-version-claim.ts';
import {
  assertTokenVersionCurrent,
  currentVersionFromAttribute,
  isTokenVersionCurrent,
  StaleTokenError,
  tokenVersionOf,
} from '../../../components/token-version-check.ts';
import { InputError } from '../../../model/errors.ts';
import { child, installMocks, ofType, registered, settle, TYPES, valueOf } from './pulumi-mocks.ts';

beforeAll(installMocks);
beforeEach(() => {
  registered.length = 0;
});

describe('TokenVersionClaim', () => {
  it('adds a user-attribute mapper to each chosen client, into access tokens and introspection, as a number', async () => {
    new TokenVersionClaim('tv', { realmId: 'shop', clients: { web: 'uuid-web', api: 'uuid-api' } });
    await settle();
    expect(child(TYPES.mapper, 'tv-mapper-web').inputs).toEqual({
      realmId: 'shop',
      clientId: 'uuid-web',
      name: 'token_version (token version)',
      userAttribute: 'token_version',
      claimName: 'token_version',
      addToAccessToken: true,
      addToIdToken: false,
      addToUserinfo: false,
      addToTokenIntrospection: true,
      claimValueType: 'long',
      multivalued: false,
      aggregateAttributes: false,
    });
    expect(child(TYPES.mapper, 'tv-mapper-api').inputs.clientId).toBe('uuid-api');
    expect(ofType(TYPES.scope)).toEqual([]);
  });

  it('or puts the mapper on a client scope, with configurable attribute and claim names', async () => {
    const claim = new TokenVersionClaim('tv', {
      realmId: 'shop',
      attribute: 'tv_attr',
      claim: 'tv',
      clientScope: true,
    });
    expect(await valueOf(claim.clientScopeId)).toBe('tv-scope-id');
    await settle();
    expect(child(TYPES.scope, 'tv-scope').inputs).toMatchObject({ realmId: 'shop', name: 'tv' });
    expect(child(TYPES.mapper, 'tv-scope-mapper').inputs).toMatchObject({
      clientScopeId: 'tv-scope-id',
      userAttribute: 'tv_attr',
      claimName: 'tv',
    });
  });

  it('parents its children; two instances never collide', async () => {
    const one = new TokenVersionClaim('one', { realmId: 'a', clients: { web: 'x' } });
    new TokenVersionClaim('two', { realmId: 'b', clients: { web: 'y' } });
    expect(await valueOf(one.mappers[0]!.urn)).toContain(
      'realmguard:index:TokenVersionClaim$keycloak:openid/userAttributeProtocolMapper:UserAttributeProtocolMapper::one-mapper-web',
    );
    await settle();
    expect(child(TYPES.mapper, 'two-mapper-web').inputs.realmId).toBe('b');
  });

  it.each([
    [{ clients: {} }, /attached to nothing/],
    [{ clients: { a: 'x' }, claim: 'a.b' }, /not a flat claim name/],
    [{ clients: { a: 'x' }, attribute: 'has space' }, /not a usable user-attribute name/],
  ])('refuses %o', (args, message) => {
    expect(() => tokenVersionPlan(args)).toThrow(InputError);
    expect(() => tokenVersionPlan(args)).toThrow(message);
  });
});

describe('the backend check', () => {
  it.each([
    [{ token_version: 3 }, 3, true],
    [{ token_version: 4 }, 3, true],
    [{ token_version: 2 }, 3, false],
    [{ token_version: '3' }, 3, true],
    [{ token_version: '2' }, 3, false],
    [{}, 0, true],
    [{}, 1, false],
    [{ token_version: 'abc' }, 0, false],
    [{ token_version: -1 }, 0, false],
    [{ token_version: 1.5 }, 1, false],
  ])('%o against current %i → %s', (claims, current, expected) => {
    expect(isTokenVersionCurrent(claims, current)).toBe(expected);
  });

  it('reads a custom claim name', () => {
    expect(isTokenVersionCurrent({ tv: 5, token_version: 0 }, 5, { claim: 'tv' })).toBe(true);
  });

  it('assertTokenVersionCurrent throws StaleTokenError naming both versions', () => {
    expect(() => assertTokenVersionCurrent({ token_version: 1 }, 2)).toThrow(StaleTokenError);
    expect(() => assertTokenVersionCurrent({ token_version: 1 }, 2)).toThrow(
      "token version 1 is older than the user's current version 2",
    );
    expect(() => assertTokenVersionCurrent({ token_version: 2 }, 2)).not.toThrow();
  });

  it('refuses a malformed current version rather than accepting everything', () => {
    expect(() => isTokenVersionCurrent({ token_version: 1 }, Number.NaN)).toThrow(RangeError);
  });

  it('reads the current version from the Keycloak attribute', () => {
    expect(currentVersionFromAttribute(undefined)).toBe(0);
    expect(currentVersionFromAttribute(['7'])).toBe(7);
    expect(() => currentVersionFromAttribute(['x'])).toThrow(RangeError);
    expect(tokenVersionOf({ token_version: null })).toBe(0);
  });
});
