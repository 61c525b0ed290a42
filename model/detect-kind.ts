/** Tells a baseline from a Keycloak realm export, from the parsed document alone. */
import { BASELINE_KEYS, BASELINE_ONLY_KEYS } from './baseline/schema.ts';
import { REALM_REPRESENTATION_KEYS } from './keycloak-catalog.ts';
import type { ParsedText } from './source/parse-text.ts';

export type InputKind = 'baseline' | 'realm-export';

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
