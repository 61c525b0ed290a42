/** Markdown for pull-request comments: a summary line, then one table per realm. */
import { RULE_DOCS_URL } from '../../policies/define-rule.ts';
import type { Finding } from '../../policies/finding.ts';
import { groupBy } from './group.ts';
import { entityText, locationText, pathText, runsByRealm, type FormatInput, type FormatOptions } from './input.ts';
import { summary } from './text.ts';
// The same cell escaping and severity marks as the diff and drift reports.
import { cell, codeCell } from './review/markdown.ts';
import { SEVERITY_ICON } from './review/values.ts';

export function formatMarkdown(input: FormatInput, options: FormatOptions = {}): string {
  const lines = [`### ${options.title ?? 'realmguard'}`, '', summary(input, (text) => `**${text}**`), ''];
  const byRealm = groupBy(input.findings, (finding) => finding.realm);
  const runs = runsByRealm(input);
  for (const [realm, findings] of byRealm) {
    const run = runs.get(realm);
    lines.push(
      `#### Realm \`${codeCell(realm)}\`${run ? ` — \`${codeCell(run.origin)}\`, profile ${run.profile}` : ''}`,
      '',
    );
    lines.push('| Severity | Rule | Where | Field | Finding | Location |', '|---|---|---|---|---|---|');
    for (const finding of findings) lines.push(row(finding, input));
    lines.push('');
  }
  const clean = (input.realms ?? []).filter((run) => !byRealm.has(run.realm));
  if (clean.length > 0)
    lines.push(
      `No findings in ${clean.map((run) => `\`${codeCell(run.realm)}\` (\`${codeCell(run.origin)}\`)`).join(', ')}.`,
      '',
    );
  if (input.suppressed?.length) {
    lines.push(
      '<details><summary>Suppressed findings</summary>',
      '',
      '| Rule | Where | Reason | Expires |',
      '|---|---|---|---|',
    );
    for (const finding of input.suppressed) {
      lines.push(
        `| ${finding.ruleId} | ${cell(`${finding.realm}: ${entityText(finding)}`)} | ${cell(finding.reason)} | ${finding.expires ?? '—'} |`,
      );
    }
    lines.push('', '</details>', '');
  }
  for (const { suppression } of input.expiredSuppressions ?? []) {
    lines.push(
      `> ⚠️ The suppression of \`${suppression.rule}\`${suppression.entity ? ` for \`${codeCell(suppression.entity)}\`` : ''} expired on ${suppression.expires}; its findings are reported again.`,
      '',
    );
  }
  return lines.join('\n').trimEnd() + '\n';
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
