/**
 * JSON: a stable, versioned document. Keys always in the same order, findings sorted, no
 * timestamps, so two runs over the same input give byte-identical output. Written in pieces
 * (json-chunks.ts), never as one string.
 */
import { SEVERITIES, type Finding } from '../../policies/finding.ts';
import { findingJson as findingWithLink } from '../../policies/finding-json.ts';
import { RULE_DOCS_URL } from '../../policies/define-rule.ts';
import { joined } from './chunks.ts';
import { safeJsonChunks } from './json-chunks.ts';
import type { FormatInput } from './input.ts';

export const JSON_FORMAT_VERSION = 1;

const findingJson = (finding: Finding) => findingWithLink(finding, RULE_DOCS_URL);

export function formatJson(input: FormatInput): string {
  return joined(jsonChunks(input));
}

/** The JSON report in pieces: the document built once as data, serialized as it is written. */
export function* jsonChunks(input: FormatInput): Generator<string, void, undefined> {
  yield* safeJsonChunks(findingsDocument(input));
  yield '\n';
}

/** The JSON document as data: audit adds its drift beside the findings before it is serialized, once. */
export function findingsDocument(input: FormatInput) {
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
    findings: input.findings.map(findingJson),
    suppressed: (input.suppressed ?? []).map((finding) => ({
      ...findingJson(finding),
      reason: finding.reason,
      expires: finding.expires ?? null,
    })),
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
