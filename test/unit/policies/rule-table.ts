/**
 * ruleTable: typescript-eslint-style tables. Every case starts from the hardened realm,
 * changes one thing, and states exactly which findings (message id, path, severity) come out.
 */
import { describe, expect, it } from 'vitest';
import type { FieldPath, RealmSettings } from '../../../model/realm-settings.ts';
import type { Profile, Rule, RuleParams } from '../../../policies/define-rule.ts';
import type { Severity } from '../../../policies/finding.ts';
import { findingsOf } from '../../../policies/run.ts';
import { hardenedRealm, loaded, NOW } from '../../support/fixtures.ts';

export { client, key } from '../../support/fixtures.ts';

interface Case {
  name: string;
  change?: (realm: RealmSettings) => void;
  profile?: Profile;
  params?: RuleParams;
  now?: Date;
}

export type ValidCase = Case;

export interface InvalidCase extends Case {
  errors: Array<{ messageId: string; path: FieldPath; severity?: Severity }>;
}

function run(rule: Rule, testCase: Case) {
  const realm = hardenedRealm();
  testCase.change?.(realm);
  const profile = testCase.profile ?? 'baseline';
  const config = { rules: testCase.params ? { [rule.id]: { params: testCase.params } } : {}, suppressions: [] };
  return findingsOf(rule, loaded(realm), profile, config, testCase.now ?? NOW);
}

export function ruleTable(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it.each([
      { name: 'the hardened realm (baseline)' },
      { name: 'the hardened realm (strict)', profile: 'strict' as const },
      ...cases.valid,
    ])('valid: $name', (testCase: ValidCase) => {
      expect(run(rule, testCase)).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $name', (testCase: InvalidCase) => {
      const findings = run(rule, testCase);
      expect(findings.map(({ messageId, path, severity }) => ({ messageId, path: [...path], severity }))).toEqual(
        testCase.errors.map(({ messageId, path, severity }) => ({
          messageId,
          path: [...path],
          severity: severity ?? rule.severity,
        })),
      );
      for (const finding of findings) {
        expect(finding.ruleId).toBe(rule.id);
        expect(finding.realm).toBe('hardened');
        expect(finding.message).not.toMatch(/\{\{/); // every placeholder filled
      }
    });
  });
}
