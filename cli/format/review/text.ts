/** Text for terminals: the verdict, then one line per change and per finding, effect colored. */
import { createColors } from 'picocolors';
import type { Finding } from '../../../policies/finding.ts';
import type { Effect, SettingChange } from '../../../review/change.ts';
import type { ReviewResult } from '../../../review/review.ts';
import { countReview, verdictText } from '../../../review/verdict.ts';
import { visible } from '../../../model/source/visible-text.ts';
import { asLines, joined, trimmedEnd } from '../chunks.ts';
import { entityLabel, findingSubject, formatValue } from './values.ts';

export interface TextOptions {
  color?: boolean;
  /** Word for the two sides in the header: 'diff' (old → new) or 'drift' (declared → live). */
  title?: string;
}

export function formatReviewText(result: ReviewResult, options: TextOptions = {}): string {
  return joined(reviewTextChunks(result, options));
}

/** The review line by line, for writing as it is produced. */
export function reviewTextChunks(result: ReviewResult, options: TextOptions = {}): Generator<string, void, undefined> {
  return trimmedEnd(asLines(reviewTextLines(result, options)));
}

function* reviewTextLines(result: ReviewResult, options: TextOptions): Generator<string, void, undefined> {
  const c = createColors(options.color ?? false);
  const paint: Record<Effect, (text: string) => string> = { weakens: c.red, strengthens: c.green, neutral: c.dim };
  const counts = countReview(result.changes, result.findings.introduced, result.findings.resolved);
  yield* [c.bold(`${options.title ?? 'realmguard diff'}: ${verdictText(counts)}`), ''];
  if (result.changes.length > 0) yield* [...changeLines(result.changes, paint, c.dim), ''];
  function* findings(label: string, list: readonly Finding[]): Generator<string, void, undefined> {
    if (list.length === 0) return;
    yield c.bold(label);
    for (const finding of list) {
      yield `  ${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}  ${visible(`${finding.realm}: ${findingSubject(finding)}: ${finding.message}`)}`;
      if (finding.location)
        yield `           ${c.dim(visible(`${finding.location.file}:${finding.location.line}:${finding.location.column}`))}`;
    }
    yield '';
  }
  yield* findings('Findings introduced', result.findings.introduced);
  yield* findings('Findings resolved', result.findings.resolved);
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
