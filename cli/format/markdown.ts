/** Markdown for pull-request comments: a summary line, then one table per realm; produced line by line. */
import { RULE_DOCS_URL } from '../../policies/define-rule.ts';
import type { Finding } from '../../policies/finding.ts';
import { asLines, joined, trimmedEnd } from './chunks.ts';
import { groupBy } from './group.ts';
import { entityText, locationText, pathText, runsByRealm, type FormatInput, type FormatOptions } from './input.ts';
import { summary } from './text.ts';
// The same cell escaping and severity marks as the diff and drift reports.
import { cell, codeCell } from './review/markdown.ts';
import { SEVERITY_ICON } from './review/values.ts';

export function formatMarkdown(input: FormatInput, options: FormatOptions = {}): string {
  return joined(markdownChunks(input, options));
}

/** The Markdown report line by line, for writing as it is produced. */
export function markdownChunks(input: FormatInput, options: FormatOptions = {}): Generator<string, void, undefined> {
  return trimmedEnd(asLines(markdownLines(input, options)));
}

function* markdownLines(input: FormatInput, options: FormatOptions): Generator<string, void, undefined> {
  yield* [`### ${options.title ?? 'realmguard'}`, '', summary(input, (text) => `**${text}**`), ''];
  const byRealm = groupBy(input.findings, (finding) => finding.realm);
  const runs = runsByRealm(input);
  for (const [realm, findings] of byRealm) {
    const run = runs.get(realm);
    yield `#### Realm \`${codeCell(realm)}\`${run ? ` — \`${codeCell(run.origin)}\`, profile ${run.profile}` : ''}`;
    yield* ['', '| Severity | Rule | Where | Field | Finding | Location |', '|---|---|---|---|---|---|'];
    for (const finding of findings) yield row(finding, input);
    yield '';
  }
  const clean = (input.realms ?? []).filter((run) => !byRealm.has(run.realm));
  if (clean.length > 0) {
    yield `No findings in ${clean.map((run) => `\`${codeCell(run.realm)}\` (\`${codeCell(run.origin)}\`)`).join(', ')}.`;
    yield '';
  }
  if (input.suppressed?.length) {
    yield* [
      '<details><summary>Suppressed findings</summary>',
      '',
      '| Rule | Where | Reason | Expires |',
      '|---|---|---|---|',
    ];
    for (const finding of input.suppressed) {
      yield `| ${finding.ruleId} | ${cell(`${finding.realm}: ${entityText(finding)}`)} | ${cell(finding.reason)} | ${finding.expires ?? '—'} |`;
    }
    yield* ['', '</details>', ''];
  }
  for (const { suppression } of input.expiredSuppressions ?? []) {
    yield `> ⚠️ The suppression of \`${suppression.rule}\`${suppression.entity ? ` for \`${codeCell(suppression.entity)}\`` : ''} expired on ${suppression.expires}; its findings are reported again.`;
    yield '';
  }
}

function row(finding: Finding, input: FormatInput): string {
  return [
    '',
    ` ${SEVERITY_ICON[finding.severity]} ${finding.severity} `,
    ` [${finding.ruleId}](${RULE_DOCS_URL}#${finding.ruleId}) `,
    ` ${cell(entityText(finding))} `,
    ` \`${codeCell(pathText(finding.path))}\` `,
    ` ${cell(finding.message)} `,
    ` ${cell(locationText(finding, input))} `,
    '',
  ].join('|');
}
