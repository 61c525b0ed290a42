/**
 * Human durations for baselines: '90s', '5m', '10h', '30d', '2w', compounds such as '1h30m',
 * or a whole number of seconds. Keycloak keeps durations in seconds, and so does the model.
 */
import { InputError, type InputErrorLocation } from './errors.ts';
import { rowsOf } from './fields/field-row.ts';
import { REALM_FIELDS } from './fields/realm.ts';

const UNIT_SECONDS = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** One or more <digits><unit> parts, largest unit first is not enforced but each unit once. */
const DURATION_PATTERN = /^(?:\d+[wdhms])+$/;
const PART_PATTERN = /(\d+)([wdhms])/g;

/** Why a duration was rejected, for InputError messages. */
export class DurationError extends Error {
  override name = 'DurationError';
}

export const DURATION_HINT =
  'write whole seconds (300) or a number with a unit: s, m, h, d, w (e.g. 5m, 10h, 30d, 1h30m)';

/**
 * Seconds in a duration. Accepts a non-negative integer (seconds), a string of digits
 * (seconds), or a string of <number><unit> parts. Throws DurationError otherwise.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DurationError(`'${value}' is not a whole, non-negative number of seconds`);
    }
    // The same ceiling as for text (found by the fuzz suite: 216220700508475 was accepted as a number).
    return checkedSeconds(value, String(value));
  }
  const text = value.trim();
  if (/^\d+$/.test(text)) return checkedSeconds(Number(text), value);
  if (!DURATION_PATTERN.test(text)) throw new DurationError(`'${value}' is not a duration`);
  const seen = new Set<Unit>();
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(PART_PATTERN)) {
    const key = unit as Unit;
    if (seen.has(key)) throw new DurationError(`'${value}' names the unit '${key}' twice`);
    seen.add(key);
    seconds += Number(amount) * UNIT_SECONDS[key];
  }
  return checkedSeconds(seconds, value);
}

function checkedSeconds(seconds: number, original: string): number {
  // Keycloak stores durations as Java ints.
  if (!Number.isSafeInteger(seconds) || seconds > 2_147_483_647) {
    throw new DurationError(`'${original}' is longer than Keycloak can store (about 68 years)`);
  }
  return seconds;
}

/**
 * Seconds in a duration a user gave (a baseline key, a component argument). A bad one is the
 * InputError every input path reports: '<what>: <why>' at `location`, with DURATION_HINT.
 */
export function durationInput(value: string | number, what: string, location: InputErrorLocation): number {
  try {
    return parseDuration(value);
  } catch (error) {
    if (error instanceof DurationError) throw new InputError(`${what}: ${error.message}`, location, DURATION_HINT);
    throw error;
  }
}

/** True when parseDuration would accept the value. */
export function isDuration(value: unknown): value is string | number {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  try {
    parseDuration(value);
    return true;
  } catch {
    return false;
  }
}

/** The shortest exact form in one unit: 300 → '5m', 5400 → '90m', 86400 → '1d', 61 → '61s'. */
export function formatDuration(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw new DurationError(`'${seconds}' is not a whole, non-negative number of seconds`);
  if (seconds === 0) return '0s';
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit];
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Keycloak keeps durations in Java ints: more seconds than this cannot be stored or imported. */
export const KEYCLOAK_MAX_SECONDS = 2_147_483_647;

/**
 * What Keycloak does with a zero-or-negative value of a duration field, read from its sources
 * (Keycloak 26: TokenManager.getTokenExpiration, SessionExpirationUtils):
 * - 'session-max': -1 makes access tokens live as long as the SSO session (ssoSessionMaxLifespan,
 *   or its remember-me value); any other negative value is added to the current time, so the
 *   tokens are issued already expired.
 * - 'default': zero or less is "not set"; Keycloak uses its built-in default.
 * - 'fallback': zero or less is "not set"; the realm's or SSO session's value applies.
 * - 'unknown': realmguard knows no Keycloak meaning for a negative value.
 */
export type NonPositiveMeaning = 'session-max' | 'default' | 'fallback' | 'unknown';

/** Realm fields (seconds) and what a negative value means to Keycloak: the realm field table's `negative` column. */
export const REALM_DURATION_FIELDS: Readonly<Record<string, NonPositiveMeaning>> = Object.fromEntries(
  rowsOf(REALM_FIELDS).flatMap(([field, row]) => (row.negative ? [[field, row.negative]] : [])),
);

/** Client attributes (seconds, written as text) and what a negative value means to Keycloak. */
export const CLIENT_DURATION_ATTRIBUTES: Readonly<Record<string, NonPositiveMeaning>> = {
  'access.token.lifespan': 'session-max',
  'client.session.idle.timeout': 'fallback',
  'client.session.max.lifespan': 'fallback',
  'client.offline.session.idle.timeout': 'fallback',
  'client.offline.session.max.lifespan': 'fallback',
};

/**
 * Why Keycloak would read `seconds` otherwise than it looks, or undefined when it is an ordinary
 * duration: a negative value (with Keycloak's meaning of it) or more than a Java int holds.
 */
export function keycloakDurationProblem(
  seconds: number,
  meaning: NonPositiveMeaning,
): { message: string; hint: string } | undefined {
  if (seconds > KEYCLOAK_MAX_SECONDS) {
    return {
      message: `${seconds} seconds is more than Keycloak can store (${KEYCLOAK_MAX_SECONDS}, about 68 years)`,
      hint: 'write the duration in seconds, at most 2147483647',
    };
  }
  if (seconds >= 0) return undefined;
  switch (meaning) {
    case 'session-max':
      return seconds === -1
        ? {
            message: '-1 makes Keycloak issue tokens that live as long as the SSO session (ssoSessionMaxLifespan)',
            hint: 'write the lifespan you mean in seconds (e.g. 300)',
          }
        : {
            message: `${seconds} makes Keycloak issue tokens that are already expired (it adds the value to the current time)`,
            hint: 'write the lifespan in seconds (e.g. 300)',
          };
    case 'default':
      return {
        message: `${seconds} is "not set" to Keycloak (zero or less): it uses its built-in default instead`,
        hint: 'write 0 for "not set", or the duration in seconds',
      };
    case 'fallback':
      return {
        message: `${seconds} is "not set" to Keycloak (zero or less): the realm's or SSO session's value applies instead`,
        hint: 'write 0 for "not set", or the duration in seconds',
      };
    case 'unknown':
      return {
        message: `${seconds}: a negative duration has no meaning realmguard knows of in Keycloak`,
        hint: 'write a duration of 0 seconds or more',
      };
  }
}
