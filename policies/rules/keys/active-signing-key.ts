import type { KeyProviderSettings } from '../../../model/realm-settings.ts';
import { defineRule } from '../../define-rule.ts';
import { keyProviders } from '../../entities.ts';
import { KC_ADMIN_GUIDE } from '../../sources.ts';

/** The algorithm family a provider type signs with (encryption-only providers sign nothing). */
function signs(provider: KeyProviderSettings, algorithm: string): boolean {
  if (provider.algorithm) return provider.algorithm === algorithm;
  switch (provider.providerId) {
    case 'rsa-generated':
    case 'rsa':
    case 'java-keystore':
      return algorithm === 'RS256'; // Keycloak's default algorithm for RSA providers
    case 'ecdsa-generated':
      return algorithm === 'ES256';
    case 'hmac-generated':
      return algorithm === 'HS512';
    default:
      return false;
  }
}

export default defineRule('keys', {
  id: 'active-signing-key',
  title: 'An active key signs with the realm’s algorithm',
  severity: 'high',
  sources: [KC_ADMIN_GUIDE('Managing realm keys (active, passive and disabled keys)')],
  why: 'Keycloak signs tokens with the highest-priority active key for the realm’s default signature algorithm. A realm left without one — typically after a rotation that left only passive keys — does not stop issuing tokens: Keycloak quietly generates a `fallback-<algorithm>` key at priority -100 and signs with it (shown on Keycloak 26.7.3), a key no baseline declares, rotates or watches.',
  remediation: {
    baselineKey: 'keys.providers[].state',
    value: 'active',
    note: 'for an enabled provider whose algorithm is defaultSignatureAlgorithm',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    none: 'No enabled, active key provider signs with {{algorithm}}, the realm’s default signature algorithm.',
  },
  // The realm's algorithm against all of its keys: a key left out could be the one that signs.
  reads: ['realm', 'keys'],
  wholeRealm: true,
  *check(realm) {
    // A realm that declares no key providers gets Keycloak's generated defaults.
    if (realm.keyProviders.length === 0) return;
    const algorithm = realm.defaultSignatureAlgorithm;
    const active = [...keyProviders(realm)].filter((provider) => provider.active && signs(provider, algorithm));
    if (active.length === 0) yield { path: ['keyProviders'], messageId: 'none', data: { algorithm } };
  },
});
