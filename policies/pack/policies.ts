/**
 * The CrossGuard policies: one per rule, built from the rule's metadata (severity, framework,
 * remediation, docs URL) and judged by the rule's own check over RealmSettings assembled from
 * the resources' inputs. Pure: policies/index.ts hands the result to `new PolicyPack`.
 */
import type {
  Policies,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity as PulumiSeverity,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';
import { isProfile, type Profile } from '../../model/profiles.ts';
import type { ParamValue, Rule, RuleParams } from '../define-rule.ts';
import { defaultEnforcement } from '../enforcement.ts';
import type { Finding } from '../finding.ts';
import type { PolicyConfig } from '../config.ts';
import { findingsOf } from '../run.ts';
import { allRules } from '../rules/index.ts';
import { REALM_TYPE, valueAt, type AssembledRealm, type PackResource } from './assemble.ts';
import { assembledCopies } from './assembled-copies.ts';
import { propertyDependencyUrns } from './references.ts';
import { packTarget, readsConfiguredKeys } from './targets.ts';
import { containsUnknown, rawProps } from './unknowns.ts';

/** Stack tag naming the profile when the policy config does not: `realmguard:profile`. */
export const PROFILE_STACK_TAG = 'realmguard:profile';

/** What `--policy-pack-config` may set for a policy, besides enforcementLevel. */
export interface PackPolicyConfig {
  profile?: Profile;
  compromisedKeys?: string[];
  [param: string]: unknown;
}

export function buildPolicies(rules: readonly Rule[] = allRules, now: () => Date = () => new Date()): Policies {
  return rules.map((rule) => {
    const target = packTarget(rule);
    const common = {
      name: rule.id,
      description: `${rule.title}. ${rule.why}`,
      enforcementLevel: defaultEnforcement(rule.severity),
      severity: pulumiSeverity(rule),
      framework: framework(rule),
      tags: ['keycloak', rule.category, ...new Set(rule.sources.map((source) => source.document))],
      remediationSteps: remediationSteps(rule),
      url: rule.docsAnchor,
      configSchema: configSchema(rule),
    };
    if (target.kind === 'resource') {
      const policy: ResourceValidationPolicy = {
        ...common,
        validateResource: ofTypes(target.types, (args, report) =>
          validateResource(rule, target.types, args, report, now()),
        ),
      };
      return policy;
    }
    const policy: StackValidationPolicy = {
      ...common,
      validateStack: (args, report) => validateStack(rule, target.types, target.wholeRealm, args, report, now()),
    };
    return policy;
  });
}

/**
 * The SDK reads (deserializes) a resource's inputs for every resource policy before calling it,
 * unless the policy's function carries its one resource type, as validateResourceOfType sets it
 * from a resource class: then resources of other types are passed over unread. A policy on one
 * type gets it here (without loading the provider's classes for it); one on several types judges
 * each resource and looks at the type itself.
 */
function ofTypes(types: readonly string[], validate: ResourceValidation): ResourceValidation {
  const [only] = types;
  return types.length === 1 && only !== undefined ? Object.assign(validate, { __pulumiType: only }) : validate;
}

function validateResource(
  rule: Rule,
  types: readonly string[],
  args: ResourceValidationArgs,
  report: ReportViolation,
  now: Date,
): void {
  if (!types.includes(args.type)) return;
  const settings = packSettings(args.getConfig<PackPolicyConfig>(), args.stackTags);
  const resource = { type: args.type, urn: args.urn, name: args.name, props: rawProps(args.props) };
  const copies = assembledCopies([resource], settings.compromisedKeys);
  for (const { finding } of robustFindings(rule, copies, settings, now)) report(violationMessage(finding));
}

function validateStack(
  rule: Rule,
  types: readonly string[],
  wholeRealm: boolean,
  args: StackValidationArgs,
  report: ReportViolation,
  now: Date,
): void {
  const settings = packSettings(args.getConfig<PackPolicyConfig>(), args.stackTags);
  const relevant = args.resources
    .filter((resource) => types.includes(resource.type))
    .map((resource) => ({
      type: resource.type,
      urn: resource.urn,
      name: resource.name,
      props: rawProps(resource.props),
      propertyDependencies: propertyDependencyUrns(resource),
    }));
  for (const group of groupByRealm(relevant, wholeRealm)) {
    const copies = assembledCopies(group, settings.compromisedKeys);
    for (const { finding, urn } of robustFindings(rule, copies, settings, now)) report(violationMessage(finding), urn);
  }
}

interface PackSettings {
  profile: Profile;
  /** Parameter overrides as given (checked per rule in configuredParams). */
  params: Record<string, unknown>;
  compromisedKeys: string[];
}

/** The policy's config: profile (config, else stack tag, else baseline), parameters, compromised keys. */
function packSettings(raw: PackPolicyConfig, stackTags: ReadonlyMap<string, string>): PackSettings {
  const { profile, compromisedKeys, ...params } = raw;
  const tagged = stackTags.get(PROFILE_STACK_TAG);
  return {
    profile: isProfile(profile) ? profile : isProfile(tagged) ? tagged : 'baseline',
    compromisedKeys: Array.isArray(compromisedKeys)
      ? compromisedKeys.filter((item): item is string => typeof item === 'string')
      : [],
    params,
  };
}

/**
 * The findings that hold whatever the unknown values turn out to be: one run per copy of the
 * inputs (each with other stand-ins), and a finding is kept only when every run reports it
 * (same rule, message and path) and the value at its path is the same in every copy — a
 * value that changes with the stand-ins comes from an unknown, so judging it would be a guess.
 */
function robustFindings(
  rule: Rule,
  copies: readonly AssembledRealm[],
  settings: PackSettings,
  now: Date,
): Array<{ finding: Finding; urn?: string }> {
  let kept: Map<string, { finding: Finding; urn?: string; value: string }> | undefined;
  const config: PolicyConfig = { rules: { [rule.id]: { params: configuredParams(rule, settings) } }, suppressions: [] };
  for (const assembled of copies) {
    const loaded = {
      settings: assembled.settings,
      source: { kind: 'pulumi' as const, origin: assembled.origin, positions: new Map() },
    };
    const current = new Map<string, { finding: Finding; urn?: string; value: string }>();
    for (const finding of findingsOf(rule, loaded, settings.profile, config, now)) {
      // Keycloak's own keys count for the realm as a whole (a signing key exists), but the stack
      // declares none of them: a finding about one is not the stack's to answer for.
      if (assembled.isKeycloakOwnKey(finding.path)) continue;
      const urn = assembled.ownerOf(finding.path);
      const value = (JSON.stringify(valueAt(assembled.settings, finding.path)) as string | undefined) ?? 'undefined'; // undefined for an absent value
      current.set(`${finding.messageId}\u0000${finding.path.join('\u0000')}`, {
        finding,
        value,
        ...(urn !== undefined && { urn }),
      });
    }
    kept =
      kept === undefined
        ? current
        : new Map([...kept].filter(([key, entry]) => current.get(key)?.value === entry.value));
    if (kept.size === 0) break;
  }
  return [...(kept?.values() ?? [])].map(({ finding, urn }) => ({ finding, ...(urn !== undefined && { urn }) }));
}

/** Parameter overrides from the policy config, only those of the rule's own parameters and types. */
function configuredParams(rule: Rule, settings: PackSettings): Partial<RuleParams> {
  const raw = settings.params;
  const out: Partial<RuleParams> = {};
  for (const [key, example] of Object.entries(rule.params.baseline)) {
    const value = raw[key];
    if (value === undefined) continue;
    if (
      Array.isArray(example)
        ? Array.isArray(value) && value.every((item) => typeof item === 'string')
        : typeof value === typeof example
    ) {
      out[key] = value as ParamValue;
    }
  }
  return out;
}

/**
 * Resources per realm. A resource whose `realmId` names a realm of the stack goes to it; one whose
 * realm is unknown during preview goes to the stack's only realm, and with several realms to
 * none. With `wholeRealm`, a group that might be missing a member — an unknown realmId with
 * several realms, or a realmId that matches no known realm while some realm's name is unknown —
 * is left out: judging part of a realm could report a violation (no active key, no client
 * policy) that its missing resources would clear. A realmId naming no realm of the stack at all
 * is a realm managed elsewhere and is not judged here.
 */
function groupByRealm(resources: PackResource[], wholeRealm: boolean): PackResource[][] {
  const known = (value: unknown): string | undefined =>
    typeof value === 'string' && !containsUnknown(value) ? value : undefined;
  const realms = resources.filter((resource) => resource.type === REALM_TYPE);
  const groups = new Map<PackResource, PackResource[]>(realms.map((realm) => [realm, [realm]]));
  const byName = new Map(
    realms.flatMap((realm) => {
      const name = known(realm.props.realm);
      return name === undefined ? [] : [[name, realm] as const];
    }),
  );
  const unnamed = realms.filter((realm) => known(realm.props.realm) === undefined);
  const incomplete = new Set<PackResource>();
  for (const resource of resources) {
    if (resource.type === REALM_TYPE) continue;
    // Identity providers name their realm `realm`; every other resource, `realmId`.
    const realmId = known(resource.props.realmId ?? resource.props.realm);
    const owner = realmId !== undefined ? byName.get(realmId) : realms.length === 1 ? realms[0] : undefined;
    const ownerGroup = owner && groups.get(owner);
    if (ownerGroup) ownerGroup.push(resource);
    else if (realmId === undefined) realms.forEach((realm) => incomplete.add(realm));
    else unnamed.forEach((realm) => incomplete.add(realm));
  }
  return [...groups].filter(([realm]) => !wholeRealm || !incomplete.has(realm)).map(([, group]) => group);
}

function violationMessage(finding: Finding): string {
  const entity = finding.entity ? `${finding.entity.kind} ${finding.entity.id}: ` : '';
  return `${entity}${finding.message} [${finding.ruleId}, ${finding.path.join('.')}]`;
}

function pulumiSeverity(rule: Rule): PulumiSeverity {
  return rule.severity === 'info' ? 'low' : rule.severity;
}

function framework(rule: Rule) {
  const [source] = rule.sources;
  return {
    name: source.document,
    version: source.version ?? '',
    reference: source.section,
    specification: source.url ?? '',
  };
}

function remediationSteps(rule: Rule): string {
  const fix = rule.remediation;
  return [
    'action' in fix
      ? fix.action
      : `Set ${fix.baselineKey} to ${JSON.stringify(fix.value)}${fix.note ? ` (${fix.note})` : ''} in the realm baseline, or the matching provider argument.`,
    `Sources: ${rule.sources.map((source) => `${source.document} ${source.section}`).join('; ')}.`,
    `Details: ${rule.docsAnchor}`,
  ].join('\n');
}

function configSchema(rule: Rule): PolicyConfigSchema {
  const properties: PolicyConfigSchema['properties'] = {
    profile: {
      type: 'string',
      enum: ['baseline', 'strict'],
      description: "Threshold profile (default: the stack tag 'realmguard:profile', else baseline).",
    },
  };
  for (const [key, example] of Object.entries(rule.params.baseline)) {
    const description = rule.paramDocs[key] ?? key;
    properties[key] = Array.isArray(example)
      ? { type: 'array', items: { type: 'string' }, description }
      : { type: typeof example as 'number' | 'boolean' | 'string', description };
  }
  if (readsConfiguredKeys(rule)) {
    properties.compromisedKeys = {
      type: 'array',
      items: { type: 'string' },
      description: 'Key provider names, component ids or kids that must never be present.',
    };
  }
  return { properties };
}
