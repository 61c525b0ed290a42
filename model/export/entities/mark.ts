/**
 * What the entity adapters share: the context representationToRealm hands them (the position
 * hook each entity's anchor goes through, and where a problem in the file is reported), and
 * Keycloak's string maps.
 */
import { InputError } from '../../errors.ts';
import type { FieldPath } from '../../realm-settings.ts';
import { formatDocPath, type DocPath } from '../../source/doc-positions.ts';
import type { AdaptOptions } from '../to-settings.ts';

export interface EntityContext {
  /** Records that the model path `modelPath` was read from `docPath` (below the realm) of the file. */
  readonly mark: (modelPath: FieldPath, docPath: DocPath) => void;
  /** Reports a problem at `docPath` (below the realm); the file is reported whole, with the others. */
  readonly fail: (docPath: DocPath, message: string, hint: string) => void;
}

/**
 * Keycloak keeps configs and attributes as strings; keycloak-config-cli files may write YAML
 * booleans or numbers, which Keycloak stores as their text.
 */
export function stringMap(
  values: Readonly<Record<string, string | number | boolean>> | undefined,
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [key, value] of Object.entries(values ?? {})) map[key] = String(value);
  return map;
}

/** The context for one realm of a file: marks go to `mark`, problems to `errors` with file, line and key. */
export function entityContext(
  mark: EntityContext['mark'],
  options: Pick<AdaptOptions, 'parsed' | 'base' | 'origin'>,
  errors: InputError[],
): EntityContext {
  return {
    mark,
    fail: (docPath, message, hint) => {
      const full = [...(options.base ?? []), ...docPath];
      const position = options.parsed?.positions.nearest(full);
      errors.push(
        new InputError(
          message,
          { file: options.parsed?.file ?? options.origin, ...(position ?? {}), keyPath: formatDocPath(full) },
          hint,
        ),
      );
    },
  };
}
