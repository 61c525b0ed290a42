/**
 * The shapes the actions expect from the admin API, checked before use. A 200 with the wrong
 * shape (an object where a list belongs, a list of strings) once surfaced as
 * "found.find is not a function"; now it is one line naming the endpoint and what came back.
 * Only what the actions read is checked: Keycloak adds fields between versions.
 */
import { IncidentError } from './errors.ts';
import { describe, type RequestSpec } from './request-spec.ts';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'an empty body';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function wrongShape(spec: Pick<RequestSpec, 'method' | 'path'>, expected: string, got: string): IncidentError {
  return new IncidentError(
    'bad-answer',
    `${describe(spec)} answered ${got}, not ${expected} — is the server a Keycloak 26, and KEYCLOAK_URL its root?`,
  );
}

/** An object (a representation). */
export function expectRecord(
  spec: Pick<RequestSpec, 'method' | 'path'>,
  body: unknown,
  what = 'an object',
): JsonRecord {
  if (!isRecord(body)) throw wrongShape(spec, what, kindOf(body));
  return body;
}

/** A list of objects (a listing). */
export function expectRecords(
  spec: Pick<RequestSpec, 'method' | 'path'>,
  body: unknown,
  what = 'a list of objects',
): JsonRecord[] {
  if (!Array.isArray(body)) throw wrongShape(spec, what, kindOf(body));
  const bad = body.findIndex((item) => !isRecord(item));
  if (bad >= 0) throw wrongShape(spec, what, `a list whose item ${bad} is ${kindOf(body[bad])}`);
  return body as JsonRecord[];
}

/** A field that must be a string when present. */
export function optionalString(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** Requires the string fields named, e.g. id and username of a user. */
export function withStrings<K extends string>(
  spec: Pick<RequestSpec, 'method' | 'path'>,
  record: JsonRecord,
  keys: readonly K[],
  what: string,
): JsonRecord & Record<K, string> {
  for (const key of keys) {
    if (typeof record[key] !== 'string')
      throw wrongShape(spec, what, `an object whose '${key}' is ${kindOf(record[key])}`);
  }
  return record as JsonRecord & Record<K, string>;
}
