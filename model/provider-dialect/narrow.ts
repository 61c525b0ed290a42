/**
 * Narrowing of resource inputs: what a policy pack sees may be missing, unknown (a value not
 * known until apply) or of another type, and the dialect's readers never guess.
 */

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
