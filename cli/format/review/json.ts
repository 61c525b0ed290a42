/** JSON: a stable document for tools. Keys in a fixed order, no timestamps, sorted entries. */
import { findingJson } from '../../../policies/finding-json.ts';
import type { SettingChange } from '../../../review/change.ts';
import type { ReviewResult } from '../../../review/review.ts';
import { countReview, verdictText } from '../../../review/verdict.ts';
import { joined } from '../chunks.ts';
import { safeJsonChunks } from '../json-chunks.ts';

export const REVIEW_JSON_VERSION = 1;

export function changeJson(change: SettingChange) {
  return {
    effect: change.effect,
    realm: change.realm,
    entity: change.entity,
    setting: change.setting,
    path: [...change.path],
    before: change.before ?? null,
    after: change.after ?? null,
    unit: change.unit ?? null,
    reason: change.reason,
    location: change.location ?? null,
  };
}

export function formatReviewJson(result: ReviewResult, rulesUrl: string): string {
  return joined(reviewJsonChunks(result, rulesUrl));
}

/** The review document in pieces: built once as data, serialized as it is written. */
export function* reviewJsonChunks(result: ReviewResult, rulesUrl: string): Generator<string, void, undefined> {
  const counts = countReview(result.changes, result.findings.introduced, result.findings.resolved);
  const document = {
    tool: 'realmguard',
    command: 'diff',
    formatVersion: REVIEW_JSON_VERSION,
    verdict: verdictText(counts),
    summary: {
      weakens: counts.effects.weakens,
      strengthens: counts.effects.strengthens,
      neutral: counts.effects.neutral,
      introduced: result.findings.introduced.length,
      introducedBySeverity: counts.introduced,
      resolved: counts.resolved,
    },
    realms: result.realms,
    changes: result.changes.map(changeJson),
    findings: {
      introduced: result.findings.introduced.map((finding) => findingJson(finding, rulesUrl)),
      resolved: result.findings.resolved.map((finding) => findingJson(finding, rulesUrl)),
    },
  };
  yield* safeJsonChunks(document);
  yield '\n';
}
