/**
 * The policy config file (YAML): per-rule enforcement and parameter overrides in the same
 * shape as Pulumi's `--policy-pack-config`, plus suppressions with a required reason.
 *
 *   rules:
 *     all: advisory                      # or { enforcementLevel: advisory }
 *     access-token-lifespan: { enforcementLevel: mandatory, max: 600 }
 *     service-account-mixed: disabled
 *   suppressions:
 *     - { rule: password-grant, entity: legacy-cli, realm: acme, reason: "…", expires: 2027-01-31 }
 *
 * Read like a baseline: the model's YAML parser (positions, limits), the shape checked by a
 * TypeBox schema through ajv (config-schema.ts), then rule ids, parameter names and parameter
 * types checked against the catalogue, with "did you mean". Every mistake is an InputError naming
 * the file, line and key; all of them are reported at once.
 */
import { readFile } from 'node:fs/promises';
import { InputError, inputProblemsOf, throwIfAny } from '../model/errors.ts';
import { decodeUtf8 } from '../model/source/utf8.ts';
import { locate, parseYaml, type ParsedText } from '../model/source/parse-text.ts';
import type { DocPath } from '../model/source/doc-positions.ts';
import { didYouMean } from '../model/source/suggest.ts';
import { schemaValidator, type SchemaValidator } from '../model/source/validate-schema.ts';
import { parseYamlDocument } from '../model/source/yaml-document.ts';
import type { SourcePosition } from '../model/realm-settings.ts';
import type { ParamValue, Rule, RuleParams } from './define-rule.ts';
import { ENFORCEMENT_LEVELS, isEnforcementLevel, type EnforcementLevel } from './enforcement.ts';
import { PolicyConfigSchema, type PolicyConfigDocument, type SuppressionSchema } from './config-schema.ts';
import type { Static } from '@sinclair/typebox';
import { allRules } from './rules/index.ts';

export interface RuleConfig {
  enforcementLevel?: EnforcementLevel;
  /** Parameter overrides, checked against the rule's parameters. */
  params: Partial<RuleParams>;
}

export interface Suppression {
  rule: string;
  /** clientId or key provider name; absent = every finding of the rule (in the realm, if given). */
  entity?: string;
  realm?: string;
  reason: string;
  /** YYYY-MM-DD: the suppression holds through that day (UTC), then stops suppressing. */
  expires?: string;
  location?: SourcePosition;
}

export interface PolicyConfig {
  file?: string;
  all?: EnforcementLevel;
  rules: Record<string, RuleConfig>;
  suppressions: Suppression[];
}

export const EMPTY_POLICY_CONFIG: PolicyConfig = { rules: {}, suppressions: [] };

export async function loadPolicyConfig(path: string, rules: readonly Rule[] = allRules): Promise<PolicyConfig> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code ?? String(error)})`,
      { file: path },
      'pass an existing YAML file to --config',
    );
  }
  return parsePolicyConfig(decodeUtf8(bytes, path), path, rules);
}

const validator: SchemaValidator<typeof PolicyConfigSchema> = schemaValidator(PolicyConfigSchema);

export function parsePolicyConfig(text: string, file: string, rules: readonly Rule[] = allRules): PolicyConfig {
  const parsed = parseConfigYaml(text, file);
  const config: PolicyConfig = { file, rules: {}, suppressions: [] };
  if (!parsed) return config;
  const { value } = parsed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('the config must be a mapping with `rules` and/or `suppressions`', {
      file,
      line: 1,
      column: 1,
    });
  }
  const document = checkShape(parsed, value);
  const reader = new ConfigReader(parsed, rules);
  reader.readRules(document.rules ?? {}, config);
  reader.readSuppressions(document.suppressions ?? [], config);
  throwIfAny(reader.problems);
  return config;
}

/** The schema's verdict: one problem is thrown as itself (an InputError), several as InputErrors. */
function checkShape(parsed: ParsedText, value: unknown): PolicyConfigDocument {
  try {
    validator.check(parsed, value);
    return value;
  } catch (error) {
    throwIfAny(inputProblemsOf(error));
    throw error;
  }
}

/**
 * The model's YAML parser (nesting and alias limits, positions of every key), or undefined for a
 * file without content: an empty config is allowed. The document is composed once first, for the
 * config's own wording of a syntax error and to tell an empty file from a broken one.
 */
function parseConfigYaml(text: string, file: string): ParsedText | undefined {
  const { document, lineCounter } = parseYamlDocument(text, file);
  const firstError = document.errors[0];
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    throw new InputError(`not valid YAML: ${firstError.message.split('\n')[0] ?? ''}`, { file, line, column: col });
  }
  const root = document.contents;
  const empty = root === null || (root.toJSON() as unknown) === null || (root.toJSON() as unknown) === '';
  return empty ? undefined : parseYaml(text, file);
}

/** Checks the schema-valid document against the catalogue, collecting every problem. */
class ConfigReader {
  readonly problems: InputError[] = [];
  private readonly byId: Map<string, Rule>;

  constructor(
    private readonly parsed: ParsedText,
    rules: readonly Rule[],
  ) {
    this.byId = new Map(rules.map((rule) => [rule.id, rule]));
  }

  readRules(rules: Record<string, unknown>, config: PolicyConfig): void {
    for (const [id, value] of Object.entries(rules)) {
      const path = ['rules', id];
      if (id === 'all') {
        const level = this.readLevelOnly(value, path);
        if (level) config.all = level;
        continue;
      }
      const rule = this.byId.get(id);
      if (!rule) {
        this.problem(path, `unknown rule '${id}'`, this.unknownRuleHint(id, 'see docs/rules.md for the rule ids'));
        continue;
      }
      const ruleConfig = this.readRuleConfig(value, path, rule);
      if (ruleConfig) config.rules[id] = ruleConfig;
    }
  }

  private readLevelOnly(value: unknown, path: DocPath): EnforcementLevel | undefined {
    if (!isMapping(value)) return this.level(value, path);
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'enforcementLevel')
      return this.level(value.enforcementLevel, [...path, 'enforcementLevel']);
    this.problem(path, '`all` takes only an enforcement level', `one of ${ENFORCEMENT_LEVELS.join(', ')}`);
    return undefined;
  }

  private readRuleConfig(value: unknown, path: DocPath, rule: Rule): RuleConfig | undefined {
    if (!isMapping(value)) {
      if (Array.isArray(value)) {
        this.problem(path, 'a rule takes an enforcement level or a mapping of enforcementLevel and parameters');
        return undefined;
      }
      const level = this.level(value, path);
      return level && { enforcementLevel: level, params: {} };
    }
    const result: RuleConfig = { params: {} };
    const defaults = rule.params.baseline;
    for (const [key, setting] of Object.entries(value)) {
      const keyPath = [...path, key];
      if (key === 'enforcementLevel') {
        const level = this.level(setting, keyPath);
        if (level) result.enforcementLevel = level;
        continue;
      }
      // Own keys only: `key in` also finds 'constructor' and would report "expected a function".
      const example = Object.hasOwn(defaults, key) ? defaults[key] : undefined;
      if (example === undefined) {
        const known = ['enforcementLevel', ...Object.keys(defaults)];
        this.problem(
          keyPath,
          `rule '${rule.id}' has no parameter '${key}'`,
          didYouMean(key, known, `it takes ${known.join(', ')}`),
        );
        continue;
      }
      const param = this.param(setting, keyPath, example);
      if (param !== undefined) result.params[key] = param;
    }
    return result;
  }

  /** A parameter value of the same type as the rule's default: a number, a boolean, a text or a list of texts. */
  private param(value: unknown, path: DocPath, example: ParamValue): ParamValue | undefined {
    const wrong = paramProblem(value, example);
    if (wrong === undefined) return value as ParamValue;
    this.problem(wrong.item === undefined ? path : [...path, wrong.item], wrong.message, wrong.hint);
    return undefined;
  }

  private level(value: unknown, path: DocPath): EnforcementLevel | undefined {
    if (isEnforcementLevel(value)) return value;
    this.problem(
      path,
      `unknown enforcement level ${JSON.stringify(value ?? null)}`,
      `use one of ${ENFORCEMENT_LEVELS.join(', ')}`,
    );
    return undefined;
  }

  readSuppressions(suppressions: readonly SuppressionDocument[], config: PolicyConfig): void {
    suppressions.forEach((item, index) => {
      const path = ['suppressions', index];
      const wrong = this.suppressionProblem(item);
      if (wrong) {
        this.problem(wrong.key === undefined ? path : [...path, wrong.key], wrong.message, wrong.hint);
        return;
      }
      const at = this.parsed.positions.get(path);
      config.suppressions.push({
        ...trimmed(item),
        ...(at && { location: { file: this.parsed.file, line: at.line, column: at.column } }),
      });
    });
  }

  private suppressionProblem(item: SuppressionDocument): Problem<'rule' | 'reason' | 'expires'> | undefined {
    const { rule, reason, expires } = trimmed(item);
    if (rule === '') return { message: 'a suppression needs `rule`' };
    if (!this.byId.has(rule))
      return { key: 'rule', message: `unknown rule '${rule}'`, hint: this.unknownRuleHint(rule, 'see docs/rules.md') };
    if (reason === '')
      return {
        key: 'reason',
        message: 'a suppression needs a `reason`',
        hint: 'say why the finding is accepted, and who accepted it',
      };
    if (expires !== undefined && !isIsoDate(expires))
      return { key: 'expires', message: `expires '${expires}' is not a date`, hint: 'write it as YYYY-MM-DD' };
    return undefined;
  }

  private unknownRuleHint(id: string, fallback: string): string {
    return didYouMean(id, [...this.byId.keys()], fallback);
  }

  /** Records a problem at `path`: its line and column, and the key path. */
  private problem(path: DocPath, message: string, hint?: string): void {
    this.problems.push(new InputError(message, locate(this.parsed, path), hint));
  }
}

type SuppressionDocument = Static<typeof SuppressionSchema>;

/** What is wrong, and under which key (or list item) of the value it sits. */
interface Problem<K> {
  key?: K;
  message: string;
  hint?: string;
}

/** The suppression's texts without surrounding blanks ('' for a missing rule or reason: the schema lets them be absent). */
function trimmed(item: SuppressionDocument): Omit<Suppression, 'location'> {
  const { rule = '', reason = '', entity, realm, expires } = item;
  return {
    rule: rule.trim(),
    reason: reason.trim(),
    ...(entity !== undefined && { entity: entity.trim() }),
    ...(realm !== undefined && { realm: realm.trim() }),
    ...(expires !== undefined && { expires: expires.trim() }),
  };
}

/** Why a parameter value does not have the type of the rule's default, or undefined when it does. */
function paramProblem(value: unknown, example: ParamValue): (Problem<never> & { item?: number }) | undefined {
  if (Array.isArray(example)) {
    if (!Array.isArray(value))
      return { message: 'expected a list of strings', hint: 'write [a, b] or one "- item" per line' };
    const item = value.findIndex((entry) => typeof entry !== 'string');
    return item === -1 ? undefined : { item, message: 'expected a list of strings' };
  }
  if (typeof value !== typeof example) return { message: `expected a ${typeof example}, got ${JSON.stringify(value)}` };
  if (typeof value === 'number' && !(Number.isFinite(value) && value >= 0))
    return { message: 'expected a number of zero or more' };
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isIsoDate(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
  );
}

/** Whether a suppression is past its expiry date at `now` (it holds through that whole day, UTC). */
export function isExpired(suppression: Suppression, now: Date): boolean {
  if (suppression.expires === undefined) return false;
  return now.getTime() >= Date.parse(`${suppression.expires}T00:00:00Z`) + 86_400_000;
}
