/**
 * Durations of a realm export that Keycloak reads otherwise than they look: negative values
 * (-1 is "as long as the SSO session" for access tokens, "not set" for session timeouts, and
 * nothing known elsewhere) and values beyond a Java int. Each is an InputError at its position
 * that says what Keycloak would do, so `validate` flags it and `check` does not judge a realm by
 * a number that does not mean what the rules assume. Keycloak itself never writes a negative
 * duration in an export (it writes 0 for "not set").
 */
import { InputError } from '../errors.ts';
import { CLIENT_DURATION_ATTRIBUTES, keycloakDurationProblem, REALM_DURATION_FIELDS } from '../durations.ts';
import type { DocPath } from '../source/doc-positions.ts';
import { locate, type ParsedText } from '../source/parse-text.ts';
import type { RealmRepresentation } from './schema.ts';

/** Read once: the entries of a constant table, not a new list of them per client. */
const CLIENT_DURATION_ENTRIES = Object.entries(CLIENT_DURATION_ATTRIBUTES);

export function durationProblems(realm: RealmRepresentation, parsed: ParsedText, base: DocPath): InputError[] {
  const problems: InputError[] = [];
  const fields = realm as unknown as Record<string, unknown>;
  for (const [field, meaning] of Object.entries(REALM_DURATION_FIELDS)) {
    const value = fields[field];
    if (typeof value !== 'number') continue;
    const problem = keycloakDurationProblem(value, meaning);
    if (problem) problems.push(new InputError(problem.message, locate(parsed, [...base, field]), problem.hint));
  }
  (realm.clients ?? []).forEach((client, index) => {
    for (const [attribute, meaning] of CLIENT_DURATION_ENTRIES) {
      const raw = client.attributes?.[attribute];
      // Attributes are text; keycloak-config-cli files may hold numbers. Only whole numbers are judged here.
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
      if (!/^-?\d+$/.test(text)) continue;
      const problem = keycloakDurationProblem(Number(text), meaning);
      if (problem) {
        problems.push(
          new InputError(
            problem.message,
            locate(parsed, [...base, 'clients', index, 'attributes', attribute]),
            problem.hint,
          ),
        );
      }
    }
  });
  return problems;
}
