/**
 * The building blocks of the baseline schema (schema.ts, entities-schema.ts): closed objects,
 * one-keyword enums, durations, described booleans and texts.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { DURATION_FORMAT } from '../source/validate-schema.ts';

/** A string from a fixed list: one `enum` keyword, so ajv reports one clear error. */
export function StringEnum<T extends string>(values: readonly T[], description?: string) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}

/** Seconds, or '90s' / '5m' / '10h' / '30d' / '2w' / '1h30m'. */
export function Duration(description: string) {
  return Type.Unsafe<string | number>({
    type: ['integer', 'string'],
    minimum: 0,
    format: DURATION_FORMAT,
    description,
  });
}

export function Closed<T extends Record<string, TSchema>>(properties: T, description?: string) {
  return Type.Object(properties, { additionalProperties: false, ...(description ? { description } : {}) });
}

export const Bool = (description: string) => Type.Boolean({ description });
export const Text = (description: string) => Type.String({ minLength: 1, description });
export const TextList = (description: string) =>
  Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true, description });
