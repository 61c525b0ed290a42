/**
 * How much the fuzz suite runs. CI (`npm run test:unit`): a fixed seed and the counts of BUDGET,
 * so a failure reproduces and the suite stays within a few tens of seconds. `npm run fuzz`
 * (REALMGUARD_FUZZ=long): every count times REALMGUARD_FUZZ_SCALE (default 20) and a random
 * seed, printed so a failure can be replayed with REALMGUARD_FUZZ_SEED=<seed> npm run fuzz.
 */
import type { Parameters } from 'fast-check';

export const LONG = process.env.REALMGUARD_FUZZ === 'long';
const SCALE = LONG ? Number(process.env.REALMGUARD_FUZZ_SCALE ?? 20) : 1;
const FIXED_SEED = 20_261_130;

export const SEED = process.env.REALMGUARD_FUZZ_SEED
  ? Number(process.env.REALMGUARD_FUZZ_SEED)
  : LONG
    ? Math.floor(Math.random() * 2 ** 31)
    : FIXED_SEED;

/** Cases per property in the CI run; the meta test checks they add up to at least 100,000. */
export const BUDGET = {
  'visible: any text': 30_000,
  'safeJson: any value': 5_000,
  'parse: any text, JSON or YAML': 20_000,
  'parse: hostile structures': 4_000,
  'load: mutated examples': 2_000,
  'load: generated documents': 2_500,
  'config: any text': 8_000,
  'config: generated configs': 6_000,
  'journal: damaged journals': 2_000,
  'live: admin-API answers': 5_000,
  'durations: any value': 20_000,
  'formats: hostile findings': 2_000,
  'cli: files through main()': 800,
  'cli: arguments through main()': 2_000,
} as const satisfies Record<string, number>;

export type FuzzTarget = keyof typeof BUDGET;

/** fast-check parameters of one property: its count, the seed, no shrinking time limit in CI. */
export function fuzz<T>(target: FuzzTarget): Parameters<T> {
  // The replacement plugin (fc.interruptAfterTimeLimit) passes a property interrupted before its
  // first run, where this option fails it, and its Plugin<unknown> type does not fit Parameters<T>.
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  return { numRuns: BUDGET[target] * SCALE, seed: SEED, ...(LONG && { interruptAfterTimeLimit: 30 * 60_000 }) };
}

/** A vitest timeout that grows with the scale. */
export function timeout(ciMilliseconds: number): number {
  return ciMilliseconds * SCALE;
}

if (LONG)
  process.stderr.write(
    `realmguard fuzz: seed ${SEED}, ${SCALE}× the CI counts (replay: REALMGUARD_FUZZ_SEED=${SEED} npm run fuzz)\n`,
  );

let calls = 0;

/**
 * Lets the event loop run every 100 cases. A synchronous property that runs for a minute blocks
 * the vitest worker, whose progress messages then time out ("Timeout calling onTaskUpdate", an
 * unhandled error that fails the run although every test passed).
 */
export async function breathe(): Promise<void> {
  if (++calls % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
}
