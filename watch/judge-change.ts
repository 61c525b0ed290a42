/**
 * One rule of judgement for every admin change: the model before and after it are compared by
 * `realmguard diff`'s classification (review/diff-realms.ts), with the same sensitive-role lists
 * as diff and audit (the policy config's, else the built-in ones). A setting is reported when the
 * classification says it weakens the realm, or when the classification calls it neutral but the
 * new state breaks a rule on that setting that the old state did not (a first-login flow switched
 * to one that links accounts unverified): the rules judge what a single setting's diff cannot.
 * Strengthening changes are never reported. Each reported setting names the rules the new state
 * breaks on it — for the flows and the key providers, which the rules judge as a whole (a step
 * deep in a sub-flow, or the binding, breaks browser-flow-second-factor on the bound flow), every
 * rule the new part breaks that the old one did not.
 */
import type { LoadedRealm } from '../model/realm-settings.ts';
import { DEFAULT_PROFILE, type Profile } from '../model/profiles.ts';
import type { PolicyConfig } from '../policies/config.ts';
import type { Finding } from '../policies/finding.ts';
import { runRules } from '../policies/run.ts';
import { sensitiveRoleLists } from '../review/classify/sensitive-grants.ts';
import { diffRealm } from '../review/diff-realms.ts';
import { fromAdminEvent, type Detection } from './detection.ts';
import type { AdminPart, WatchEvent } from './event.ts';

export interface JudgeOptions {
  profile?: Profile;
  config?: PolicyConfig;
}

export type JudgedChange = NonNullable<Detection['changes']>[number];

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) =>
  prefix.every((part, index) => path[index] === part);

/**
 * Parts of the model the rules judge as a whole: a change anywhere in one answers for every new
 * finding in it — the flows (the bound flow with every sub-flow it runs), and the key providers
 * (active-signing-key wants one active key per algorithm: disabling a key is rotation unless it was the last).
 */
const WHOLE_PARTS: ReadonlySet<string | number> = new Set(['authentication', 'keyProviders']);

const rulesOn = (findings: readonly Finding[], path: readonly (string | number)[]) => [
  ...new Set(findings.filter((finding) => startsWith(finding.path, path)).map((finding) => finding.ruleId)),
];

export function weakeningChanges(before: LoadedRealm, after: LoadedRealm, options: JudgeOptions = {}): JudgedChange[] {
  const lists = sensitiveRoleLists(options.profile ?? DEFAULT_PROFILE, options.config);
  const changed = diffRealm(before.settings, after.settings, {}, lists).filter(
    (setting) => setting.effect !== 'strengthens',
  );
  if (changed.length === 0) return [];
  const ruleOptions = {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.config ? { config: options.config } : {}),
  };
  const findingsAfter = runRules([after], ruleOptions).findings;
  // The old state's findings matter for neutral settings and the flows only: computed once, when needed.
  let findingsBefore: Finding[] | undefined;
  const judged: JudgedChange[] = [];
  const freshOn = (path: readonly (string | number)[]) => {
    findingsBefore ??= runRules([before], ruleOptions).findings;
    const earlier = rulesOn(findingsBefore, path);
    return rulesOn(findingsAfter, path).filter((rule) => !earlier.includes(rule));
  };
  for (const setting of changed) {
    const part = setting.path[0];
    const whole = part !== undefined && WHOLE_PARTS.has(part);
    const rules = [...new Set([...rulesOn(findingsAfter, setting.path), ...(whole ? freshOn([part]) : [])])];
    if (setting.effect === 'neutral') {
      const fresh = whole ? freshOn([part]) : freshOn(setting.path);
      if (fresh.length === 0) continue;
      judged.push({
        setting: setting.setting,
        before: setting.before,
        after: setting.after,
        effect: setting.effect,
        reason: `${setting.reason}; the new state breaks ${fresh.join(', ')}`,
        rules: fresh,
      });
      continue;
    }
    judged.push({
      setting: setting.setting,
      before: setting.before,
      after: setting.after,
      effect: setting.effect,
      reason: setting.reason,
      rules,
    });
  }
  return judged;
}

/** A setting's value in a summary; none for a thing added or removed (JSON has no undefined). */
const shown = (value: unknown): string => (value === undefined ? 'none' : JSON.stringify(value));

/** The admin-weakening detection of one event: who, from where, what changed and what it breaks. */
export function weakeningDetection(
  event: WatchEvent,
  admin: AdminPart,
  subject: string,
  changes: JudgedChange[],
  /** What the comparison could not know, said at the end of the summary. */
  caveat?: string,
): Detection {
  const actor = admin.actorUserId ? `admin ${admin.actorUserId}` : 'an admin';
  const described = changes.map(
    (change) =>
      `${change.setting} ${shown(change.before)} → ${shown(change.after)}${change.rules.length ? ` (breaks ${change.rules.join(', ')})` : ''}`,
  );
  return {
    id: `admin-weakening:${event.id}`,
    kind: 'admin-weakening',
    severity: changes.some((change) => change.rules.length > 0) ? 'high' : 'medium',
    source: 'realmguard diff classification (docs/review.md)',
    ...fromAdminEvent(event, admin),
    summary: `${subject} weakened by ${actor}${event.ipAddress ? ` from ${event.ipAddress}` : ''}: ${described.join('; ')}${caveat ? ` (${caveat})` : ''}`,
    changes,
  };
}
