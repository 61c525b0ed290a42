/**
 * Go's time.Duration text, which the Pulumi Keycloak provider (a bridged Terraform provider)
 * uses for realm durations. The provider writes what it reads back with Go's
 * `(time.Duration(seconds) * time.Second).String()` ("5m0s", "1h0m0s", "720h0m0s") and parses
 * what it is given with `time.ParseDuration`, truncating to whole seconds. Emitting the exact
 * form it reads back keeps `pulumi preview` free of perpetual diffs.
 */

/** Go's Duration.String() for a whole number of seconds: 0 → "0s", 300 → "5m0s", 3600 → "1h0m0s". */
export function goDurationFromSeconds(seconds: number): string {
  if (!Number.isSafeInteger(seconds)) throw new RangeError(`${seconds} is not a whole number of seconds`);
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const hours = Math.floor(rest / 3_600);
  rest -= hours * 3_600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  if (hours > 0) return `${sign}${hours}h${minutes}m${secs}s`;
  if (minutes > 0) return `${sign}${minutes}m${secs}s`;
  return `${sign}${secs}s`;
}

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3_600,
};

const WHOLE = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/**
 * Whole seconds in a Go duration string, as the provider computes them (`int(d.Seconds())`,
 * truncating toward zero). Undefined for anything Go's ParseDuration would reject; "0" is
 * accepted as Go does.
 */
export function secondsFromGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0' || trimmed === '+0' || trimmed === '-0') return 0;
  if (!WHOLE.test(trimmed)) return undefined;
  const negative = trimmed.startsWith('-');
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * (UNIT_SECONDS[unit as string] ?? Number.NaN);
  }
  if (!Number.isFinite(total)) return undefined;
  // Rounding guards against binary fractions such as 0.1h; then Go's truncation.
  const whole = Math.trunc(Math.round(total * 1e6) / 1e6);
  return negative ? -whole : whole;
}
