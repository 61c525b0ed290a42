/**
 * Loads realms from a file of any supported kind: a baseline (YAML; one realm), or a Keycloak
 * realm export in JSON or YAML (one realm object or a list of them — `kc.sh export`, the admin
 * console's partial export, keycloak-config-cli files). Every problem is an InputError (one) or
 * InputErrors (all the problems found in the file).
 */
import type { LoadedRealm } from './realm-settings.ts';
import { baselineFromParsed } from './baseline/load-baseline.ts';
import { exportFromParsed } from './export/load-export.ts';
import { detectKind } from './detect-kind.ts';
import { parseText } from './source/parse-text.ts';
import { readTextFile } from './source/read-file.ts';

export { detectKind, type InputKind } from './detect-kind.ts';

export async function loadRealmFile(path: string): Promise<LoadedRealm[]> {
  return loadRealmText(await readTextFile(path), path);
}

export function loadRealmText(text: string, file: string): LoadedRealm[] {
  const parsed = parseText(text, file);
  return detectKind(parsed) === 'baseline' ? [baselineFromParsed(parsed)] : exportFromParsed(parsed);
}
