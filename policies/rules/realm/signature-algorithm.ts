import { defineRule } from '../../define-rule.ts';
import { ASVS, FAPI2, RFC8725 } from '../../sources.ts';

export default defineRule('realm', {
  id: 'signature-algorithm',
  title: 'Tokens are signed with an asymmetric, modern algorithm',
  severity: 'low',
  sources: [
    RFC8725('§3.1–3.2 (algorithm verification and allow-listing)'),
    ASVS('Appendix C (RSASSA-PKCS1-v1_5 disallowed)'),
    FAPI2('§5.4 (PS256, ES256 or EdDSA)'),
  ],
  why: 'HMAC-signed tokens can only be verified by someone who can also forge them; RS256 (PKCS#1 v1.5) is allowed but not preferred by ASVS and FAPI 2.0, which ask for PS256, ES256 or EdDSA.',
  remediation: { baselineKey: 'security.defaultSignatureAlgorithm', value: 'PS256' },
  params: {
    baseline: { forbidden: ['HS256', 'HS384', 'HS512', 'none'], allowed: [] },
    strict: {
      forbidden: ['HS256', 'HS384', 'HS512', 'none'],
      allowed: ['PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
    },
  },
  paramDocs: { forbidden: 'Algorithms never accepted.', allowed: 'When not empty, the only algorithms accepted.' },
  messages: {
    forbidden: 'Tokens are signed with {{actual}}, a symmetric (or no) algorithm.',
    notAllowed: 'Tokens are signed with {{actual}}; the profile allows {{allowed}}.',
  },
  *check(realm, { forbidden, allowed }) {
    const actual = realm.defaultSignatureAlgorithm;
    if (forbidden.includes(actual))
      yield { path: ['defaultSignatureAlgorithm'], messageId: 'forbidden', data: { actual } };
    else if (allowed.length > 0 && !allowed.includes(actual)) {
      yield {
        path: ['defaultSignatureAlgorithm'],
        messageId: 'notAllowed',
        data: { actual, allowed: allowed.join(', ') },
      };
    }
  },
});
