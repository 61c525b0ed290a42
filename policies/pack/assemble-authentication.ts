/**
 * The realm's authentication part from keycloak.authentication.* resources: Keycloak's built-in
 * flows (a stack cannot remove them), the stack's own flows and sub-flows with the steps its
 * Executions and Subflows add, each execution's ExecutionConfig, and the bindings (Bindings, else
 * the Realm's own arguments, else Keycloak's defaults).
 *
 * A step whose parent flow the stack does not show, or a config whose execution it cannot find,
 * leaves the part absent: a flow seen only in part could be judged weaker (or stronger) than it is.
 */
import { KEYCLOAK_BUILT_IN_FLOWS } from '../../model/keycloak-flows.ts';
import {
  executionConfigFromInputs,
  executionFromInputs,
  flowAliasFromInputs,
  flowBindingsFromInputs,
  subflowFromInputs,
  type FlowStepInputs,
} from '../../model/provider-dialect/authentication.ts';
import type {
  AuthenticationExecutionSettings,
  AuthenticationFlowSettings,
  AuthenticationSettings,
} from '../../model/realm-settings.ts';
import type { PackResource } from './assemble.ts';
import type { PathOwners } from './path-owners.ts';
import type { StackReferences } from './references.ts';

export const FLOW_TYPE = 'keycloak:authentication/flow:Flow';
export const SUBFLOW_TYPE = 'keycloak:authentication/subflow:Subflow';
export const EXECUTION_TYPE = 'keycloak:authentication/execution:Execution';
export const EXECUTION_CONFIG_TYPE = 'keycloak:authentication/executionConfig:ExecutionConfig';
export const FLOW_BINDINGS_TYPE = 'keycloak:authentication/bindings:Bindings';
export const AUTHENTICATION_TYPES: readonly string[] = [
  FLOW_TYPE,
  SUBFLOW_TYPE,
  EXECUTION_TYPE,
  EXECUTION_CONFIG_TYPE,
  FLOW_BINDINGS_TYPE,
];

/** A step the stack adds, in declaration order, to be placed after the flow's built-in steps by priority. */
interface DeclaredStep extends FlowStepInputs {
  order: number;
}

/**
 * `realm`: the group's keycloak.Realm, whose own flow arguments bind flows when no Bindings does.
 * `references` finds the Execution an ExecutionConfig's executionId names; `owners` learns which
 * resource declares each flow and binding.
 */
export function assembleAuthentication(
  resources: readonly PackResource[],
  realm: PackResource | undefined,
  references: StackReferences,
  owners: PathOwners,
): AuthenticationSettings | undefined {
  // Each flow's own list of steps, as the stack's steps are added to it; the built-in steps
  // themselves are never changed here (a config goes on a declared execution), so they are shared:
  // this runs for every copy of every group the pack judges, and a deep copy of them was the
  // largest single cost of assembling in a profiled preview.
  const flows = new Map<string, AuthenticationFlowSettings>(
    KEYCLOAK_BUILT_IN_FLOWS.map((flow) => [flow.alias, { ...flow, executions: [...flow.executions] }]),
  );
  const declaredFlow = (resource: PackResource, topLevel: boolean): boolean => {
    const alias = flowAliasFromInputs(resource.props);
    if (alias === undefined) return false;
    flows.set(alias, { alias, topLevel, executions: [] });
    owners.set(['authentication', 'flows', alias], resource.urn);
    return true;
  };

  const steps: DeclaredStep[] = [];
  const executions = new Map<string, AuthenticationExecutionSettings>();
  for (const resource of resources) {
    if (resource.type === FLOW_TYPE && !declaredFlow(resource, true)) return undefined;
    if (resource.type === SUBFLOW_TYPE) {
      if (!declaredFlow(resource, false)) return undefined;
      steps.push({ ...subflowFromInputs(resource.props), order: steps.length });
    }
    if (resource.type === EXECUTION_TYPE) {
      const declared = executionFromInputs(resource.props);
      steps.push({ ...declared, order: steps.length });
      executions.set(resource.urn, declared.step);
    }
  }

  for (const { parentFlowAlias, step } of [...steps].sort(byPriority)) {
    const parent = parentFlowAlias === undefined ? undefined : flows.get(parentFlowAlias);
    if (!parent) return undefined;
    parent.executions.push(step);
  }

  for (const resource of resources.filter((candidate) => candidate.type === EXECUTION_CONFIG_TYPE)) {
    // executionId is the execution's id, unknown until apply: the engine's dependencies name the execution.
    const source = references.one(resource, 'executionId', [EXECUTION_TYPE]);
    const execution = source && executions.get(source.urn);
    if (!execution) return undefined;
    execution.config = executionConfigFromInputs(resource.props);
  }

  const bindings = resources.find((resource) => resource.type === FLOW_BINDINGS_TYPE);
  const binder = bindings ?? realm;
  if (binder) {
    owners.set(['authentication', 'browserFlow'], binder.urn);
    owners.set(['authentication', 'firstBrokerLoginFlow'], binder.urn);
  }
  return {
    ...flowBindingsFromInputs(binder?.props ?? {}),
    flows: [...flows.values()].sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0)),
  };
}

/** Keycloak runs steps by priority; steps without one keep the order they were declared in. */
function byPriority(a: DeclaredStep, b: DeclaredStep): number {
  return (a.priority ?? 0) - (b.priority ?? 0) || a.order - b.order;
}
