/** Text for terminals: the verdict, then one line per change and per finding, effect colored. */
import { createColors } from 'picocolors';
import type { Finding } from '../../../policies/finding.ts';
import type { Effect, SettingChange } from '../../../review/change.ts';
import type { ReviewResult } from '../../../review/review.ts';
import { countReview, verdictText } from '../../../review/verdict.ts';
import { visible } from '../../../model/source/visible-text.ts';
import { entityLabel, findingSubject, formatValue } from './values.ts';

export interface TextOptions {
  color?: boolean;
  /** Word for the two sides in the header: 'diff' (old → new) or 'drift' (declared → live). */
  title?: string;
}

export function formatReviewText(result: ReviewResult, options: TextOptions = {}): string {
  const c = createColors(options.color ?? false);
  const paint: Record<Effect, (text: string) => string> = { weakens: c.red, strengthens: c.green, neutral: c.dim };
  const counts = countReview(result.changes, result.findings.introduced, result.findings.resolved);
  const lines = [c.bold(`${options.title ?? 'realmguard diff'}: ${verdictText(counts)}`), ''];
  if (result.changes.length > 0) lines.push(...changeLines(result.changes, paint, c.dim), '');
  const findings = (label: string, list: readonly Finding[]) => {
    if (list.length === 0) return;
    lines.push(c.bold(label));
    for (const finding of list) {
      lines.push(
        `  ${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}  ${visible(`${finding.realm}: ${findingSubject(finding)}: ${finding.message}`)}`,
      );
      if (finding.location)
        lines.push(
          `           ${c.dim(visible(`${finding.location.file}:${finding.location.line}:${finding.location.column}`))}`,
        );
    }
    lines.push('');
  };
  findings('Findings introduced', result.findings.introduced);
  findings('Findings resolved', result.findings.resolved);
  return `${lines.join('\n').trimEnd()}\n`;
}

export function changeLines(
  changes: readonly SettingChange[],
  paint: Record<Effect, (text: string) => string>,
  dim: (text: string) => string,
): string[] {
  return changes.flatMap((change) => {
    // Realm, entity, setting and values come from the inputs: visible() before any color.
    const head = `  ${paint[change.effect](change.effect.padEnd(11))} ${visible(`${change.realm}: ${entityLabel(change.entity)}: ${change.setting}: ${formatValue(change.before, change.unit)} → ${formatValue(change.after, change.unit)}`)}`;
    const where = change.location ? ` (${change.location.file}:${change.location.line})` : '';
    return [head, `              ${dim(visible(`${change.reason}${where}`))}`];
  });
}
