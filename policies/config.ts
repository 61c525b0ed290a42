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
 * Every mistake is an InputError naming the file, line and key.
 */
import { readFile } from 'node:fs/promises';
import { closest } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { InputError } from '../model/errors.ts';
import { decodeUtf8 } from '../model/source/utf8.ts';
import { isUnsafeNumber } from '../model/source/limits.ts';
import { parseYamlDocument } from '../model/source/yaml-document.ts';
import type { SourcePosition } from '../model/realm-settings.ts';
import type { ParamValue, Rule, RuleParams } from './define-rule.ts';
import { ENFORCEMENT_LEVELS, isEnforcementLevel, type EnforcementLevel } from './enforcement.ts';
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

export function parsePolicyConfig(text: string, file: string, rules: readonly Rule[] = allRules): PolicyConfig {
  // The model's YAML entry: nesting deeper than its limit is refused before it can overflow the stack.
  const { document, lineCounter } = parseYamlDocument(text, file);
  const where = (node: Node | null | undefined, keyPath: string) => {
    const offset = node?.range?.[0];
    const position = offset === undefined ? undefined : lineCounter.linePos(offset);
    return { file, line: position?.line, column: position?.col, keyPath };
  };
  const firstError = document.errors[0];
  if (firstError) {
    const position = lineCounter.linePos(firstError.pos[0]);
    throw new InputError(`not valid YAML: ${firstError.message.split('\n')[0]}`, {
      file,
      line: position.line,
      column: position.col,
    });
  }
  return new ConfigReader(document, rules, where, file).read();
}

type Where = (
  node: Node | null | undefined,
  keyPath: string,
) => { file: string; line?: number; column?: number; keyPath: string };

class ConfigReader {
  private readonly byId: Map<string, Rule>;
  constructor(
    private readonly document: Document,
    rules: readonly Rule[],
    private readonly where: Where,
    private readonly file: string,
  ) {
    this.byId = new Map(rules.map((rule) => [rule.id, rule]));
  }

  read(): PolicyConfig {
    const config: PolicyConfig = { file: this.file, rules: {}, suppressions: [] };
    const root = this.document.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return config;
    if (!isMap(root)) throw this.error(root, '', 'the config must be a mapping with `rules` and/or `suppressions`');
    for (const pair of root.items) {
      const key = this.keyOf(pair.key, '');
      if (key === 'rules') this.readRules(pair.value as Node | null, config);
      else if (key === 'suppressions') this.readSuppressions(pair.value as Node | null, config);
      else if (key === 'watch')
        continue; // read by watch/config.ts
      else throw this.error(pair.key as Node, key, `unknown key '${key}'`, 'the config has `rules` and `suppressions`');
    }
    return config;
  }

  private readRules(node: Node | null, config: PolicyConfig): void {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isMap(node)) throw this.error(node, 'rules', '`rules` must be a mapping of rule id to settings');
    for (const pair of node.items) {
      const id = this.keyOf(pair.key, 'rules');
      const keyPath = `rules.${id}`;
      const value = pair.value as Node | null;
      if (id === 'all') {
        config.all = this.readLevelOnly(value, keyPath);
        continue;
      }
      const rule = this.byId.get(id);
      if (!rule)
        throw this.error(
          pair.key as Node,
          keyPath,
          `unknown rule '${id}'`,
          this.didYouMean(id, [...this.byId.keys()], 'see docs/rules.md for the rule ids'),
        );
      config.rules[id] = this.readRuleConfig(value, keyPath, rule);
    }
  }

  private readLevelOnly(node: Node | null, keyPath: string): EnforcementLevel {
    if (isScalar(node)) return this.level(node, keyPath);
    const only = isMap(node) && node.items.length === 1 ? node.items[0] : undefined;
    if (only && this.keyOf(only.key, keyPath) === 'enforcementLevel') {
      return this.level(only.value as Node | null, `${keyPath}.enforcementLevel`);
    }
    throw this.error(node, keyPath, '`all` takes only an enforcement level', `one of ${ENFORCEMENT_LEVELS.join(', ')}`);
  }

  private readRuleConfig(node: Node | null, keyPath: string, rule: Rule): RuleConfig {
    if (isScalar(node)) return { enforcementLevel: this.level(node, keyPath), params: {} };
    if (!isMap(node))
      throw this.error(
        node,
        keyPath,
        'a rule takes an enforcement level or a mapping of enforcementLevel and parameters',
      );
    const result: RuleConfig = { params: {} };
    const defaults = rule.params.baseline;
    for (const pair of node.items) {
      const key = this.keyOf(pair.key, keyPath);
      const value = pair.value as Node | null;
      if (key === 'enforcementLevel') {
        result.enforcementLevel = this.level(value, `${keyPath}.${key}`);
        continue;
      }
      // Own keys only: `key in` also found 'constructor' and reported "expected a function".
      const example = Object.hasOwn(defaults, key) ? defaults[key] : undefined;
      if (example === undefined) {
        const known = ['enforcementLevel', ...Object.keys(defaults)];
        throw this.error(
          pair.key as Node,
          `${keyPath}.${key}`,
          `rule '${rule.id}' has no parameter '${key}'`,
          this.didYouMean(key, known, `it takes ${known.join(', ')}`),
        );
      }
      result.params[key] = this.param(value, `${keyPath}.${key}`, example);
    }
    return result;
  }

  /** A parameter value of the same type as the rule's default. */
  private param(node: Node | null, keyPath: string, example: ParamValue): ParamValue {
    const json: unknown = node === null ? null : node.toJSON();
    if (Array.isArray(example)) {
      if (Array.isArray(json) && json.every((item) => typeof item === 'string')) return json;
      throw this.error(node, keyPath, 'expected a list of strings');
    }
    if (typeof json !== typeof example)
      throw this.error(node, keyPath, `expected a ${typeof example}, got ${JSON.stringify(json)}`);
    if (typeof json === 'number' && !(Number.isFinite(json) && json >= 0))
      throw this.error(node, keyPath, 'expected a number of zero or more');
    if (isUnsafeNumber(json))
      throw this.error(
        node,
        keyPath,
        `${JSON.stringify(json)} is too large to be read exactly`,
        `use a number of at most ${Number.MAX_SAFE_INTEGER}`,
      );
    return json as ParamValue;
  }

  private level(node: Node | null, keyPath: string): EnforcementLevel {
    const value: unknown = isScalar(node) ? node.value : undefined;
    if (isEnforcementLevel(value)) return value;
    throw this.error(
      node,
      keyPath,
      `unknown enforcement level ${JSON.stringify(value ?? null)}`,
      `use one of ${ENFORCEMENT_LEVELS.join(', ')}`,
    );
  }

  private readSuppressions(node: Node | null, config: PolicyConfig): void {
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isSeq(node)) throw this.error(node, 'suppressions', '`suppressions` must be a list');
    node.items.forEach((item, index) => {
      const keyPath = `suppressions[${index}]`;
      if (!isMap(item))
        throw this.error(
          item as Node,
          keyPath,
          'a suppression is a mapping with rule, reason and optionally entity, realm, expires',
        );
      const fields: Record<string, string> = {};
      for (const pair of item.items) {
        const key = this.keyOf(pair.key, keyPath);
        const value = pair.value as Node | null;
        if (!['rule', 'entity', 'realm', 'reason', 'expires'].includes(key)) {
          throw this.error(
            pair.key as Node,
            `${keyPath}.${key}`,
            `unknown key '${key}'`,
            'a suppression has rule, entity, realm, reason, expires',
          );
        }
        const scalar: unknown = isScalar(value) ? value.value : undefined;
        if (typeof scalar !== 'string' || scalar.trim() === '')
          throw this.error(value ?? item, `${keyPath}.${key}`, `${key} must be a non-empty string`);
        fields[key] = scalar.trim();
      }
      const { rule, entity, realm, reason, expires } = fields;
      if (rule === undefined) throw this.error(item, keyPath, 'a suppression needs `rule`');
      if (!this.byId.has(rule))
        throw this.error(
          item.get('rule', true),
          `${keyPath}.rule`,
          `unknown rule '${rule}'`,
          this.didYouMean(rule, [...this.byId.keys()], 'see docs/rules.md'),
        );
      if (reason === undefined)
        throw this.error(
          item,
          `${keyPath}.reason`,
          'a suppression needs a `reason`',
          'say why the finding is accepted, and who accepted it',
        );
      if (expires !== undefined && !isIsoDate(expires))
        throw this.error(
          item.get('expires', true),
          `${keyPath}.expires`,
          `expires '${expires}' is not a date`,
          'write it as YYYY-MM-DD',
        );
      const at = this.where(item, keyPath);
      config.suppressions.push({
        rule,
        reason,
        ...(entity !== undefined && { entity }),
        ...(realm !== undefined && { realm }),
        ...(expires !== undefined && { expires }),
        ...(at.line !== undefined && { location: { file: this.file, line: at.line, column: at.column ?? 1 } }),
      });
    });
  }

  private keyOf(key: unknown, parentPath: string): string {
    if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
    throw this.error(key as Node, parentPath, 'keys must be plain strings');
  }

  private didYouMean(value: string, candidates: string[], fallback: string): string {
    const guess = candidates.length > 0 ? closest(value, candidates) : undefined;
    return guess !== undefined && guess !== value ? `did you mean '${guess}'? (${fallback})` : fallback;
  }

  private error(node: Node | null | undefined, keyPath: string, message: string, hint?: string): InputError {
    const { file, line, column } = this.where(node, keyPath);
    return new InputError(message, { file, line, column, keyPath: keyPath || undefined }, hint);
  }
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
