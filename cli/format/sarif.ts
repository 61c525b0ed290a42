/**
 * SARIF 2.1.0 for GitHub code scanning: one reportingDescriptor per rule of the catalogue
 * (help text and a helpUri to its docs anchor, security-severity for GitHub's ranking), one
 * result per finding with a physical location (the field's line, or line 1 of the file when
 * the field has no position of its own) and the realm path as a logical location, and
 * partialFingerprints so alerts survive line moves. Suppressed findings are included with an
 * external suppression and its justification, as the spec intends.
 */
import type { Location, Log, ReportingDescriptor, Result } from 'sarif';
import type { Rule } from '../../policies/define-rule.ts';
import type { Finding, Severity } from '../../policies/finding.ts';
import { visible } from '../../model/source/visible-text.ts';
import { allRules } from '../../policies/rules/index.ts';
import { artifactUri } from './artifact-uri.ts';
import { joined } from './chunks.ts';
import { everyElement, madeFrom, madeInOrder, safeJsonChunks, type MadeWhileWritten } from './json-chunks.ts';
import type { FormatInput } from './input.ts';
import { pathText, runsByRealm } from './input.ts';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_VERSION = '0.1.0';
const INFORMATION_URI = 'https://github.com/realmguard/realmguard';

const LEVEL: Record<Severity, Result.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};
/** GitHub ranks alerts by this CVSS-like score: ≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

export function formatSarif(
  input: FormatInput,
  rules: readonly Rule[] = allRules,
  cwd: string = process.cwd(),
): string {
  return joined(sarifChunks(input, rules, cwd));
}

/** The SARIF log in pieces: the results are made as they are written, never all in memory at once. */
export function* sarifChunks(
  input: FormatInput,
  rules: readonly Rule[] = allRules,
  cwd: string = process.cwd(),
): Generator<string, void, undefined> {
  const results: Result[] = [];
  yield* safeJsonChunks(sarifLogWith(rules, results), new Map([[results, sarifResults(input, rules, cwd)]]));
  yield '\n';
}

/** The SARIF log as data: audit adds its drift results before it is serialized, once. */
export function sarifLog(input: FormatInput, rules: readonly Rule[] = allRules, cwd: string = process.cwd()): Log {
  return sarifLogWith(rules, everyElement(sarifResults(input, rules, cwd)));
}

/** One result per finding, then one per suppressed finding with its suppression. */
function sarifResults(input: FormatInput, rules: readonly Rule[], cwd: string): MadeWhileWritten<Result> {
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const uriOf = artifactUris(cwd);
  return madeInOrder(
    madeFrom(input.findings, (finding) => result(finding, input, index, uriOf)),
    madeFrom(input.suppressed ?? [], (finding): Result => ({
      ...result(finding, input, index, uriOf),
      suppressions: [
        { kind: 'external' as const, status: 'accepted' as const, justification: visible(finding.reason) },
      ],
    })),
  );
}

function sarifLogWith(rules: readonly Rule[], results: Result[]): Log {
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'realmguard',
            version: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.map(descriptor),
          },
        },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

function descriptor(rule: Rule): ReportingDescriptor {
  const sources = rule.sources.map((source) => `- ${source.document} ${source.section}`).join('\n');
  const fix = rule.remediation;
  const remedy =
    'action' in fix
      ? fix.action
      : `Set \`${fix.baselineKey}\` to \`${JSON.stringify(fix.value)}\`${fix.note ? ` (${fix.note})` : ''}.`;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.why },
    help: {
      text: `${rule.why}\n\nRemediation: ${remedy}\n\nSources:\n${sources}`,
      markdown: `${rule.why}\n\n**Remediation:** ${remedy}\n\n**Sources:**\n${sources}`,
    },
    helpUri: rule.docsAnchor,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'keycloak', rule.category],
      precision: 'very-high',
      ...(rule.severity !== 'info' && { 'security-severity': SECURITY_SEVERITY[rule.severity] }),
    },
  };
}

/** artifactUri per file, worked out once per file: thousands of findings share a handful of files. */
function artifactUris(cwd: string): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let uri = known.get(file);
    if (uri === undefined) {
      uri = artifactUri(file, cwd);
      known.set(file, uri);
    }
    return uri;
  };
}

function result(
  finding: Finding,
  input: FormatInput,
  index: Map<string, number>,
  uriOf: (file: string) => string,
): Result {
  const ruleIndex = index.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined && { ruleIndex }),
    level: LEVEL[finding.severity],
    // GitHub shows message text as it is: control and bidi characters become visible escapes.
    message: { text: visible(finding.message) },
    locations: [location(finding, input, uriOf)],
    partialFingerprints: { 'realmguard/v1': finding.fingerprint },
    properties: {
      severity: finding.severity,
      realm: finding.realm,
      path: [...finding.path],
      ...(finding.entity && { entity: finding.entity }),
    },
  };
}

function location(finding: Finding, input: FormatInput, uriOf: (file: string) => string): Location {
  const file = finding.location?.file ?? runsByRealm(input).get(finding.realm)?.origin;
  const logicalLocations = [
    {
      fullyQualifiedName: visible(`${finding.realm}/${pathText(finding.path)}`),
      kind: finding.entity ? 'object' : 'member',
    },
  ];
  if (file === undefined || /^[a-z]+:\/\//i.test(file)) return { logicalLocations }; // a live realm has no file
  return {
    physicalLocation: {
      artifactLocation: { uri: uriOf(file) },
      region: { startLine: finding.location?.line ?? 1, startColumn: finding.location?.column ?? 1 },
    },
    logicalLocations,
  };
}
