/**
 * A flow step's requirement changed: UPDATE AUTH_EXECUTION on authentication/flows/{alias}/executions,
 * the step named by its id in the representation. Keycloak only looks the alias up: it changes the
 * step its id names in whatever flow holds it (a sub-flow's alias or an unrelated flow's works the
 * same, as keycloak-events.test.ts shows), so the step is found by its id in every kept flow and the
 * alias is ignored. A flow the watcher has not read (created since) is not judged.
 */
import { text } from '../../model/live/reads.ts';
import type { FlowStep, RealmParts } from '../realm-parts.ts';
import type { PartsApplier } from './change.ts';
import { withEntry } from './change.ts';

const UPDATE_PATH = /^authentication\/flows\/[^/]+\/executions$/;

/** The kept top-level flow holding the step with this id, with its steps. */
export function flowHoldingStep(
  flows: RealmParts['flows'],
  id: string,
): { alias: string; steps: FlowStep[]; index: number } | undefined {
  for (const [alias, steps] of Object.entries(flows)) {
    const index = steps.findIndex((step) => step.id === id);
    if (index >= 0) return { alias, steps, index };
  }
  return undefined;
}

export const flowSteps: PartsApplier = (admin, parts) => {
  if (admin.resourceType !== 'AUTH_EXECUTION' || admin.operationType !== 'UPDATE') return undefined;
  if (!UPDATE_PATH.test(admin.resourcePath ?? '')) return undefined;
  const id = text(admin.representation?.id);
  const requirement = text(admin.representation?.requirement);
  const flow = id === undefined ? undefined : flowHoldingStep(parts.flows, id);
  if (!flow || !requirement) return undefined;
  const changed = flow.steps.map((step, index) => (index === flow.index ? { ...step, requirement } : step));
  return {
    subject: `flow ${flow.alias}`,
    parts: { ...parts, flows: withEntry(parts.flows, flow.alias, changed) },
    judge: true,
  };
};
