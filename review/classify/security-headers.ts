/**
 * Browser security headers (ASVS 3.4): a header that stops being sent weakens; HSTS max-age and
 * CSP frame-ancestors are compared by what they protect, X-Frame-Options by strength.
 */
import { KEYCLOAK_BROWSER_SECURITY_HEADERS } from '../../model/profiles.ts';
import type { Verdict } from '../change.ts';
import { FRAME_OPTIONS_ORDER } from './algorithms.ts';
import {
  compareNumbers,
  compareRanks,
  neutralVerdict,
  rankOf,
  scalar,
  strengthens,
  weakens,
  type FieldDiffer,
} from './differ.ts';

function hstsMaxAge(value: string): number {
  return Number(/max-age=(\d+)/i.exec(value)?.[1] ?? 0);
}

function classifyHeader(header: string, before: string, after: string): Verdict {
  if (after.trim() === '')
    return header === 'contentSecurityPolicyReportOnly'
      ? neutralVerdict('report-only policy removed')
      : weakens(`${header} no longer sent`);
  if (before.trim() === '') return strengthens(`${header} now sent`);
  switch (header) {
    case 'xFrameOptions':
      return compareRanks(
        rankOf(FRAME_OPTIONS_ORDER, before.toUpperCase()),
        rankOf(FRAME_OPTIONS_ORDER, after.toUpperCase()),
        'pages may be framed by more sites',
      );
    case 'strictTransportSecurity': {
      const lost = /includeSubDomains/i.test(before) && !/includeSubDomains/i.test(after);
      if (lost) return weakens('HSTS no longer covers subdomains');
      return compareNumbers(
        hstsMaxAge(before),
        hstsMaxAge(after),
        'higher',
        'browsers remember HTTPS-only for a shorter time',
      );
    }
    case 'contentSecurityPolicy': {
      const had = /frame-ancestors/i.test(before);
      const has = /frame-ancestors/i.test(after);
      if (had && !has) return weakens('CSP frame-ancestors removed (clickjacking)');
      if (!had && has) return strengthens('CSP frame-ancestors added');
      return neutralVerdict('content security policy changed');
    }
    default:
      return neutralVerdict(`${header} changed`);
  }
}

/** A header missing from the map is Keycloak's default value. */
export function securityHeader(header: string): FieldDiffer<string | undefined> {
  const fallback = KEYCLOAK_BROWSER_SECURITY_HEADERS[header] ?? '';
  const differ = scalar<string>((before, after) => classifyHeader(header, before, after));
  return (before, after, context) => {
    const from = before ?? fallback;
    const to = after ?? fallback;
    return differ(from, to, context).map((change) => ({ ...change, before: before ?? from, after: after ?? to }));
  };
}
