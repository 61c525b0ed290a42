import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goDurationFromSeconds, secondsFromGoDuration } from '../../../model/provider-dialect.ts';

describe('goDurationFromSeconds: the form the provider reads back (Go Duration.String)', () => {
  it.each([
    [0, '0s'],
    [1, '1s'],
    [59, '59s'],
    [60, '1m0s'],
    [90, '1m30s'],
    [300, '5m0s'],
    [1_800, '30m0s'],
    [3_600, '1h0m0s'],
    [3_661, '1h1m1s'],
    [36_000, '10h0m0s'],
    [86_400, '24h0m0s'],
    [2_592_000, '720h0m0s'],
    [5_184_000, '1440h0m0s'],
    [-300, '-5m0s'],
  ])('%i seconds → %s', (seconds, text) => {
    expect(goDurationFromSeconds(seconds)).toBe(text);
  });

  it('refuses fractions of a second (Keycloak keeps whole seconds)', () => {
    expect(() => goDurationFromSeconds(1.5)).toThrow(RangeError);
  });
});

describe('secondsFromGoDuration: what time.ParseDuration accepts, truncated like int(d.Seconds())', () => {
  it.each([
    ['5m0s', 300],
    ['5m', 300],
    ['1h', 3_600],
    ['1h30m', 5_400],
    ['1.5h', 5_400],
    ['90m', 5_400],
    ['720h0m0s', 2_592_000],
    ['300s', 300],
    ['1500ms', 1],
    ['999ms', 0],
    ['0', 0],
    ['-5m', -300],
    ['+5m', 300],
    ['.5m', 30],
    ['1h0m0.9s', 3_600],
  ])('%s → %i', (text, seconds) => {
    expect(secondsFromGoDuration(text)).toBe(seconds);
  });

  it.each(['', '5', '5d', 'abc', '1h 30m', 'm5', '--5m', '5m0', 'h'])('rejects %j with undefined', (text) => {
    expect(secondsFromGoDuration(text)).toBeUndefined();
  });

  it('round-trips every Keycloak duration (a Java int of seconds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_147_483_647 }), (seconds) => {
        expect(secondsFromGoDuration(goDurationFromSeconds(seconds))).toBe(seconds);
      }),
    );
  });
});
