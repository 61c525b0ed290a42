import { defineRule } from '../../define-rule.ts';
import { keyPath, keyProviders } from '../../entities.ts';
import { RFC7518, RFC8725 } from '../../sources.ts';

/** RFC 7518 §3.2: a key of the same size as the hash output, at least. */
const MIN_BYTES: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64 };

export default defineRule('keys', {
  id: 'hmac-secret-size',
  title: 'HMAC secrets are at least as long as the hash',
  severity: 'medium',
  sources: [
    RFC7518('§3.2 (key of the same size as the hash output or larger)'),
    RFC8725('§3.5 (sufficient key entropy)'),
  ],
  why: 'A short HMAC secret can be brute-forced offline from any token it signed, after which tokens can be forged.',
  remediation: {
    baselineKey: 'keys.providers[].secretSize',
    value: 64,
    note: 'for HS512 (32 for HS256, 48 for HS384)',
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { tooShort: 'The {{algorithm}} secret is {{actual}} bytes; at least {{min}} are required.' },
  *check(realm) {
    for (const provider of keyProviders(realm, { providerIds: ['hmac-generated'] })) {
      const algorithm = provider.algorithm ?? 'HS512';
      const min = MIN_BYTES[algorithm];
      if (min !== undefined && provider.secretSize !== undefined && provider.secretSize < min) {
        yield {
          path: keyPath(provider, 'secretSize'),
          messageId: 'tooShort',
          data: { algorithm, actual: provider.secretSize, min },
        };
      }
    }
  },
});
