/** Loads one baseline (YAML, or the same structure in JSON) into the model, filled from its profile. */
import type { LoadedRealm } from '../realm-settings.ts';
import { parseText, type ParsedText } from '../source/parse-text.ts';
import { readTextFile } from '../source/read-file.ts';
import { schemaValidator, type SchemaValidator } from '../source/validate-schema.ts';
import { InputError } from '../errors.ts';
import { detectKind } from '../detect-kind.ts';
import { BaselineSchema } from './schema.ts';
import { baselineToRealm } from './to-settings.ts';
import { checkBaselineConstraints } from '../constraints/index.ts';

const validator: SchemaValidator<typeof BaselineSchema> = schemaValidator(BaselineSchema);

export async function loadBaseline(path: string): Promise<LoadedRealm> {
  return loadBaselineText(await readTextFile(path), path);
}

export function loadBaselineText(text: string, file: string): LoadedRealm {
  return baselineFromParsed(parseText(text, file));
}

/** Validates a parsed document as a baseline and adapts it. */
export function baselineFromParsed(parsed: ParsedText): LoadedRealm {
  const { value } = parsed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(
      `a baseline is a mapping with 'realm:' and its sections, not ${Array.isArray(value) ? 'a list' : `a single ${value === null ? 'null' : typeof value}`}`,
      { file: parsed.file, line: 1, column: 1 },
      'start the file with realm: <name> (see docs/baseline-format.md)',
    );
  }
  if (detectKind(parsed) === 'realm-export') {
    throw new InputError(
      'this is a Keycloak realm export, not a baseline',
      { file: parsed.file, line: 1, column: 1 },
      'load it with loadRealmFile (realmguard check and validate accept both), or write a baseline (docs/baseline-format.md)',
    );
  }
  validator.check(parsed, value);
  const loaded = baselineToRealm(value, parsed);
  // What Keycloak itself would refuse (model/constraints) stops here, before validate, check or pulumi up.
  checkBaselineConstraints(loaded, value, parsed);
  return loaded;
}
