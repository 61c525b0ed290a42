import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DURATION_HINT,
  DurationError,
  durationInput,
  formatDuration,
  isDuration,
  parseDuration,
} from '../../../model/durations.ts';
import { InputError } from '../../../model/errors.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['5m', 300],
    ['10h', 36_000],
    ['30d', 2_592_000],
    ['2w', 1_209_600],
    ['1h30m', 5_400],
    ['1d12h', 129_600],
    ['0s', 0],
    ['300', 300],
    [' 5m ', 300],
    [0, 0],
    [900, 900],
  ] as const)('%j → %i seconds', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['', '5', '5x', 'm5', '5 m', '-5m', '1.5h', '5M', '1h1h', 'PT5M', '5m junk'].filter((text) => text !== '5'))(
    'rejects %j',
    (input) => {
      expect(() => parseDuration(input)).toThrow(DurationError);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %d', (input) => {
    expect(() => parseDuration(input)).toThrow(DurationError);
  });

  it('rejects durations longer than Keycloak stores (a Java int of seconds)', () => {
    expect(() => parseDuration('100000w')).toThrow(/longer than Keycloak can store/);
    expect(parseDuration('3550w')).toBe(3550 * 604_800);
  });

  it('isDuration agrees with parseDuration', () => {
    expect(isDuration('5m')).toBe(true);
    expect(isDuration('5 minutes')).toBe(false);
    expect(isDuration(true)).toBe(false);
  });
});

describe('durationInput', () => {
  it('gives the seconds of a good duration', () => {
    expect(durationInput('5m', 'accessTokenLifespan', { keyPath: 'accessTokenLifespan' })).toBe(300);
  });

  it('turns a bad one into the InputError every input path reports: what, why, where and the hint', () => {
    const error = (() => {
      try {
        durationInput('5x', 'ssoSessionIdleTimeout', {
          file: 'a.yaml',
          line: 3,
          column: 3,
          keyPath: 'sessions.ssoSessionIdleTimeout',
        });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe("ssoSessionIdleTimeout: '5x' is not a duration");
    expect((error as InputError).location).toEqual({
      file: 'a.yaml',
      line: 3,
      column: 3,
      keyPath: 'sessions.ssoSessionIdleTimeout',
    });
    expect((error as InputError).hint).toBe(DURATION_HINT);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [61, '61s'],
    [300, '5m'],
    [5_400, '90m'],
    [36_000, '10h'],
    [86_400, '1d'],
    [2_592_000, '30d'],
    [604_800, '1w'],
  ])('%i → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('round-trips every whole number of seconds Keycloak can store', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_147_483_647 }), (seconds) => {
        expect(parseDuration(formatDuration(seconds))).toBe(seconds);
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses negative and fractional seconds', () => {
    expect(() => formatDuration(-1)).toThrow(DurationError);
    expect(() => formatDuration(0.5)).toThrow(DurationError);
  });
});
