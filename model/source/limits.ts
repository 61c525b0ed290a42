/**
 * Limits on what an input may be, so no document can exhaust the stack or be read wrongly.
 * Each breach is an InputError with the file position where it happens.
 */
import { InputError } from '../errors.ts';

/**
 * Deepest nesting of lists and mappings accepted. A Keycloak realm export nests about ten levels
 * (realm → authorizationSettings → policies → config); parsers and the schema check recurse per
 * level, and a few thousand levels overflow the stack.
 */
export const MAX_NESTING_DEPTH = 100;

export function tooDeep(where: { file: string; line?: number; column?: number }): InputError {
  return new InputError(
    `lists and mappings nest more than ${MAX_NESTING_DEPTH} levels deep here`,
    where,
    `a baseline or realm export nests about 10 levels; flatten the document (at most ${MAX_NESTING_DEPTH})`,
  );
}

/**
 * JavaScript numbers hold integers exactly only up to 2^53 − 1; a larger one would be rounded
 * silently (2^63 reads as 9223372036854776000). Keycloak's numbers are Java ints and longs, and
 * every realistic one (seconds, milliseconds since 1970) is far below this.
 */
export function isUnsafeNumber(value: unknown): value is number {
  return typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER;
}

export function unsafeNumber(
  source: string,
  where: { file: string; line?: number; column?: number; keyPath?: string },
): InputError {
  const shown = source.length > 40 ? `${source.slice(0, 40)}…` : source;
  return new InputError(
    `the number ${shown} is too large to be read exactly (the limit is ${Number.MAX_SAFE_INTEGER}); it would be rounded`,
    where,
    'write the value Keycloak really holds: durations are seconds and fit in 2147483647',
  );
}
