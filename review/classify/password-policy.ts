/**
 * Keycloak's password policy string ('length(12) and notUsername() and hashIterations(210000)')
 * compared term by term, so a review says "length 12 → 8 weakens" rather than "policy changed".
 */
import type { Verdict } from '../change.ts';
import { compareNumbers, neutralVerdict, strengthens, weakens, type FieldChange, type FieldDiffer } from './differ.ts';

/** Terms whose number is a strength: more is stricter (NIST SP 800-63B-4, ASVS 6.2). */
const HIGHER_IS_STRICTER = new Set([
  'length',
  'hashIterations',
  'passwordHistory',
  'notRecentlyUsed',
  'digits',
  'lowerCase',
  'upperCase',
  'specialChars',
]);

/** Terms that restrict nothing an attacker gains from, or that NIST advises against: neutral. */
const NEUTRAL_TERMS = new Set(['maxLength', 'forceExpiredPasswordChange', 'hashAlgorithm', 'maxAuthAge']);

/** term name → its argument ('' for terms without one). */
export function parsePasswordPolicy(policy: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const part of policy.split(/\s+and\s+/)) {
    const match = /^\s*([A-Za-z][\w-]*)\s*(?:\((.*)\))?\s*$/.exec(part);
    if (match?.[1]) terms.set(match[1], match[2]?.trim() ?? '');
  }
  return terms;
}

function classifyTerm(term: string, before: string | undefined, after: string | undefined): Verdict {
  if (NEUTRAL_TERMS.has(term)) return neutralVerdict(`${term} is not a strength requirement`);
  if (before === undefined) return strengthens(`password policy requires ${term}`);
  if (after === undefined) return weakens(`password policy no longer requires ${term}`);
  const from = Number(before);
  const to = Number(after);
  if (HIGHER_IS_STRICTER.has(term) && Number.isFinite(from) && Number.isFinite(to)) {
    return compareNumbers(from, to, 'higher', `weaker password requirement (${term})`);
  }
  return neutralVerdict(`${term} changed`);
}

export const passwordPolicy: FieldDiffer<string | undefined> = (before, after) => {
  if (before === undefined || after === undefined || before === after) return [];
  const old = parsePasswordPolicy(before);
  const now = parsePasswordPolicy(after);
  const changes: FieldChange[] = [];
  for (const term of new Set([...old.keys(), ...now.keys()])) {
    const from = old.get(term);
    const to = now.get(term);
    if (from === to) continue;
    changes.push({
      subPath: [term],
      before: from ?? undefined,
      after: to ?? undefined,
      ...classifyTerm(term, from, to),
    });
  }
  return changes;
};
