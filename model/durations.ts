/**
 * Human durations for baselines: '90s', '5m', '10h', '30d', '2w', compounds such as '1h30m',
 * or a whole number of seconds. Keycloak keeps durations in seconds, and so does the model.
 */

const UNIT_SECONDS = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;

/** One or more <digits><unit> parts, largest unit first is not enforced but each unit once. */
const DURATION_PATTERN = /^(?:\d+[wdhms])+$/;
const PART_PATTERN = /(\d+)([wdhms])/g;

/** Why a duration was rejected, for InputError messages. */
export class DurationError extends Error {
  override name = 'DurationError';
}

export const DURATION_HINT = "write whole seconds (300) or a number with a unit: s, m, h, d, w (e.g. 5m, 10h, 30d, 1h30m)";

/**
 * Seconds in a duration. Accepts a non-negative integer (seconds), a string of digits
 * (seconds), or a string of <number><unit> parts. Throws DurationError otherwise.
 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new DurationError(`'${value}' is not a whole, non-negative number of seconds`);
    }
    return value;
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
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new DurationError(`'${seconds}' is not a whole, non-negative number of seconds`);
  if (seconds === 0) return '0s';
  for (const unit of ['w', 'd', 'h', 'm'] as const) {
    const size = UNIT_SECONDS[unit];
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
