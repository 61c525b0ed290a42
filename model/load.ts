/**
 * Loads realms from a file of any supported kind: a baseline (YAML; one realm), or a Keycloak
 * realm export in JSON or YAML (one realm object or a list of them — `kc.sh export`, the admin
 * console's partial export, keycloak-config-cli files). Every problem is an InputError (one) or
 * InputErrors (all the problems found in the file).
 */
import type { LoadedRealm } from './realm-settings.ts';
import { baselineFromParsed } from './baseline/load-baseline.ts';
import { BASELINE_KEYS, BASELINE_ONLY_KEYS } from './baseline/schema.ts';
import { exportFromParsed } from './export/load-export.ts';
import { REALM_REPRESENTATION_KEYS } from './keycloak-catalog.ts';
import { parseText, type ParsedText } from './source/parse-text.ts';
import { readTextFile } from './source/read-file.ts';

export type InputKind = 'baseline' | 'realm-export';

export async function loadRealmFile(path: string): Promise<LoadedRealm[]> {
  return loadRealmText(await readTextFile(path), path);
}

export function loadRealmText(text: string, file: string): LoadedRealm[] {
  const parsed = parseText(text, file);
  return detectKind(parsed) === 'baseline' ? [baselineFromParsed(parsed)] : exportFromParsed(parsed);
}

/**
 * Baseline or realm export? A list is an export (several realms). A mapping with a key only
 * baselines have (profile, tokens, sessions, security, events, keys, tokenVersionClaim) is a
 * baseline; one with a RealmRepresentation key baselines do not have (id, accessTokenLifespan,
 * components, ...) is an export. Anything else follows the file format: JSON is an export, YAML
 * a baseline — so a YAML baseline with a misspelt key gets "unknown key, did you mean".
 */
export function detectKind(parsed: ParsedText): InputKind {
  const { value } = parsed;
  if (Array.isArray(value)) return 'realm-export';
  if (value === null || typeof value !== 'object') return parsed.format === 'json' ? 'realm-export' : 'baseline';
  const keys = Object.keys(value);
  if (keys.some((key) => BASELINE_ONLY_KEYS.includes(key))) return 'baseline';
  if (keys.some((key) => !BASELINE_KEYS.includes(key) && REALM_REPRESENTATION_KEYS.has(key))) return 'realm-export';
  return parsed.format === 'json' ? 'realm-export' : 'baseline';
}
