/**
 * Validates a parsed document against a JSON Schema (written once with TypeBox) through ajv,
 * and turns every violation into an InputError with the file position and key path, plus
 * "did you mean" for unknown keys and values. All problems of a document are reported at once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject } from 'ajv';
import type { Static, TSchema } from '@sinclair/typebox';
import { InputError, InputErrors } from '../errors.ts';
import { DURATION_HINT } from '../durations.ts';
import { formatDocPath, type DocPath } from './doc-positions.ts';
import type { ParsedText } from './parse-text.ts';
import { DURATION_FORMAT, SCHEMA_FORMATS } from './schema-formats.ts';
import { suggest } from './suggest.ts';

export { DURATION_FORMAT } from './schema-formats.ts';

const require = createRequire(import.meta.url);

/** A compiled validator, whether ajv compiled it now or `npm run build` generated its code. */
type CompiledValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The ajv options every validator is compiled with, here and at build time (verbose: the messages read parentSchema). */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

/** Identifies a schema by its content, so the build and the run agree on which validator is whose. */
export function schemaKey(schema: TSchema): string {
  return `schema_${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16)}`;
}

/** The file `npm run build` writes next to this one in dist/: ajv standalone code, one export per schemaKey. */
export const PRECOMPILED_FILE = 'precompiled-validators.cjs';

type Validators = Readonly<Record<string, CompiledValidator>>;

let precompiled: Validators | undefined;
let loadPrecompiled: () => Validators = readNextToThisModule;

/**
 * Says how to read the build's standalone validators (the command's bundle does, before it runs,
 * as its chunks do not sit next to the file): read on the first schema check, and a schema among
 * them is never compiled at run time.
 */
export function usePrecompiledValidators(load: () => Validators): void {
  loadPrecompiled = load;
  precompiled = undefined;
}

function precompiledValidators(): Validators {
  precompiled ??= loadPrecompiled();
  return precompiled;
}

/**
 * The file the build wrote next to this module (the compiled library in dist/, whichever entry
 * point imported it). The sources have none: ajv then compiles a schema on its first use.
 */
function readNextToThisModule(): Validators {
  const file = fileURLToPath(new URL(PRECOMPILED_FILE, import.meta.url));
  return existsSync(file) ? (require(file) as Validators) : {};
}

/** ajv itself, loaded only when a schema has no precompiled validator (the sources, under tsx or vitest). */
export function createAjv(options: Record<string, unknown> = {}): Ajv {
  const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

let sharedAjv: Ajv | undefined;

function compiledValidator(schema: TSchema): CompiledValidator {
  const built = precompiledValidators()[schemaKey(schema)];
  if (built) return built;
  sharedAjv ??= createAjv();
  return sharedAjv.compile(schema);
}

export interface SchemaValidator<S extends TSchema> {
  /** Throws InputErrors (all violations) unless `value` matches; `path` is where value sits in the document. */
  check(parsed: ParsedText, value: unknown, path?: DocPath): asserts value is Static<S>;
}

export function schemaValidator<S extends TSchema>(schema: S): SchemaValidator<S> {
  let validate: CompiledValidator | undefined;
  return {
    check(parsed, value, path = []): asserts value is Static<S> {
      validate ??= compiledValidator(schema);
      if (validate(value)) return;
      const errors = (validate.errors ?? []).map((error) => toInputError(error, parsed, path));
      throw new InputErrors(sortByPosition(dedupe(errors)));
    },
  };
}

function docPath(base: DocPath, instancePath: string): (string | number)[] {
  const parts =
    instancePath === ''
      ? []
      : instancePath
          .slice(1)
          .split('/')
          .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [...base, ...parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
}

function where(parsed: ParsedText, path: DocPath): { file: string; line?: number; column?: number; keyPath?: string } {
  const position = parsed.positions.nearest(path);
  return { file: parsed.file, ...(position ?? {}), ...(path.length > 0 ? { keyPath: formatDocPath(path) } : {}) };
}

/**
 * Keys under which realm exports carry secrets (key providers' private keys and HMAC/AES secrets,
 * keystore passwords, client secrets, the client attribute client.secret.rotated): a value found
 * there is never repeated in a message. secretSize and passwordPolicy hold no secret.
 */
const SECRET_KEY = /secret(?!size)|privatekey|password$/i;

function describe(value: unknown, path: readonly (string | number)[]): string {
  if (path.some((segment) => typeof segment === 'string' && SECRET_KEY.test(segment))) {
    return `${typeof value === 'string' ? 'text' : Array.isArray(value) ? 'a list' : 'a value'} (not shown: a secret)`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text '${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  // What is left: numbers (YAML also gives NaN and Infinity), booleans, undefined.
  const scalar = value as number | boolean | undefined;
  return `${typeof value} ${String(scalar)}`;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'nothing',
};

function schemaOf(error: ErrorObject): Record<string, unknown> {
  return error.parentSchema ?? {};
}

function toInputError(error: ErrorObject, parsed: ParsedText, base: DocPath): InputError {
  const path = docPath(base, error.instancePath);
  const schema = schemaOf(error);
  const isDurationField = schema.format === DURATION_FORMAT;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(schema.properties ?? {});
      const guess = suggest(key, allowed);
      const hint = guess ? `did you mean '${guess}'?` : `allowed here: ${allowed.join(', ')}`;
      return new InputError(`unknown key '${key}'`, where(parsed, [...path, key]), hint);
    }
    case 'required': {
      const key = (error.params as { missingProperty: string }).missingProperty;
      return new InputError(`missing required key '${key}'`, where(parsed, path), `add '${key}:' here`);
    }
    case 'type': {
      const expected = ([] as string[])
        .concat(schema.type as string | string[])
        .map((type) => TYPE_WORDS[type] ?? type);
      if (isDurationField) {
        return new InputError(
          `expected a duration, got ${describe(error.data, path)}`,
          where(parsed, path),
          DURATION_HINT,
        );
      }
      return new InputError(
        `expected ${expected.join(' or ')}, got ${describe(error.data, path)}`,
        where(parsed, path),
        typeHint(schema),
      );
    }
    case 'format': {
      if (isDurationField) {
        return new InputError(`bad duration ${quote(error.data)}`, where(parsed, path), DURATION_HINT);
      }
      const format = (error.params as { format: string }).format;
      const formatHint = format === 'date' ? 'write a date as YYYY-MM-DD, e.g. 2026-11-01' : `write a valid ${format}`;
      return new InputError(`${describe(error.data, path)} is not a valid ${format}`, where(parsed, path), formatHint);
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map(String);
      const guess = typeof error.data === 'string' ? suggest(error.data, allowed) : undefined;
      const shown =
        allowed.length > 12
          ? `${allowed.slice(0, 12).join(', ')}, … (see docs/baseline-format.md)`
          : allowed.join(', ');
      return new InputError(
        `${describe(error.data, path)} is not allowed here`,
        where(parsed, path),
        guess ? `did you mean '${guess}'? (allowed: ${shown})` : `use one of: ${shown}`,
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = (error.params as { limit: number }).limit;
      if (isDurationField && error.keyword === 'minimum') {
        return new InputError(`bad duration ${quote(error.data)}`, where(parsed, path), DURATION_HINT);
      }
      return new InputError(
        `${describe(error.data, path)} ${error.message ?? 'is out of range'}`,
        where(parsed, path),
        `use a value ${error.keyword.includes('min') ? 'of at least' : 'of at most'} ${limit}`,
      );
    }
    case 'minLength':
      return new InputError('must not be empty', where(parsed, path), 'write a value or remove the key');
    case 'minItems':
      return new InputError(
        `needs at least ${(error.params as { limit: number }).limit} item(s)`,
        where(parsed, path),
        'add an item or remove the key',
      );
    case 'uniqueItems':
      return new InputError('lists the same value twice', where(parsed, path), 'remove the duplicate');
    case 'pattern':
      return new InputError(
        `${describe(error.data, path)} does not have the expected form`,
        where(parsed, path),
        typeof schema.description === 'string'
          ? schema.description
          : `match ${(error.params as { pattern: string }).pattern}`,
      );
    default:
      return new InputError(
        error.message ?? `is invalid (${error.keyword})`,
        where(parsed, path),
        typeof schema.description === 'string' ? schema.description : undefined,
      );
  }
}

function typeHint(schema: Record<string, unknown>): string | undefined {
  if (schema.type === 'boolean') return 'write true or false (not yes/no, not quoted)';
  if (schema.type === 'array') return 'write a list, e.g. [a, b] or one "- item" per line';
  if (schema.type === 'integer') return 'write a whole number without quotes';
  if (schema.type === 'string') return 'write text; quote values that YAML would read otherwise, e.g. "true" or "300"';
  if (typeof schema.description === 'string') return schema.description;
  return undefined;
}

function dedupe(errors: InputError[]): InputError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = error.format();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortByPosition(errors: InputError[]): InputError[] {
  return [...errors].sort(
    (a, b) => (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0),
  );
}
