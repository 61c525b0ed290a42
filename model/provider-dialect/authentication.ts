/**
 * keycloak.authentication.* inputs (@pulumi/keycloak 6.13) in the model's terms: a Flow names a
 * top-level flow; a Subflow and an Execution each add one step to the flow named by
 * `parentFlowAlias`; an ExecutionConfig gives an execution its config; Bindings (and the Realm's
 * own flow arguments) say which flow the realm uses for what.
 *
 * What the provider sends for what the program leaves out (provider/resource_keycloak_*.go): a
 * step's requirement is DISABLED (its schema default); a binding left out is reset to Keycloak's
 * built-in flow (setRealmFlowBindings, for keycloak.Realm and for Bindings alike).
 */
import { requirementOf } from '../entities/authentication.ts';
import { DEFAULT_BROWSER_FLOW, DEFAULT_FIRST_BROKER_LOGIN_FLOW } from '../keycloak-flows.ts';
import type { AuthenticationExecutionSettings, AuthenticationSettings } from '../realm-settings.ts';
import { num, str, stringEntries } from './narrow.ts';

/** One step a Subflow or an Execution adds to the flow it names. */
export interface FlowStepInputs {
  parentFlowAlias?: string;
  /** Keycloak runs a flow's steps by priority; absent, by the order they were added. */
  priority?: number;
  step: AuthenticationExecutionSettings;
}

/** The alias a keycloak.authentication.Flow or Subflow declares. */
export function flowAliasFromInputs(props: Record<string, unknown>): string | undefined {
  return str(props.alias);
}

/** The step a keycloak.authentication.Execution adds: its authenticator, DISABLED unless told otherwise. */
export function executionFromInputs(props: Record<string, unknown>): FlowStepInputs {
  const step: AuthenticationExecutionSettings = { requirement: requirementOf(str(props.requirement) ?? 'DISABLED') };
  const authenticator = str(props.authenticator);
  if (authenticator !== undefined) step.authenticator = authenticator;
  return withParent(props, step);
}

/** The step a keycloak.authentication.Subflow adds to its parent: running the sub-flow it declares. */
export function subflowFromInputs(props: Record<string, unknown>): FlowStepInputs {
  const step: AuthenticationExecutionSettings = { requirement: requirementOf(str(props.requirement) ?? 'DISABLED') };
  const alias = flowAliasFromInputs(props);
  if (alias !== undefined) step.subFlow = alias;
  return withParent(props, step);
}

function withParent(props: Record<string, unknown>, step: AuthenticationExecutionSettings): FlowStepInputs {
  const out: FlowStepInputs = { step };
  const parent = str(props.parentFlowAlias);
  if (parent !== undefined) out.parentFlowAlias = parent;
  const priority = num(props.priority);
  if (priority !== undefined) out.priority = priority;
  return out;
}

/** The config a keycloak.authentication.ExecutionConfig gives its execution (condUserRole, negate...). */
export function executionConfigFromInputs(props: Record<string, unknown>): Record<string, string> {
  return stringEntries(props.config);
}

export type FlowBindings = Pick<AuthenticationSettings, 'browserFlow' | 'firstBrokerLoginFlow'>;

/**
 * The flows a keycloak.authentication.Bindings or keycloak.Realm binds. The provider sends every
 * binding, an absent or empty one as Keycloak's built-in flow.
 */
export function flowBindingsFromInputs(props: Record<string, unknown>): FlowBindings {
  return {
    browserFlow: str(props.browserFlow) || DEFAULT_BROWSER_FLOW,
    firstBrokerLoginFlow: str(props.firstBrokerLoginFlow) || DEFAULT_FIRST_BROKER_LOGIN_FLOW,
  };
}
