import { describe, expect, it } from 'vitest';
import { ecdsaAlgorithmFor, RSA_KEY_PROVIDER_TYPES } from '../../../model/keycloak-keys.ts';
import { KEYCLOAK_KEY_PROVIDER_TYPES } from '../../../model/keycloak-catalog.ts';

describe("Keycloak's key facts", () => {
  it.each([
    ['P-256', 'ES256'],
    ['P-384', 'ES384'],
    ['P-521', 'ES512'],
    ['Ed25519', undefined],
    // Curves come from input: an object member's name is not a curve.
    ['constructor', undefined],
    ['__proto__', undefined],
  ])('an ECDSA key on %s signs %s', (curve, algorithm) => {
    expect(ecdsaAlgorithmFor(curve)).toBe(algorithm);
  });

  it('the RSA types are key provider types Keycloak ships, imported encryption keys included', () => {
    expect(KEYCLOAK_KEY_PROVIDER_TYPES).toEqual(expect.arrayContaining([...RSA_KEY_PROVIDER_TYPES]));
    expect(RSA_KEY_PROVIDER_TYPES).toEqual(
      expect.arrayContaining(['rsa-generated', 'rsa', 'rsa-enc-generated', 'rsa-enc']),
    );
  });
});
