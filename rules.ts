/** realmguard/rules: the rule catalogue, running it over loaded realms, and the policy config it reads. */
export { allRules } from './policies/rules/index.ts';
export {
  runRules,
  paramsFor,
  isRuleEnabled,
  type RunOptions,
  type RuleRunResult,
  type SuppressedFinding,
  type ExpiredSuppression,
} from './policies/run.ts';
export {
  defineRule,
  RULE_DOCS_URL,
  type Rule,
  type RuleDefinition,
  type RuleParams,
  type RuleContext,
  type Violation,
  type Remediation,
} from './policies/define-rule.ts';
export {
  SEVERITIES,
  severityRank,
  compareFindings,
  type Finding,
  type Severity,
  type EntityRef,
} from './policies/finding.ts';
export {
  loadPolicyConfig,
  parsePolicyConfig,
  EMPTY_POLICY_CONFIG,
  type PolicyConfig,
  type RuleConfig,
  type Suppression,
} from './policies/config.ts';
