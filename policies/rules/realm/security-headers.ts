import { defineRule } from '../../define-rule.ts';
import { ASVS } from '../../sources.ts';

const ONE_YEAR = 31_536_000;

/** Why each header is judged weakened; a header the realm leaves out keeps Keycloak's default. */
function weakness(header: string, value: string): string | undefined {
  const normalized = value.trim().toLowerCase();
  switch (header) {
    case 'xFrameOptions':
      return normalized === 'deny' || normalized === 'sameorigin'
        ? undefined
        : 'framing by other sites is allowed (clickjacking)';
    case 'contentSecurityPolicy':
      return /frame-ancestors\s+('self'|'none')/.test(normalized)
        ? undefined
        : "no frame-ancestors 'self' or 'none' (clickjacking)";
    case 'strictTransportSecurity': {
      const maxAge = /max-age=(\d+)/.exec(normalized)?.[1];
      return maxAge !== undefined && Number(maxAge) >= ONE_YEAR ? undefined : 'HSTS is off or shorter than a year';
    }
    case 'xContentTypeOptions':
      return normalized === 'nosniff' ? undefined : 'MIME sniffing is allowed';
    default:
      return undefined;
  }
}

export default defineRule('realm', {
  id: 'security-headers',
  title: 'Browser security headers are not weakened',
  severity: 'low',
  sources: [ASVS('V3.4 (browser security mechanism headers)')],
  why: "Keycloak's login pages send anti-framing, HSTS and no-sniff headers by default; clearing them opens the login page to clickjacking and downgrade attacks.",
  remediation: {
    baselineKey: 'security.browserSecurityHeaders',
    value: {
      xFrameOptions: 'SAMEORIGIN',
      contentSecurityPolicy: "frame-src 'self'; frame-ancestors 'self'; object-src 'none';",
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      xContentTypeOptions: 'nosniff',
    },
    note: "Keycloak's defaults",
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { weakened: '{{header}} is "{{actual}}": {{why}}.' },
  *check(realm) {
    for (const [header, value] of Object.entries(realm.browserSecurityHeaders)) {
      const why = weakness(header, value);
      if (why)
        yield { path: ['browserSecurityHeaders', header], messageId: 'weakened', data: { header, actual: value, why } };
    }
  },
});
