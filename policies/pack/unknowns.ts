/**
 * Values unknown during `pulumi preview` (an output of a resource not created yet). The policy
 * SDK hands policies a proxy that throws on reading one; we read the raw inputs instead, find
 * the unknowns, and judge the resource under many stand-in values (see `instantiations`): a
 * violation is reported only when it holds under all of them, so an unknown never crashes a
 * policy and never produces a false violation.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The SDK's sentinels (the engine sends the string one on the wire; the others are typed variants). */
const proxy = require('@pulumi/policy/proxy.js') as Record<string, unknown>;
const SENTINELS = new Set(
  [
    'unknownBooleanValue',
    'unknownNumberValue',
    'unknownStringValue',
    'unknownArrayValue',
    'unknownAssetValue',
    'unknownArchiveValue',
    'unknownObjectValue',
  ]
    .map((name) => proxy[name])
    .filter((value): value is string => typeof value === 'string'),
);

export function isUnknown(value: unknown): boolean {
  return typeof value === 'string' && SENTINELS.has(value);
}

/** The plain inputs behind the SDK's unknown-checking proxy (or the object itself). */
export function rawProps(props: Record<string, unknown>): Record<string, unknown> {
  const target = props.__getSpecialProxyTarget;
  return typeof target === 'object' && target !== null ? (target as Record<string, unknown>) : props;
}

export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

const REMOVE = Symbol('remove');

/**
 * An object of unknown shape: every property is again such an object. It stands for an unknown
 * block (a whole `securityDefenses`), which may hold settings that a missing block would not.
 */
const OPEN_OBJECT: object = new Proxy(
  {},
  { get: (_target, key) => (typeof key === 'symbol' || key === 'then' || key === 'toJSON' ? undefined : OPEN_OBJECT) },
);

/**
 * Stand-ins of every type and for the enumerations the provider uses: absent, both booleans,
 * both ends of the number line, the strings that flip each rule (durations, ssl modes, access
 * types, PKCE methods, algorithms, an execution's requirement and authenticator, a mapper's sync mode), and lists.
 * Each instantiation uses one of them for every unknown at once.
 */
const PROBES: readonly unknown[] = [
  REMOVE,
  true,
  false,
  0,
  1_000_000_000,
  '',
  '0s',
  '100000h0m0s',
  'all',
  'none',
  'external',
  'PUBLIC',
  'CONFIDENTIAL',
  'BEARER-ONLY',
  'S256',
  'plain',
  'PS256',
  'HS256',
  'RSA1_5',
  'P-256',
  'REQUIRED',
  'auth-otp-form',
  'FORCE',
  '*',
  ['*'],
  [],
  OPEN_OBJECT,
];

/** Whether a value is the stand-in for an unknown block (see OPEN_OBJECT). */
export function isOpenObject(value: unknown): boolean {
  return value === OPEN_OBJECT;
}

/**
 * A string map read from an unknown block (a whole `extraConfig`): the keys it was built with,
 * and any other key reads as a value no rule recognises. Judged against the copy where the block
 * is absent, a finding about such a key then sees two values and is dropped as a guess.
 */
export function openStringMap(known: Record<string, string>): Record<string, string> {
  return new Proxy(known, {
    get: (target, key): string | undefined =>
      typeof key === 'symbol' ? undefined : Object.hasOwn(target, key) ? target[key] : 'unknown until apply',
  });
}

/** Replaces every unknown with `probe` (removing the key for REMOVE). */
function substitute(value: unknown, probe: unknown): unknown {
  if (isUnknown(value)) return probe;
  if (Array.isArray(value)) return value.map((item) => substitute(item, probe)).filter((item) => item !== REMOVE);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const replaced = substitute(item, probe);
      if (replaced !== REMOVE) out[key] = replaced;
    }
    return out;
  }
  return value;
}

/**
 * The inputs to judge: the inputs themselves when all are known, else one copy per stand-in.
 * `identity` keys (names, ids) get a fixed stand-in so findings line up across copies.
 */
export function instantiations(
  props: Record<string, unknown>,
  identity: Record<string, string> = {},
): Array<Record<string, unknown>> {
  const fixed: Record<string, unknown> = { ...props };
  for (const [key, standIn] of Object.entries(identity)) if (isUnknown(fixed[key])) fixed[key] = standIn;
  if (!containsUnknown(fixed)) return [fixed];
  return PROBES.map((probe) => substitute(fixed, probe) as Record<string, unknown>);
}
