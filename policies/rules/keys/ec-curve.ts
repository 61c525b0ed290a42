import { defineRule } from '../../define-rule.ts';
import { keyPath, keyProviders } from '../../entities.ts';
import { ASVS, FAPI2 } from '../../sources.ts';

export default defineRule('keys', {
  id: 'ec-curve',
  title: 'ECDSA keys use P-256 or a stronger NIST curve',
  severity: 'medium',
  sources: [FAPI2('§5.4 (ES256 on P-256)'), ASVS('Appendix C (approved curves)')],
  why: 'Curves below P-256 give less than 128-bit security; ES256/384/512 are defined on P-256, P-384 and P-521 only.',
  remediation: { baselineKey: 'keys.providers[].ellipticCurve', value: 'P-256' },
  params: { baseline: { allowed: ['P-256', 'P-384', 'P-521'] }, strict: { allowed: ['P-256', 'P-384', 'P-521'] } },
  paramDocs: { allowed: 'Accepted curves.' },
  messages: { weakCurve: 'The ECDSA key uses curve {{actual}}; accepted: {{allowed}}.' },
  *check(realm, { allowed }) {
    for (const provider of keyProviders(realm, { providerIds: ['ecdsa-generated'] })) {
      const curve = provider.ellipticCurve;
      if (curve !== undefined && !allowed.includes(curve)) {
        yield {
          path: keyPath(provider, 'ellipticCurve'),
          messageId: 'weakCurve',
          data: { actual: curve, allowed: allowed.join(', ') },
        };
      }
    }
  },
});
