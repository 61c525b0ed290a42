/**
 * A review of a realm-config change: the classified setting changes, and the findings the change
 * introduces or resolves (the rules run on both sides; findings are matched by fingerprint,
 * which ignores line numbers and messages, so moving a block in the file changes nothing).
 */
import type { LoadedRealm } from '../model/realm-settings.ts';
import { compareFindings, type Finding } from '../policies/finding.ts';
import { runRules, type RunOptions } from '../policies/run.ts';
import type { SettingChange } from './change.ts';
import { diffRealmSets } from './diff-realms.ts';

export interface FindingDelta {
  introduced: Finding[];
  resolved: Finding[];
}

export interface ReviewResult {
  changes: SettingChange[];
  realms: { added: string[]; removed: string[]; compared: string[] };
  findings: FindingDelta;
}

/** Findings present after and not before (introduced), and the other way round (resolved). */
export function findingDelta(before: readonly Finding[], after: readonly Finding[]): FindingDelta {
  const old = new Set(before.map((finding) => finding.fingerprint));
  const now = new Set(after.map((finding) => finding.fingerprint));
  return {
    introduced: after.filter((finding) => !old.has(finding.fingerprint)).sort(compareFindings),
    resolved: before.filter((finding) => !now.has(finding.fingerprint)).sort(compareFindings),
  };
}

export function reviewChange(
  base: readonly LoadedRealm[],
  head: readonly LoadedRealm[],
  options: RunOptions = {},
): ReviewResult {
  const { changes, added, removed } = diffRealmSets(base, head, {
    ...(options.profile && { profile: options.profile }),
    ...(options.config && { config: options.config }),
  });
  const baseNames = new Set(base.map((realm) => realm.settings.realm));
  const compared = head
    .map((realm) => realm.settings.realm)
    .filter((name) => baseNames.has(name))
    .sort();
  // Suppressed findings stay suppressed on both sides: a suppression is a decision already reviewed.
  const findings = findingDelta(runRules(base, options).findings, runRules(head, options).findings);
  return { changes, realms: { added, removed, compared }, findings };
}
