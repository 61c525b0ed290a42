/**
 * The policy config read like a baseline: its shape through the TypeBox schema and ajv (the same
 * messages as a baseline's), the catalogue checks with "did you mean" only for plausible typos,
 * list parameters, and every problem of a file reported at once.
 */
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../model/errors.ts';
import type { Profile } from '../../../model/profiles.ts';
import { parsePolicyConfig } from '../../../policies/config.ts';
import { PolicyConfigSchema } from '../../../policies/config-schema.ts';
import type { Rule, RuleParams } from '../../../policies/define-rule.ts';
import { allRules } from '../../../policies/rules/index.ts';
import { precompiledValidatorsCode } from '../../../scripts/lib/precompile-validators.ts';
import { schemaKey } from '../../../model/source/validate-schema.ts';

const parse = (text: string, rules?: readonly Rule[]) => parsePolicyConfig(text, 'realmguard.yaml', rules);

function problemsOf(text: string, rules?: readonly Rule[]): InputError[] {
  try {
    parse(text, rules);
  } catch (error) {
    if (error instanceof InputError) return [error];
    if (error instanceof InputErrors) return error.errors;
    throw error;
  }
  throw new Error('expected input errors');
}

/** A catalogue rule given a list parameter whose default is empty, as rules with `sensitiveRoles` have. */
function ruleWithListParam(): Rule {
  const [base] = allRules;
  if (!base) throw new Error('the catalogue is empty');
  return {
    ...base,
    id: 'list-param-rule',
    params: { baseline: { sensitiveRoles: [] }, strict: { sensitiveRoles: [] } } satisfies Record<Profile, RuleParams>,
  };
}

describe('policy config: the schema and the catalogue', () => {
  it('configures a list parameter whose default is empty, and refuses a list holding a non-text', () => {
    const rules = [ruleWithListParam()];
    const config = parse('rules:\n  list-param-rule:\n    sensitiveRoles: [realm-admin, manage-users]\n', rules);
    expect(config.rules['list-param-rule']).toEqual({ params: { sensitiveRoles: ['realm-admin', 'manage-users'] } });
    const [problem, ...rest] = problemsOf(
      'rules:\n  list-param-rule:\n    sensitiveRoles:\n      - a\n      - [b]\n',
      rules,
    );
    expect(rest).toEqual([]);
    expect(problem?.format()).toBe(
      'realmguard.yaml:5:9: rules.list-param-rule.sensitiveRoles[1]: expected a list of strings',
    );
    expect(problemsOf('rules:\n  list-param-rule:\n    sensitiveRoles: realm-admin\n', rules)[0]?.format()).toMatch(
      /^realmguard\.yaml:3:5: rules\.list-param-rule\.sensitiveRoles: expected a list of strings — write \[a, b\]/,
    );
  });

  it("extends the access rules' sensitive roles from the config", () => {
    const config = parse(
      'rules:\n  sensitive-role-group:\n    additionalSensitiveRoles: [billing-admin, shop/manage-orders]\n',
    );
    expect(config.rules['sensitive-role-group']).toEqual({
      params: { additionalSensitiveRoles: ['billing-admin', 'shop/manage-orders'] },
    });
  });

  it('reports every problem of the file at once, in file order', () => {
    const problems = problemsOf(
      'rules:\n  acess-token-lifespan: mandatory\n  access-token-lifespan: { max: -5 }\nsuppressions:\n  - { rule: password-grant }\n',
    );
    expect(problems.map((problem) => problem.format())).toEqual([
      "realmguard.yaml:2:3: rules.acess-token-lifespan: unknown rule 'acess-token-lifespan' — did you mean 'access-token-lifespan'? (see docs/rules.md for the rule ids)",
      'realmguard.yaml:3:28: rules.access-token-lifespan.max: expected a number of zero or more',
      'realmguard.yaml:5:5: suppressions[0].reason: a suppression needs a `reason` — say why the finding is accepted, and who accepted it',
    ]);
  });

  it('suggests a rule only when the name is a plausible typo', () => {
    expect(problemsOf('rules:\n  zzzzzzzz: mandatory\n')[0]?.hint).toBe('see docs/rules.md for the rule ids');
  });

  it.each([
    [
      'a section of the wrong type',
      'suppressions: {}\n',
      /^realmguard\.yaml:1:\d+: suppressions: expected a list or nothing, got a mapping/,
    ],
    [
      'an unknown key in a suppression, with a suggestion',
      'suppressions:\n  - { rule: password-grant, reason: x, reasn: y }\n',
      /^realmguard\.yaml:2:40: suppressions\[0\]\.reasn: unknown key 'reasn' — did you mean 'reason'\?/,
    ],
    [
      'a blank reason',
      "suppressions:\n  - { rule: password-grant, reason: '  ' }\n",
      /^realmguard\.yaml:2:\d+: suppressions\[0\]\.reason: .* — write a non-empty text/,
    ],
    ['a key written twice', 'rules:\n  all: advisory\n  all: mandatory\n', /^realmguard\.yaml:3:3: not valid YAML/],
  ])('refuses %s with file, line and key', (_name, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.format()).toMatch(expected);
  });

  it('leaves the watch section to watch/config.ts', () => {
    expect(parse('watch:\n  pageSize: 10\nrules:\n  all: advisory\n').all).toBe('advisory');
  });

  it('a file of comments only is an empty config', () => {
    expect(parse('# nothing configured yet\n')).toEqual({ file: 'realmguard.yaml', rules: {}, suppressions: [] });
  });

  it('the build precompiles its schema, so the command never compiles it at start-up', () => {
    expect(precompiledValidatorsCode()).toContain(schemaKey(PolicyConfigSchema));
  });
});
