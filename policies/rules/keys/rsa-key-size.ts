import { RSA_KEY_PROVIDER_TYPES } from '../../../model/keycloak-keys.ts';
import { defineRule } from '../../define-rule.ts';
import { keyPath, keyProviders } from '../../entities.ts';
import { ASVS, NIST_800_131A, NIST_800_57 } from '../../sources.ts';

export default defineRule('keys', {
  id: 'rsa-key-size',
  title: 'RSA keys are at least 2048 bits (3072 for long-term use)',
  severity: 'high',
  sources: [
    NIST_800_131A('§2 (RSA < 2048 bits disallowed)'),
    NIST_800_57('Table 2/4 (RSA 3072 for protection beyond 2030)'),
    ASVS('V11.2.3 (at least 128-bit security)'),
  ],
  why: 'RSA keys under 2048 bits are within reach of factoring and disallowed by NIST; 2048-bit keys give 112-bit security, which NIST accepts only until 2030.',
  remediation: { baselineKey: 'keys.providers[].keySize', value: 2048, note: '3072 under strict' },
  params: { baseline: { min: 2048, preferred: 2048 }, strict: { min: 2048, preferred: 3072 } },
  paramDocs: {
    min: 'Smallest accepted RSA modulus, in bits (high below it).',
    preferred: 'Recommended modulus, in bits (low below it).',
  },
  messages: {
    tooSmall: 'The RSA key is {{actual}} bits; at least {{min}} are required.',
    belowPreferred: 'The RSA key is {{actual}} bits; {{preferred}} are recommended for use beyond 2030.',
  },
  *check(realm, { min, preferred }) {
    for (const provider of keyProviders(realm, { providerIds: RSA_KEY_PROVIDER_TYPES })) {
      const size = provider.keySize;
      if (size === undefined) continue; // a key file's size is only known live
      if (size < min) yield { path: keyPath(provider, 'keySize'), messageId: 'tooSmall', data: { actual: size, min } };
      else if (size < preferred)
        yield {
          path: keyPath(provider, 'keySize'),
          messageId: 'belowPreferred',
          data: { actual: size, preferred },
          severity: 'low',
        };
    }
  },
});
