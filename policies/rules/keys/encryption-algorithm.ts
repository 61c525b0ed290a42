import { defineRule } from '../../define-rule.ts';
import { keyPath, keyProviders } from '../../entities.ts';
import { ASVS, RFC8725 } from '../../sources.ts';

export default defineRule('keys', {
  id: 'encryption-algorithm',
  title: 'Token encryption does not use RSA1_5',
  severity: 'medium',
  sources: [RFC8725('§3.2 (avoid RSA1_5: padding-oracle attacks)'), ASVS('Appendix C (RSA1_5 disallowed)')],
  why: 'RSA PKCS#1 v1.5 encryption is open to Bleichenbacher padding-oracle attacks; RSA-OAEP is its safe replacement.',
  remediation: { baselineKey: 'keys.providers[].algorithm', value: 'RSA-OAEP' },
  params: { baseline: { forbidden: ['RSA1_5'] }, strict: { forbidden: ['RSA1_5'] } },
  paramDocs: { forbidden: 'Key-encryption algorithms never accepted.' },
  messages: { forbidden: 'The encryption key uses {{actual}}.' },
  *check(realm, { forbidden }) {
    for (const provider of keyProviders(realm, { providerIds: ['rsa-enc-generated', 'rsa-enc'] })) {
      if (provider.algorithm !== undefined && forbidden.includes(provider.algorithm)) {
        yield { path: keyPath(provider, 'algorithm'), messageId: 'forbidden', data: { actual: provider.algorithm } };
      }
    }
  },
});
