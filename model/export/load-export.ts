/**
 * Realm-export documents → model: one RealmRepresentation object, or a list of them (several
 * realms in one file). Types are checked against the export schema, with every problem of the
 * file reported at once.
 */
import { InputError, inputProblemsOf, throwIfAny } from '../errors.ts';
import type { LoadedRealm } from '../realm-settings.ts';
import type { ParsedText } from '../source/parse-text.ts';
import { schemaValidator, type SchemaValidator } from '../source/validate-schema.ts';
import { RealmRepresentationSchema } from './schema.ts';
import { representationToRealm } from './to-settings.ts';
import { durationProblems } from './check-durations.ts';
import { checkExportConstraints } from '../constraints/index.ts';

const validator: SchemaValidator<typeof RealmRepresentationSchema> = schemaValidator(RealmRepresentationSchema);

export function exportFromParsed(parsed: ParsedText): LoadedRealm[] {
  const { value } = parsed;
  const realms = Array.isArray(value) ? value : [value];
  if (realms.length === 0) {
    throw new InputError(
      'the file is an empty list: no realm in it',
      { file: parsed.file, line: 1, column: 1 },
      'pass a realm export (one realm object or a list of them)',
    );
  }
  const errors: InputError[] = [];
  const loaded: LoadedRealm[] = [];
  const names = new Map<string, number>();
  realms.forEach((realm: unknown, index) => {
    const base = Array.isArray(value) ? [index] : [];
    try {
      if (realm === null || typeof realm !== 'object' || Array.isArray(realm)) {
        const position = parsed.positions.nearest(base);
        throw new InputError(
          `expected a realm object, got ${Array.isArray(realm) ? 'a list' : realm === null ? 'null' : typeof realm}`,
          { file: parsed.file, ...(position ?? {}), ...(base.length ? { keyPath: `[${index}]` } : {}) },
          'a realm export is a RealmRepresentation object with at least "realm"',
        );
      }
      validator.check(parsed, realm, base);
      throwIfAny(durationProblems(realm, parsed, base), { asList: true });
      const first = names.get(realm.realm);
      if (first !== undefined) {
        const position = parsed.positions.nearest([...base, 'realm']);
        throw new InputError(
          `realm '${realm.realm}' appears twice (first as item ${first})`,
          { file: parsed.file, ...(position ?? {}), keyPath: `[${index}].realm` },
          'keep one per realm name',
        );
      }
      names.set(realm.realm, index);
      const adapted = representationToRealm(realm, { kind: 'realm-export', origin: parsed.file, parsed, base });
      checkExportConstraints(adapted, realm, parsed, base); // what Keycloak would refuse to import
      loaded.push(adapted);
    } catch (error) {
      errors.push(...inputProblemsOf(error));
    }
  });
  throwIfAny(errors, { asList: true });
  return loaded;
}
