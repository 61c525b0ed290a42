/**
 * Narrowing for resource inputs: what a policy pack sees may be missing, unknown (a preview's
 * computed value) or of another type, so every reader takes `unknown` and answers undefined
 * rather than guess.
 */
import type { FieldKind } from '../fields/field-row.ts';

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
export function bool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
export function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value] : undefined;
}
export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The string entries of a map input (an `extraConfig`), others left out. */
export function stringEntries(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(record(value) ?? {})) if (typeof item === 'string') out[key] = item;
  return out;
}

/** The input as a value of the field's kind, or undefined. */
export function ofKind(kind: FieldKind, value: unknown): unknown {
  switch (kind) {
    case 'seconds':
    case 'milliseconds':
    case 'count':
    case 'timestamp':
      return num(value);
    case 'boolean':
      return bool(value);
    case 'text':
    case 'ssl':
      return str(value);
    case 'text-list':
      return strings(value);
    case 'text-map':
      return record(value);
  }
}
