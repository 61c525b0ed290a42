/**
 * Arguments as the policy SDK builds them (server.js): inputs wrapped in its unknown-checking
 * proxy, so a policy that touches an unknown value fails here exactly as it would in preview.
 */
import {
  unknownCheckingProxy,
  type PolicyResource,
  type ReportViolation,
  type ResourceValidationArgs,
  type ResourceValidationPolicy,
  type StackValidationArgs,
  type StackValidationPolicy,
} from '@pulumi/policy';
import type { Policies } from '@pulumi/policy';

/** The value the engine sends for an output not known during preview. */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

export interface Resource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Input → names of the resources of the same list it was computed from (the engine's propertyDependencies). */
  dependsOn?: Record<string, string[]>;
}

const urnOf = (resource: Resource) => `urn:pulumi:test::realms::${resource.type}::${resource.name}`;

const opts = {
  protect: false,
  ignoreChanges: [],
  aliases: [],
  customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
  additionalSecretOutputs: [],
};

export interface Violation {
  message: string;
  urn?: string;
}

// @pulumi/policy's proxy.d.ts declares nothing (`export {}`): the proxy's type, as index.d.ts means it.
const checkingUnknowns = unknownCheckingProxy as (props: Record<string, unknown>) => Record<string, unknown>;

function notApplicable(reason?: string): never {
  throw new Error(`notApplicable: ${reason}`);
}

export async function validateResource(
  policy: ResourceValidationPolicy,
  resource: Resource,
  config: object = {},
  stackTags = new Map<string, string>(),
): Promise<Violation[]> {
  const violations: Violation[] = [];
  const report: ReportViolation = (message, urn) => violations.push({ message, ...(urn && { urn }) });
  const args: ResourceValidationArgs = {
    type: resource.type,
    props: checkingUnknowns(resource.props),
    urn: urnOf(resource),
    name: resource.name,
    opts,
    stackTags,
    isType: () => false,
    asType: () => undefined,
    getConfig: (() => config) as ResourceValidationArgs['getConfig'],
    notApplicable,
  };
  const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource!];
  for (const validation of validations) await validation(args, report);
  return violations;
}

export async function validateStack(
  policy: StackValidationPolicy,
  resources: Resource[],
  config: object = {},
  stackTags = new Map<string, string>(),
): Promise<Violation[]> {
  const violations: Violation[] = [];
  const report: ReportViolation = (message, urn) => violations.push({ message, ...(urn && { urn }) });
  const policyResources: PolicyResource[] = resources.map((resource) => ({
    type: resource.type,
    props: checkingUnknowns(resource.props),
    urn: urnOf(resource),
    name: resource.name,
    opts,
    dependencies: [],
    propertyDependencies: {},
    isType: () => false,
    asType: () => undefined,
  }));
  const byName = new Map(policyResources.map((resource) => [resource.name, resource]));
  resources.forEach((resource, index) => {
    for (const [property, names] of Object.entries(resource.dependsOn ?? {}))
      policyResources[index]!.propertyDependencies[property] = names.map((name) => byName.get(name)!);
  });
  const args: StackValidationArgs = {
    resources: policyResources,
    stackTags,
    getConfig: (() => config) as StackValidationArgs['getConfig'],
    notApplicable,
  };
  await policy.validateStack(args, report);
  return violations;
}

/** Runs every policy of the pack over a stack's resources, as the engine would. */
export async function runPack(
  policies: Policies,
  resources: Resource[],
  config: Record<string, object> = {},
): Promise<Array<Violation & { policy: string }>> {
  const all: Array<Violation & { policy: string }> = [];
  for (const policy of policies) {
    const policyConfig = config[policy.name] ?? {};
    if ('validateStack' in policy) {
      for (const violation of await validateStack(policy, resources, policyConfig))
        all.push({ policy: policy.name, ...violation });
    } else {
      for (const resource of resources) {
        for (const violation of await validateResource(policy, resource, policyConfig))
          all.push({ policy: policy.name, urn: urnOf(resource), ...violation });
      }
    }
  }
  return all;
}

export { urnOf };
