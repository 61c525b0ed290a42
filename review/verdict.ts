/** The one-line verdict on top of a review: what weakens, and which findings the change brings. */
import { SEVERITIES, type Finding, type Severity } from '../policies/finding.ts';
import type { Effect, SettingChange } from './change.ts';

export interface ReviewCounts {
  effects: Record<Effect, number>;
  introduced: Partial<Record<Severity, number>>;
  resolved: number;
}

export function countReview(
  changes: readonly SettingChange[],
  introduced: readonly Finding[],
  resolved: readonly Finding[],
): ReviewCounts {
  const effects: Record<Effect, number> = { weakens: 0, strengthens: 0, neutral: 0 };
  for (const change of changes) effects[change.effect] += 1;
  const bySeverity: Partial<Record<Severity, number>> = {};
  for (const finding of introduced) bySeverity[finding.severity] = (bySeverity[finding.severity] ?? 0) + 1;
  return { effects, introduced: bySeverity, resolved: resolved.length };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "1 high and 2 medium findings" */
function severityList(counts: Partial<Record<Severity, number>>): string {
  const parts = SEVERITIES.filter((severity) => counts[severity]).map((severity) => `${counts[severity]} ${severity}`);
  const total = SEVERITIES.reduce((sum, severity) => sum + (counts[severity] ?? 0), 0);
  const joined = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '0');
  return `${joined} finding${total === 1 ? '' : 's'}`;
}

export function isConcerning(counts: ReviewCounts): boolean {
  return counts.effects.weakens > 0 || Object.values(counts.introduced).some((count) => count > 0);
}

/**
 * "weakens 3 settings, introduces 1 high finding; strengthens 1 setting, resolves 2 findings".
 * The concerning half comes first; an empty review says so.
 */
export function verdictText(counts: ReviewCounts): string {
  const concerns: string[] = [];
  const reliefs: string[] = [];
  if (counts.effects.weakens) concerns.push(`weakens ${plural(counts.effects.weakens, 'setting')}`);
  if (Object.keys(counts.introduced).length) concerns.push(`introduces ${severityList(counts.introduced)}`);
  if (counts.effects.strengthens) reliefs.push(`strengthens ${plural(counts.effects.strengthens, 'setting')}`);
  if (counts.resolved) reliefs.push(`resolves ${plural(counts.resolved, 'finding')}`);
  if (counts.effects.neutral) reliefs.push(plural(counts.effects.neutral, 'neutral change'));
  if (concerns.length === 0 && reliefs.length === 0) return 'no security-relevant change';
  return [concerns.join(', '), reliefs.join(', ')].filter(Boolean).join('; ');
}
