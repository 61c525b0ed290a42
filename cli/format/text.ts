/**
 * Text for terminals: grouped by realm, then entity; severity colored; each with file:line.
 * Linear in the number of findings (see group.ts) and produced line by line. Every string from
 * the input goes through visible(), so a client id cannot carry escape sequences or bidi
 * overrides to the terminal.
 */
import { createColors } from 'picocolors';
import { visible } from '../../model/source/visible-text.ts';
import { SEVERITIES } from '../../policies/finding.ts';
import { severityPaint } from '../../policies/severity-paint.ts';
import { asLines, joined } from './chunks.ts';
import { groupBy } from './group.ts';
import { entityText, locationText, runsByRealm, type FormatInput, type FormatOptions } from './input.ts';

export function formatText(input: FormatInput, options: FormatOptions = {}): string {
  return joined(textChunks(input, options));
}

/** The text report line by line (each with its newline), for writing as it is produced. */
export function textChunks(input: FormatInput, options: FormatOptions = {}): Generator<string, void, undefined> {
  return asLines(textLines(input, options));
}

function* textLines(input: FormatInput, options: FormatOptions): Generator<string, void, undefined> {
  const c = createColors(options.color ?? false);
  const paint = severityPaint(options.color ?? false);
  const runs = runsByRealm(input);
  const byRealm = groupBy(input.findings, (finding) => finding.realm);
  for (const [realm, findings] of byRealm) {
    const run = runs.get(realm);
    yield c.bold(`realm ${visible(realm)}`) + (run ? c.dim(` (${visible(run.origin)}, profile ${run.profile})`) : '');
    for (const [entity, group] of groupBy(findings, entityText)) {
      yield `  ${c.bold(visible(entity))}`;
      for (const finding of group) {
        const where = locationText(finding, input);
        yield `    ${paint[finding.severity](finding.severity.toUpperCase().padEnd(8))} ${finding.ruleId}  ${visible(finding.message)}`;
        if (where) yield `             ${c.dim(visible(where))}`;
      }
    }
    yield '';
  }
  for (const run of input.realms ?? []) {
    if (!byRealm.has(run.realm)) {
      yield (
        c.bold(`realm ${visible(run.realm)}`) +
        c.dim(` (${visible(run.origin)}, profile ${run.profile})`) +
        ': no findings'
      );
      yield '';
    }
  }
  for (const { suppression, findings } of input.expiredSuppressions ?? []) {
    const where = suppression.location ? `${suppression.location.file}:${suppression.location.line}: ` : '';
    const text = `${where}suppression of ${suppression.rule}${suppression.entity ? ` for ${suppression.entity}` : ''} expired on ${suppression.expires} and no longer applies (${findings.length} finding(s) reported again).`;
    yield c.yellow(visible(text));
  }
  yield summary(input, c.bold);
}

export function summary(input: FormatInput, bold: (text: string) => string = (text) => text): string {
  if (input.findings.length === 0 && !input.suppressed?.length) return bold('No findings.');
  const counts = SEVERITIES.map(
    (severity) => [severity, input.findings.filter((finding) => finding.severity === severity).length] as const,
  )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  const extras = [
    input.suppressed?.length ? `${input.suppressed.length} suppressed` : '',
    input.expiredSuppressions?.length ? `${input.expiredSuppressions.length} expired suppression(s)` : '',
  ].filter(Boolean);
  const total = `${input.findings.length} finding${input.findings.length === 1 ? '' : 's'}`;
  return (
    bold(`${total}${counts.length ? `: ${counts.join(', ')}` : ''}`) + (extras.length ? ` (${extras.join(', ')})` : '')
  );
}
