/**
 * runRules: every rule over every realm, with the profile's thresholds, the config's overrides
 * and suppressions applied. Pure apart from the clock (pass `now` to pin it).
 */
import { DEFAULT_PROFILE } from '../model/profiles.ts';
import { positionOf, type LoadedRealm } from '../model/realm-settings.ts';
import type { Profile, Rule, RuleParams, Violation } from './define-rule.ts';
import { formatMessage } from './define-rule.ts';
import { EMPTY_POLICY_CONFIG, isExpired, type PolicyConfig, type Suppression } from './config.ts';
import { resolveEnforcement } from './enforcement.ts';
import { entityOfPath, fingerprintOf, sortFindings, type Finding } from './finding.ts';
import { allRules } from './rules/index.ts';

export interface RunOptions {
  /** Overrides the realm's own profile (a baseline carries one); default `baseline`. */
  profile?: Profile;
  config?: PolicyConfig;
  now?: Date;
  /** The rules to run (default: the whole catalogue). */
  rules?: readonly Rule[];
}

export type SuppressedFinding = Finding & { reason: string; expires?: string };

export interface ExpiredSuppression {
  suppression: Suppression;
  /** The findings it would have suppressed (they are in `findings` again). */
  findings: Finding[];
}

export interface RuleRunResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  expiredSuppressions: ExpiredSuppression[];
  /** What ran: the rules, and the profile each realm was checked against. */
  rules: readonly Rule[];
  realms: Array<{ realm: string; profile: Profile; origin: string }>;
}

/** The thresholds a rule runs with: the profile's, then the config's overrides. */
export function paramsFor(rule: Rule, profile: Profile, config: PolicyConfig = EMPTY_POLICY_CONFIG): RuleParams {
  const overrides = config.rules[rule.id]?.params ?? {};
  return { ...rule.params[profile], ...(overrides as RuleParams) };
}

export function isRuleEnabled(rule: Rule, config: PolicyConfig = EMPTY_POLICY_CONFIG): boolean {
  return (
    resolveEnforcement(rule.severity, { rule: config.rules[rule.id]?.enforcementLevel, all: config.all }) !== 'disabled'
  );
}

/** The findings of one rule on one realm (no suppressions): the unit the policy pack reuses. */
export function findingsOf(
  rule: Rule,
  loaded: LoadedRealm,
  profile: Profile,
  config: PolicyConfig,
  now: Date,
): Finding[] {
  const realm = loaded.settings.realm;
  const findings: Finding[] = [];
  for (const violation of rule.check(loaded.settings, paramsFor(rule, profile, config), { profile, now })) {
    findings.push(findingOf(rule, realm, violation, loaded));
  }
  return findings;
}

/**
 * One finding, its keys in the reports' order. Assigned one by one, not spread in: ten thousand
 * findings each spread two optional parts in at a cost that showed in the profile.
 */
function findingOf(rule: Rule, realm: string, violation: Violation, loaded: LoadedRealm): Finding {
  const entity = entityOfPath(violation.path);
  const location = positionOf(loaded.source, violation.path);
  const template = rule.messages[violation.messageId] ?? violation.messageId;
  const finding: Partial<Finding> = { ruleId: rule.id, severity: violation.severity ?? rule.severity, realm };
  if (entity) finding.entity = entity;
  finding.path = violation.path;
  finding.messageId = violation.messageId;
  finding.message = formatMessage(template, violation.data);
  if (location) finding.location = location;
  finding.fingerprint = fingerprintOf(realm, entity, rule.id, violation.path);
  return finding as Finding;
}

export function runRules(realms: readonly LoadedRealm[], options: RunOptions = {}): RuleRunResult {
  const config = options.config ?? EMPTY_POLICY_CONFIG;
  const now = options.now ?? new Date();
  const rules = (options.rules ?? allRules).filter((rule) => isRuleEnabled(rule, config));
  const active = config.suppressions.filter((suppression) => !isExpired(suppression, now));
  const expired = config.suppressions
    .filter((suppression) => isExpired(suppression, now))
    .map((suppression) => ({ suppression, findings: [] as Finding[] }));

  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const ran: RuleRunResult['realms'] = [];
  for (const loaded of realms) {
    const profile = options.profile ?? loaded.profile ?? DEFAULT_PROFILE;
    ran.push({ realm: loaded.settings.realm, profile, origin: loaded.source.origin });
    for (const rule of rules) {
      for (const finding of findingsOf(rule, loaded, profile, config, now)) {
        const suppression = active.find((candidate) => suppresses(candidate, finding));
        if (suppression) {
          suppressed.push({
            ...finding,
            reason: suppression.reason,
            ...(suppression.expires !== undefined && { expires: suppression.expires }),
          });
          continue;
        }
        findings.push(finding);
        for (const entry of expired) if (suppresses(entry.suppression, finding)) entry.findings.push(finding);
      }
    }
  }
  sortFindings(findings);
  sortFindings(suppressed);
  return { findings, suppressed, expiredSuppressions: expired, rules, realms: ran };
}

export function suppresses(suppression: Suppression, finding: Finding): boolean {
  return (
    suppression.rule === finding.ruleId &&
    (suppression.realm === undefined || suppression.realm === finding.realm) &&
    (suppression.entity === undefined || suppression.entity === finding.entity?.id)
  );
}
