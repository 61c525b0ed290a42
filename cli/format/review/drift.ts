/**
 * Drift in each output format of `audit`. The findings are rendered by the shared formatters
 * (cli/format); these add the drift beside them: a section in text and Markdown, a `drift` key in
 * JSON, and SARIF results of one extra rule, `baseline-drift`, located at the baseline line that
 * declares the setting.
 */
import { createHash } from 'node:crypto';
import { createColors } from 'picocolors';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Effect, SettingChange } from '../../../review/change.ts';
import { EFFECTS } from '../../../review/change.ts';
import { visible } from '../../../model/source/visible-text.ts';
import { artifactUri } from '../artifact-uri.ts';
import { asLines, joined } from '../chunks.ts';
import { changeJson } from './json.ts';
import { cell, codeCell } from './markdown.ts';
import { changeLines } from './text.ts';
import { EFFECT_ICON, entityLabel, formatValue } from './values.ts';

export const DRIFT_RULE_ID = 'baseline-drift';

function counts(drift: readonly SettingChange[]): string {
  if (drift.length === 0) return 'no drift: the live realm matches the baseline';
  const parts = EFFECTS.map((effect) => [effect, drift.filter((change) => change.effect === effect).length] as const)
    .filter(([, count]) => count > 0)
    .map(
      ([effect, count]) =>
        `${count} ${effect === 'neutral' ? 'neutral' : effect === 'weakens' ? 'weaker than declared' : 'stronger than declared'}`,
    );
  return `${drift.length} setting${drift.length === 1 ? '' : 's'} drifted from the baseline (${parts.join(', ')})`;
}

export function driftText(drift: readonly SettingChange[], baseline: string, color = false): string {
  return joined(driftTextChunks(drift, baseline, color));
}

/** The drift section of the text report, line by line. */
export function* driftTextChunks(
  drift: readonly SettingChange[],
  baseline: string,
  color = false,
): Generator<string, void, undefined> {
  const c = createColors(color);
  const paint: Record<Effect, (text: string) => string> = { weakens: c.red, strengthens: c.green, neutral: c.dim };
  yield `${c.bold(`Drift from ${visible(baseline)} (declared → live): ${counts(drift)}`)}\n`;
  if (drift.length > 0) yield* asLines(changeLines(drift, paint, c.dim));
}

export function driftMarkdown(drift: readonly SettingChange[], baseline: string): string {
  return joined(driftMarkdownChunks(drift, baseline));
}

/** The drift section of the Markdown report, line by line. */
export function driftMarkdownChunks(
  drift: readonly SettingChange[],
  baseline: string,
): Generator<string, void, undefined> {
  return asLines(driftMarkdownLines(drift, baseline));
}

function* driftMarkdownLines(drift: readonly SettingChange[], baseline: string): Generator<string, void, undefined> {
  yield* [`#### Drift from \`${codeCell(baseline)}\``, '', `**${counts(drift)}**`, ''];
  if (drift.length > 0) {
    yield* ['| Effect | Realm | Entity | Setting | Declared → Live | Why |', '|---|---|---|---|---|---|'];
    for (const change of drift) {
      yield `| ${EFFECT_ICON[change.effect]} ${change.effect} | ${cell(change.realm)} | ${cell(entityLabel(change.entity))} | \`${codeCell(change.setting)}\` | \`${codeCell(
        formatValue(change.before, change.unit),
      )}\` → \`${codeCell(formatValue(change.after, change.unit))}\` | ${cell(change.reason)} |`;
    }
    yield '';
  }
}

/** The findings JSON document with `drift` beside the findings; data in, data out (serialized once, by the caller). */
export function withDriftJson<Document extends object>(
  document: Document,
  drift: readonly SettingChange[],
  baseline: string,
) {
  return { ...document, drift: { baseline, summary: counts(drift), changes: drift.map(changeJson) } };
}

const DRIFT_DESCRIPTOR: ReportingDescriptor = {
  id: DRIFT_RULE_ID,
  name: 'BaselineDrift',
  shortDescription: { text: 'The live realm differs from its baseline' },
  fullDescription: {
    text: 'A setting of the live realm is not what the baseline declares: someone changed it outside the baseline, or the baseline was never applied.',
  },
  help: {
    text: 'Apply the baseline again (pulumi up), or change the baseline to what the realm should be.',
    markdown: 'Apply the baseline again (`pulumi up`), or change the baseline to what the realm should be.',
  },
  defaultConfiguration: { level: 'warning' },
  properties: { tags: ['security', 'keycloak', 'drift'] },
};

/**
 * Adds the drift rule and one result per drifted setting to the findings SARIF log. A setting
 * the baseline does not spell out (its profile fills it) is located at line 1 of the baseline,
 * as code scanning wants a file for every result.
 */
export function withDriftSarif(
  log: Log,
  drift: readonly SettingChange[],
  baseline: string,
  cwd: string = process.cwd(),
): Log {
  const [run, ...otherRuns] = log.runs;
  if (!run) return log;
  const rules = [...(run.tool.driver.rules ?? []), DRIFT_DESCRIPTOR];
  const ruleIndex = rules.length - 1;
  const results: Result[] = drift.map((change) => ({
    ruleId: DRIFT_RULE_ID,
    ruleIndex,
    level: change.effect === 'weakens' ? 'warning' : 'note',
    message: {
      // GitHub shows this text as it is: control and bidi characters as escapes.
      text: visible(
        `${change.realm}: ${entityLabel(change.entity)}: ${change.setting}: declared ${formatValue(change.before, change.unit)}, live ${formatValue(change.after, change.unit)} (${change.effect}: ${change.reason})`,
      ),
    },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(change.location?.file ?? baseline, cwd) },
          region: { startLine: change.location?.line ?? 1, startColumn: change.location?.column ?? 1 },
        },
        logicalLocations: [{ fullyQualifiedName: `${change.realm}/${change.path.join('.')}`, kind: 'member' }],
      },
    ],
    partialFingerprints: { 'realmguard/drift/v1': driftFingerprint(change) },
    properties: { effect: change.effect, realm: change.realm, path: [...change.path] },
  }));
  return {
    ...log,
    runs: [
      {
        ...run,
        tool: { ...run.tool, driver: { ...run.tool.driver, rules } },
        results: [...(run.results ?? []), ...results],
      },
      ...otherRuns,
    ],
  };
}

/** Stable over realm, path and the item for list settings; not over the values of scalar settings. */
function driftFingerprint(change: SettingChange): string {
  const item =
    typeof change.before === 'string' && change.after === undefined
      ? change.before
      : typeof change.after === 'string' && change.before === undefined
        ? change.after
        : '';
  return createHash('sha256')
    .update(JSON.stringify([change.realm, ...change.path, item]))
    .digest('hex')
    .slice(0, 32);
}
