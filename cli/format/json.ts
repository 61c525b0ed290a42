/**
 * JSON: a stable, versioned document. Keys always in the same order, findings sorted, no
 * timestamps, so two runs over the same input give byte-identical output. Written in pieces
 * (json-chunks.ts), never as one string.
 */
import { SEVERITIES, type Finding } from '../../policies/finding.ts';
import { findingJson as findingWithLink } from '../../policies/finding-json.ts';
import { RULE_DOCS_URL } from '../../policies/define-rule.ts';
import { joined } from './chunks.ts';
import { everyElement, madeFrom, safeJsonChunks, type MadeLists, type MadeWhileWritten } from './json-chunks.ts';
import type { FormatInput } from './input.ts';

export const JSON_FORMAT_VERSION = 1;

const findingJson = (finding: Finding) => findingWithLink(finding, RULE_DOCS_URL);

export function formatJson(input: FormatInput): string {
  return joined(jsonChunks(input));
}

/**
 * The JSON report in pieces: the findings and the suppressed findings are made as they are
 * written, so neither the text nor the data of 10,000 findings is whole in memory.
 */
export function* jsonChunks(input: FormatInput): Generator<string, void, undefined> {
  const lists = findingLists(input);
  const findings: FindingJson[] = [];
  const suppressed: SuppressedJson[] = [];
  const made: MadeLists = new Map<readonly unknown[], MadeWhileWritten<unknown>>([
    [findings, lists.findings],
    [suppressed, lists.suppressed],
  ]);
  yield* safeJsonChunks(documentWith(input, findings, suppressed), made);
  yield '\n';
}

/** The JSON document as data: audit adds its drift beside the findings before it is serialized, once. */
export function findingsDocument(input: FormatInput) {
  const lists = findingLists(input);
  return documentWith(input, everyElement(lists.findings), everyElement(lists.suppressed));
}

type FindingJson = ReturnType<typeof findingJson>;
type SuppressedJson = FindingJson & { reason: string; expires: string | null };

function findingLists(input: FormatInput) {
  return {
    findings: madeFrom(input.findings, findingJson),
    suppressed: madeFrom(input.suppressed ?? [], (finding): SuppressedJson => ({
      ...findingJson(finding),
      reason: finding.reason,
      expires: finding.expires ?? null,
    })),
  };
}

function documentWith(input: FormatInput, findings: FindingJson[], suppressed: SuppressedJson[]) {
  return {
    tool: 'realmguard',
    formatVersion: JSON_FORMAT_VERSION,
    summary: {
      total: input.findings.length,
      ...Object.fromEntries(
        SEVERITIES.map((severity) => [
          severity,
          input.findings.filter((finding) => finding.severity === severity).length,
        ]),
      ),
      suppressed: input.suppressed?.length ?? 0,
      expiredSuppressions: input.expiredSuppressions?.length ?? 0,
    },
    realms: input.realms ?? [],
    findings,
    suppressed,
    expiredSuppressions: (input.expiredSuppressions ?? []).map(({ suppression, findings }) => ({
      rule: suppression.rule,
      entity: suppression.entity ?? null,
      realm: suppression.realm ?? null,
      reason: suppression.reason,
      expires: suppression.expires ?? null,
      location: suppression.location ?? null,
      findings: findings.map((finding) => finding.fingerprint),
    })),
  };
}
