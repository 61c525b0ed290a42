/** Generators shared by the fuzz suite: hostile text, hostile JSON values, small text edits. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { InputError, InputErrors } from '../../../model/errors.ts';

/** Pieces that have broken parsers, terminals or paths before. */
export const NASTY = [
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u202e',
  '\u2066',
  '\u200f',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u009b',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '\ufeff',
  '..',
  '../x',
  '%2e%2e',
  '/',
  '?',
  '#',
  ' ',
  '日本',
  '🙂',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '- ',
  '? ',
  '&a ',
  '*a',
  '!!binary ',
  '!!js/function ',
  '<<: ',
  '"',
  "'",
  '\\',
  '#',
  '|',
  '>',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '-1',
  '0',
  '1e400',
  '9223372036854775808',
  '9007199254740993',
  'NaN',
  '.inf',
  'null',
  'true',
  'yes',
  '~',
  '0x1F',
  '0o17',
  '<!--',
  '`',
  '$(env:X)',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
] as const;

/** Any string, biased towards the pieces above. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })), { maxLength: 6 })
      .map((parts) => parts.join('')),
  },
);

/** Numbers that round, overflow Keycloak's ints, or are not numbers at all in JSON. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.constantFrom(
    -1,
    0,
    -0,
    2_147_483_647,
    2_147_483_648,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 63,
    -(2 ** 63),
    1e21,
    1e300,
    0.5,
    -2.5,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** JSON values with hostile keys and strings, and the odd deep list. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
    fc.integer({ min: 90, max: 130 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown),
  ),
})).value;

/** A small edit to a text: delete, insert, replace or duplicate a span. */
export type Edit =
  | { kind: 'delete'; at: number; size: number }
  | { kind: 'insert' | 'replace'; at: number; text: string }
  | { kind: 'duplicate'; at: number; size: number };

export function edit(length: number): fc.Arbitrary<Edit> {
  return fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(length), size: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(length), text: hostileString }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(length), text: hostileString }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(length), size: fc.integer({ min: 1, max: 200 }) }),
  );
}

export function applyEdit(text: string, change: Edit): string {
  switch (change.kind) {
    case 'delete':
      return text.slice(0, change.at) + text.slice(change.at + change.size);
    case 'insert':
      return text.slice(0, change.at) + change.text + text.slice(change.at);
    case 'replace':
      return text.slice(0, change.at) + change.text + text.slice(change.at + change.text.length);
    case 'duplicate':
      return (
        text.slice(0, change.at + change.size) +
        text.slice(change.at, change.at + change.size) +
        text.slice(change.at + change.size)
      );
  }
}

/** Characters that must never reach a terminal or a comment raw. */
/* eslint-disable no-control-regex -- control characters are what it matches */
export const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/;
/* eslint-enable no-control-regex */

/**
 * Runs `work`; a value or a typed input error passes (each problem one visible line with a file),
 * anything else — a TypeError, a RangeError, a stack overflow — fails the property.
 */
export function onlyInputErrors<T>(work: () => T, options: { file?: boolean } = {}): T | InputError | InputErrors {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof InputError) && !(error instanceof InputErrors)) throw error;
    const problems = error instanceof InputErrors ? error.errors : [error];
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toBeInstanceOf(InputError);
      const line = problem.format();
      expect(line).not.toMatch(RAW_CONTROL);
      expect(line).not.toContain('\n');
      expect(line).not.toMatch(/Maximum call stack|is not a function|Cannot read properties/);
      if (options.file !== false) expect(problem.location.file).toBeTruthy();
    }
    return error;
  }
}
