/**
 * Markdown for a pull-request comment: the verdict on one line, the changed settings in a table
 * (weakening ones first, neutral ones folded away), then the findings the change introduces and
 * resolves, each linked to its rule's documentation. The first line is an HTML marker so a
 * workflow can find and update its own comment instead of adding one per push.
 */
import type { Finding } from '../../../policies/finding.ts';
import type { SettingChange } from '../../../review/change.ts';
import type { ReviewResult } from '../../../review/review.ts';
import { countReview, isConcerning, verdictText } from '../../../review/verdict.ts';
import { visible } from '../../../model/source/visible-text.ts';
import { EFFECT_ICON, entityLabel, findingSubject, formatValue, SEVERITY_ICON } from './values.ts';

export const COMMENT_MARKER = '<!-- realmguard-diff -->';

export interface MarkdownOptions {
  /** Base URL of the rule reference; each rule links to `${rulesUrl}#${ruleId}`. */
  rulesUrl: string;
  title?: string;
  /** Longest output (characters) before tables are cut; default MAX_COMMENT_LENGTH. */
  maxLength?: number;
}

/**
 * Keeps a value inside a code span of a table cell: control and bidi characters are shown as
 * escapes (visible(): a newline becomes `\n`, U+202E `\u202e`), and no pipe or backtick escapes.
 */
export function codeCell(text: string): string {
  return visible(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'");
}

/**
 * Keeps a value inside a plain table cell: as codeCell, and `<`, `>`, `&` as entities, so a name
 * cannot open an HTML comment or tag that hides or restyles the rest of the comment.
 */
export function cell(text: string): string {
  return codeCell(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const code = (text: string) => `\`${codeCell(text)}\``;

/**
 * GitHub refuses comments over 65,536 characters. A review longer than this keeps the verdict
 * and cuts tables (neutral changes first, then the longest lists), saying what it left out.
 */
export const MAX_COMMENT_LENGTH = 60_000;

export function formatReviewMarkdown(result: ReviewResult, options: MarkdownOptions): string {
  const full = render(result, options, { rows: Number.POSITIVE_INFINITY, neutral: true });
  if (full.length <= (options.maxLength ?? MAX_COMMENT_LENGTH)) return full;
  for (let rows = 200; rows >= 1; rows = Math.floor(rows / 2)) {
    const shorter = render(result, options, { rows, neutral: false });
    if (shorter.length <= (options.maxLength ?? MAX_COMMENT_LENGTH)) return shorter;
  }
  return render(result, options, { rows: 0, neutral: false });
}

const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

interface Limits {
  /** Most rows per table. */
  rows: number;
  /** Whether the neutral changes are listed at all. */
  neutral: boolean;
}

function render(result: ReviewResult, options: MarkdownOptions, limits: Limits): string {
  const counts = countReview(result.changes, result.findings.introduced, result.findings.resolved);
  const icon = isConcerning(counts) ? '⚠️' : '✅';
  const lines = [
    COMMENT_MARKER,
    `### ${options.title ?? 'realmguard diff'}`,
    '',
    `${icon} **${verdictText(counts)}**`,
    '',
  ];
  const omitted: string[] = [];
  const cut = <T>(items: readonly T[], what: string): readonly T[] => {
    if (items.length <= limits.rows) return items;
    omitted.push(countOf(items.length - limits.rows, what));
    return items.slice(0, limits.rows);
  };

  const judged = result.changes.filter((change) => change.effect !== 'neutral');
  const neutral = result.changes.filter((change) => change.effect === 'neutral');
  if (judged.length > 0) lines.push(...changeTable(cut(judged, 'weakening or strengthening change')), '');
  if (neutral.length > 0 && limits.neutral) {
    lines.push(
      `<details><summary>${neutral.length} neutral change${neutral.length === 1 ? '' : 's'}</summary>`,
      '',
      ...changeTable(neutral),
      '',
      '</details>',
      '',
    );
  } else if (neutral.length > 0) {
    omitted.push(countOf(neutral.length, 'neutral change'));
  }
  if (result.findings.introduced.length > 0) {
    lines.push(
      '#### Findings introduced',
      '',
      ...findingTable(cut(result.findings.introduced, 'introduced finding'), options.rulesUrl),
      '',
    );
  }
  if (result.findings.resolved.length > 0) {
    lines.push(
      '#### Findings resolved',
      '',
      ...findingTable(cut(result.findings.resolved, 'resolved finding'), options.rulesUrl),
      '',
    );
  }
  const { added, removed } = result.realms;
  if (added.length || removed.length) {
    lines.push(
      [
        added.length ? `Realms added: ${added.map(code).join(', ')}.` : '',
        removed.length ? `Realms removed: ${removed.map(code).join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      '',
    );
  }
  if (omitted.length > 0) {
    lines.push(
      `> Too long for one comment: left out ${omitted.join(', ')}. Run \`realmguard diff --format text\` (or \`json\`) for all of it.`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function changeTable(changes: readonly SettingChange[]): string[] {
  return [
    '| Effect | Realm | Entity | Setting | Old → New | Why |',
    '|---|---|---|---|---|---|',
    ...changes.map((change) =>
      [
        '',
        ` ${EFFECT_ICON[change.effect]} ${change.effect} `,
        ` ${cell(change.realm)} `,
        ` ${cell(entityLabel(change.entity))} `,
        ` ${code(change.setting)} `,
        ` ${code(formatValue(change.before, change.unit))} → ${code(formatValue(change.after, change.unit))} `,
        ` ${cell(change.reason)} `,
        '',
      ].join('|'),
    ),
  ];
}

function findingTable(findings: readonly Finding[], rulesUrl: string): string[] {
  return [
    '| Severity | Rule | Realm | Where | Finding |',
    '|---|---|---|---|---|',
    ...findings.map((finding) =>
      [
        '',
        ` ${SEVERITY_ICON[finding.severity]} ${finding.severity} `,
        ` [${finding.ruleId}](${rulesUrl}#${finding.ruleId}) `,
        ` ${cell(finding.realm)} `,
        ` ${cell(findingSubject(finding))}${
          finding.location ? ` (${cell(`${finding.location.file}:${finding.location.line}`)})` : ''
        } `,
        ` ${cell(finding.message)} `,
        '',
      ].join('|'),
    ),
  ];
}
