/**
 * defineRule: the one shape every rule has (as typescript-eslint's createRule). A rule file
 * holds only what is particular to it — metadata, parameters per profile, messages and a pure
 * check over RealmSettings; this wrapper fills the docs anchor and checks the metadata once.
 */
import type { FieldPath, RealmSettings } from '../model/realm-settings.ts';
import type { Profile } from '../model/profiles.ts';
import type { Severity } from './finding.ts';

export type { Profile };

/** A rule parameter: thresholds are numbers (seconds, bits, bytes), switches, names or lists. */
export type ParamValue = number | boolean | string | readonly string[];
export type RuleParams = Record<string, ParamValue>;
/** Parameters as a check receives them: config may set `false` where both profiles say `true`. */
export type ConfiguredParams<P extends RuleParams> = { [K in keyof P]: P[K] extends boolean ? boolean : P[K] };

export interface RuleSource {
  /** e.g. 'RFC 9700', 'OWASP ASVS 5.0', 'NIST SP 800-63B-4', 'FAPI 2.0 Security Profile'. */
  document: string;
  /** e.g. '§2.1.1', 'V10.4.6'. */
  section: string;
  /** Edition or date, when the document name does not carry it. */
  version?: string;
  url?: string;
}

/** What fixes a finding: a baseline key to set, or — for what no realm setting fixes — an action. */
export type Remediation = SettingRemediation | ActionRemediation;

export interface SettingRemediation {
  /** The baseline key to set, in model terms (dots, `clients[]` for every client). */
  baselineKey: string;
  /** The value that satisfies the rule (under the baseline profile unless `note` says otherwise). */
  value: unknown;
  note?: string;
}

export interface ActionRemediation {
  /** One imperative sentence, e.g. 'Upgrade the Keycloak server to the newest release of its line.' */
  action: string;
}

/** What a rule's check yields: where, which message, and (when it varies) how severe. */
export interface Violation<M extends string = string> {
  path: FieldPath;
  messageId: M;
  data?: Record<string, string | number | undefined>;
  /** Defaults to the rule's severity; rules whose severity depends on the case set it. */
  severity?: Severity;
}

/**
 * The parts of a realm a check can read, as the model groups them. Where a rule runs follows
 * from them: the policy pack judges it on the Pulumi resources that declare these parts
 * (policies/pack/targets.ts holds the one map from part to resource types).
 */
export type RealmPart =
  | 'realm'
  | 'events'
  | 'clients'
  | 'keys'
  | 'clientPolicies'
  | 'compromisedKeys'
  | 'identityProviders'
  /** Identity providers' mappers: resources of their own in a Pulumi stack, judged with their identity provider. */
  | 'identityProviderMappers'
  | 'clientScopes'
  | 'access'
  | 'authentication'
  | 'userProfile';

export interface RuleContext {
  profile: Profile;
  /** The clock, for date-based rules (passive-key-retention); tests pin it. */
  now: Date;
}

export interface RuleDefinition<P extends RuleParams, M extends string> {
  /** kebab-case, explains itself; the docs anchor and the policy name. */
  id: string;
  title: string;
  /** The most severe a finding of this rule can be. */
  severity: Severity;
  sources: readonly [RuleSource, ...RuleSource[]];
  /** Why it matters, in one or two sentences. */
  why: string;
  remediation: Remediation;
  /** Threshold defaults per profile; config overrides them key by key. */
  params: Record<Profile, P>;
  /** Descriptions of each parameter, for the docs and the policy pack's config schema. */
  paramDocs: Record<keyof P, string>;
  messages: Record<M, string>;
  /** What the check reads, when that is not just its category's part (realm settings, clients or keys). */
  reads?: readonly RealmPart[];
  /**
   * The check judges the realm as a whole: another key, client policy... could clear a finding,
   * so a realm seen only in part (some of its resources unknown during preview) is not judged.
   */
  wholeRealm?: boolean;
  check(realm: RealmSettings, params: ConfiguredParams<P>, context: RuleContext): Iterable<Violation<M>>;
}

export interface Rule<P extends RuleParams = RuleParams, M extends string = string> extends RuleDefinition<P, M> {
  /** Which folder the rule lives in: what it is about. */
  category: 'realm' | 'keys' | 'clients' | 'identity-providers' | 'access';
  /** docs/rules.md anchor. */
  docsAnchor: string;
  reads: readonly RealmPart[];
  wholeRealm: boolean;
}

/** The docs page every finding links to; `#<rule id>` is each rule's anchor. */
export const RULE_DOCS_URL = 'https://github.com/realmguard/realmguard/blob/main/docs/rules.md';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The part of the realm a rule of each category reads unless it says otherwise. */
const CATEGORY_PART: Record<Rule['category'], RealmPart> = {
  realm: 'realm',
  keys: 'keys',
  clients: 'clients',
  'identity-providers': 'identityProviders',
  access: 'access',
};

export function defineRule<P extends RuleParams, M extends string>(
  category: Rule['category'],
  definition: RuleDefinition<P, M>,
): Rule<P, M> {
  if (!ID_PATTERN.test(definition.id)) throw new Error(`rule id '${definition.id}' is not kebab-case`);
  if (definition.sources.length === 0) throw new Error(`rule '${definition.id}' cites no source`);
  return {
    ...definition,
    category,
    docsAnchor: `${RULE_DOCS_URL}#${definition.id}`,
    reads: definition.reads ?? [CATEGORY_PART[category]],
    wholeRealm: definition.wholeRealm ?? false,
  };
}

/** Fills `{{name}}` placeholders of a rule message. */
export function formatMessage(template: string, data: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    data[name] !== undefined ? String(data[name]) : match,
  );
}
