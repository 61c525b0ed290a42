/**
 * The string formats the input schemas use, in one place: validate-schema.ts adds them to ajv
 * when it compiles a schema from the sources, and the validators precompiled by `npm run build`
 * require this module (compiled) for the same definitions.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Format } from 'ajv';
import { isDuration } from '../durations.ts';

/** Ajv format name of a human duration ('5m', '10h', '30d' or whole seconds). */
export const DURATION_FORMAT = 'realmguard-duration';

export const SCHEMA_FORMATS: Readonly<Record<string, Format>> = {
  date: fullFormats.date,
  uri: fullFormats.uri,
  [DURATION_FORMAT]: { type: 'string', validate: (value: string) => isDuration(value) },
};
