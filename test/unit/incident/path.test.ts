/**
 * The one path builder: every value is one encoded segment, and a value the URL parser would
 * resolve (in any spelling) is refused before anything is built. The parser itself is the judge:
 * each case is checked against `new URL()`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, requestSpec } from '../../../keycloak/endpoints.ts';
import { IncidentError } from '../../../keycloak/errors.ts';
import { buildPath, requestUrl, segmentProblem, UnsafeSegmentError } from '../../../keycloak/path.ts';

/** What the WHATWG parser makes of a path: the request that would really be sent. */
const parsed = (path: string) => {
  const url = new URL(`http://kc.example${path}`);
  return `${url.pathname}${url.search}`;
};

const HOSTILE = [
  '.',
  '..',
  '../x',
  '%2e%2e',
  '%2E%2e',
  '.%2e',
  '%2e.',
  '%2E',
  '%252e%252e',
  'a/b',
  '..%2f',
  '..\\',
  '?',
  '#',
  'a b',
  ' ',
  'ü',
  '用户',
  '\u202e',
  'a;b',
  '%',
  '%zz',
  '+',
];

describe('segmentProblem', () => {
  it('refuses the empty value, "." and ".."', () => {
    expect(segmentProblem('')).toMatch(/empty/);
    expect(segmentProblem('.')).toMatch(/dot segment/);
    expect(segmentProblem('..')).toMatch(/dot segment/);
    expect(segmentProblem('\ud800')).toMatch(/Unicode/);
  });

  it.each(HOSTILE.filter((value) => value !== '.' && value !== '..'))(
    '%j becomes one segment the parser leaves alone',
    (value) => {
      expect(segmentProblem(value)).toBeUndefined();
      const path = buildPath('/admin/realms/{realm}/users/{id}/consents/{clientId}', {
        realm: 'r',
        id: 'u',
        clientId: value,
      });
      expect(parsed(path)).toBe(path);
      expect(path.startsWith('/admin/realms/r/users/u/consents/')).toBe(true);
      expect(path.slice('/admin/realms/r/users/u/consents/'.length)).not.toContain('/');
      expect(decodeURIComponent(path.slice('/admin/realms/r/users/u/consents/'.length))).toBe(value);
    },
  );

  it('any string either is refused or survives the URL parser as exactly one segment', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom(...HOSTILE), fc.stringMatching(/^[.%2eE/\\?#]{0,6}$/)),
        (value) => {
          let path: string;
          try {
            path = buildPath('/a/{x}/b', { x: value });
          } catch (error) {
            expect(error).toBeInstanceOf(UnsafeSegmentError);
            return;
          }
          expect(parsed(path)).toBe(path);
          expect(path.split('/')).toHaveLength(4);
          expect(decodeURIComponent(path.split('/')[2]!)).toBe(value);
        },
      ),
      { numRuns: 2000, seed: 10 },
    );
  });
});

describe('buildPath and requestSpec', () => {
  it('fills a template and appends the query in order', () => {
    expect(
      buildPath(
        '/admin/realms/{realm}/users',
        { realm: 'shop' },
        { username: 'a b&c', exact: true, skipped: undefined },
      ),
    ).toBe('/admin/realms/shop/users?username=a+b%26c&exact=true');
  });

  it('the consent of a client named ".." is refused before anything is built, as one IncidentError line', () => {
    const build = () => requestSpec(ENDPOINTS.revokeConsent, { realm: 'shop', id: 'u1', clientId: '..' });
    expect(build).toThrow(IncidentError);
    expect(build).toThrow(
      'refused to send DELETE /admin/realms/{realm}/users/{id}/consents/{clientId} with {clientId} = "..": the URL parser would resolve it (as a dot segment) and the request would reach another path — nothing was sent',
    );
  });

  it('a realm of "." is refused for every endpoint', () => {
    for (const endpoint of Object.values(ENDPOINTS)) {
      expect(() =>
        requestSpec(endpoint, { realm: '.', id: 'x', clientId: 'c', clientUuid: 'c', session: 's' }),
      ).toThrow(/refused to send/);
    }
  });

  it('requestUrl refuses a path the parser would rewrite, and keeps the server base path', () => {
    expect(requestUrl('http://kc:8080', '/admin/realms/a%2Fb')).toBe('http://kc:8080/admin/realms/a%2Fb');
    expect(requestUrl('https://kc.example/auth', '/admin/realms/r')).toBe('https://kc.example/auth/admin/realms/r');
    expect(() => requestUrl('http://kc:8080', '/admin/realms/../users')).toThrow(UnsafeSegmentError);
    expect(() => requestUrl('http://kc:8080', '/admin/realms/%2e%2e/users')).toThrow(UnsafeSegmentError);
  });
});
