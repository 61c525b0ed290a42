/**
 * A flow's steps added, deleted or moved (keycloak-events.test.ts shows each): CREATE AUTH_EXECUTION
 * on authentication/flows/{parent alias}/executions/execution carries the authenticator and the new
 * step's id, CREATE AUTH_EXECUTION_FLOW on …/executions/flow the new sub-flow's alias and its step's
 * id (Keycloak adds either DISABLED, last in that flow or sub-flow); DELETE on
 * authentication/executions/{id} and UPDATE on …/{id}/raise-priority or lower-priority name the step
 * by its id (a move swaps it, with the steps nested below it, with its neighbour in the same flow).
 * Each is applied to the kept top-level flow that holds the step and judged like a requirement
 * change: deleting the OTP step of the bound browser flow weakens it. The watcher reads the realm
 * only on its first start, so the events are all it has to follow.
 */
import { text } from '../../model/live/reads.ts';
import type { AdminPart } from '../event.ts';
import type { FlowStep, RealmParts } from '../realm-parts.ts';
import { withEntry, type PartsApplier, type PartsChange } from './change.ts';
import { flowHoldingStep } from './flow-steps.ts';

const ADDED = /^authentication\/flows\/([^/]+)\/executions\/(execution|flow)$/;
/** The event type of each kind of step added. */
const CREATED_TYPE: Readonly<Record<string, string>> = { execution: 'AUTH_EXECUTION', flow: 'AUTH_EXECUTION_FLOW' };
const STEP = /^authentication\/executions\/([^/]+?)(?:\/(raise-priority|lower-priority))?$/;

/** The end (exclusive) of the step at index with every step nested below it. */
function blockEnd(steps: readonly FlowStep[], index: number): number {
  const level = steps[index]?.level ?? 0;
  let end = index + 1;
  while (end < steps.length && (steps[end]?.level ?? 0) > level) end += 1;
  return end;
}

/** Where a flow (top-level or sub-flow) named by alias sits in a kept top-level flow. */
function parentFlow(flows: RealmParts['flows'], alias: string) {
  if (Object.hasOwn(flows, alias))
    return { top: alias, steps: flows[alias] ?? [], level: 0, start: 0, end: (flows[alias] ?? []).length };
  for (const [top, steps] of Object.entries(flows)) {
    const index = steps.findIndex((step) => step.subFlow === alias);
    const step = steps[index];
    if (step) return { top, steps, level: step.level + 1, start: index + 1, end: blockEnd(steps, index) };
  }
  return undefined;
}

/** The steps with the step at index swapped with the sibling before it (Keycloak swaps their priorities). */
function raised(steps: readonly FlowStep[], index: number): FlowStep[] | undefined {
  const step = steps[index];
  if (!step) return undefined;
  let sibling = index - 1;
  while (sibling >= 0 && (steps[sibling]?.level ?? 0) > step.level) sibling -= 1;
  const other = steps[sibling];
  if (!other || other.level !== step.level) return undefined; // already first: Keycloak leaves it
  const end = blockEnd(steps, index);
  const [first, second] = [
    { ...step, ...(other.priority !== undefined ? { priority: other.priority } : {}) },
    { ...other, ...(step.priority !== undefined ? { priority: step.priority } : {}) },
  ];
  return [
    ...steps.slice(0, sibling),
    first,
    ...steps.slice(index + 1, end),
    second,
    ...steps.slice(sibling + 1, index),
    ...steps.slice(end),
  ];
}

function added(parts: RealmParts, alias: string, admin: AdminPart): PartsChange | undefined {
  const parent = parentFlow(parts.flows, alias);
  const record = admin.representation;
  const id = text(record?.id);
  // A step names its authenticator, a sub-flow step its new flow's alias.
  const named =
    admin.resourceType === 'AUTH_EXECUTION_FLOW'
      ? { subFlow: text(record?.alias) }
      : { providerId: text(record?.provider) };
  if (!parent || id === undefined || Object.values(named)[0] === undefined) return undefined;
  const siblings = parent.steps.slice(parent.start, parent.end).filter((step) => step.level === parent.level);
  const priorities = siblings.map((step) => step.priority).filter((priority) => priority !== undefined);
  // Only the order matters to the rules: last among its siblings, as Keycloak adds it.
  const step: FlowStep = {
    id,
    level: parent.level,
    requirement: 'DISABLED',
    ...named,
    ...(priorities.length ? { priority: Math.max(...priorities) + 1 } : {}),
  };
  const steps = [...parent.steps.slice(0, parent.end), step, ...parent.steps.slice(parent.end)];
  return {
    subject: `flow ${parent.top}`,
    parts: { ...parts, flows: withEntry(parts.flows, parent.top, steps) },
    judge: true,
  };
}

export const flowStructure: PartsApplier = (admin, parts) => {
  const path = admin.resourcePath ?? '';
  const [, alias, kind] = ADDED.exec(path) ?? [];
  if (admin.operationType === 'CREATE' && alias !== undefined && admin.resourceType === CREATED_TYPE[kind ?? ''])
    return added(parts, alias, admin);
  if (admin.resourceType !== 'AUTH_EXECUTION') return undefined;
  const [, id, move] = STEP.exec(path) ?? [];
  const flow = id === undefined ? undefined : flowHoldingStep(parts.flows, id);
  if (!flow) return undefined;
  let steps: FlowStep[] | undefined;
  if (admin.operationType === 'DELETE' && move === undefined)
    steps = [...flow.steps.slice(0, flow.index), ...flow.steps.slice(blockEnd(flow.steps, flow.index))];
  else if (admin.operationType === 'UPDATE' && move === 'raise-priority') steps = raised(flow.steps, flow.index);
  else if (admin.operationType === 'UPDATE' && move === 'lower-priority') {
    const next = blockEnd(flow.steps, flow.index);
    steps = flow.steps[next]?.level === flow.steps[flow.index]?.level ? raised(flow.steps, next) : undefined;
  }
  if (!steps) return undefined;
  return {
    subject: `flow ${flow.alias}`,
    parts: { ...parts, flows: withEntry(parts.flows, flow.alias, steps) },
    judge: true,
  };
};
