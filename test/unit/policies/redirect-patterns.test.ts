import { describe, expect, it } from 'vitest';
import { enforcesHostBoundary, readPattern } from '../../../policies/redirect-patterns.ts';

describe('enforcesHostBoundary: which Keycloak reads https://host* as https://host/* (issue #48430)', () => {
  it.each([
    ['26.7.3', true],
    ['26.7.0', true],
    ['27.0.1', true],
    ['999.0.0-SNAPSHOT', true],
    ['26.6.3', true],
    ['26.6.2', false],
    ['26.5.7', false],
    ['26.4.13', true],
    ['26.4.12', false],
    ['26.3.5', false],
    ['25.0.6', false],
    ['24.0.5', false],
  ])('%s: %s', (version, expected) => {
    expect(enforcesHostBoundary(version)).toBe(expected);
  });

  it.each([undefined, '', 'unknown'])('%s: not known', (version) => {
    expect(enforcesHostBoundary(version)).toBeUndefined();
  });
});

describe('readPattern', () => {
  it.each([
    ['https://app.example.com/cb', 'exact'],
    ['https://app.example.com/a*b', 'exact'],
    ['*', 'everything'],
    ['https://*', 'everything'],
    ['https://*.example.com/cb', 'dead'],
    ['https://*.example.com/*', 'dead'],
    ['http://x*/a*', 'dead'],
    ['https://app.example.com/*', 'path'],
    ['https://app.example.com/cb*', 'path'],
    ['/relative/*', 'path'],
    ['com.example.app:/cb*', 'path'],
    ['https://app.example.com*', 'after-host'],
  ])('%s is %s', (pattern, kind) => {
    expect(readPattern(pattern, '26.7.3').kind).toBe(kind);
  });

  it('reads https://host* as a path wildcard on that host', () => {
    expect(readPattern('https://host:8443*', '26.7.3')).toEqual({
      kind: 'after-host',
      hostBoundary: 'enforced',
      asPath: 'https://host:8443/*',
    });
    expect(readPattern('https://host*', '26.2.0')).toMatchObject({ hostBoundary: 'prefix-match' });
    expect(readPattern('https://host*', undefined)).toMatchObject({ hostBoundary: 'unknown' });
  });
});
