/**
 * A flow step's requirement changed: UPDATE AUTH_EXECUTION on authentication/flows/{alias}/executions,
 * the step named by its id in the representation (the path names the top-level flow even for a
 * step inside a sub-flow). A flow the watcher has not read (created since) is not judged.
 */
import { text } from '../../model/live/reads.ts';
import type { PartsApplier } from './change.ts';
import { own, withEntry } from './change.ts';

const PREFIX = 'authentication/flows/';
const SUFFIX = '/executions';

export const flowSteps: PartsApplier = (admin, parts) => {
  const path = admin.resourcePath;
  if (admin.resourceType !== 'AUTH_EXECUTION' || admin.operationType !== 'UPDATE' || !path) return undefined;
  if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) return undefined;
  const alias = path.slice(PREFIX.length, -SUFFIX.length);
  const steps = own(parts.flows, alias);
  const id = text(admin.representation?.id);
  const requirement = text(admin.representation?.requirement);
  if (!steps || !id || !requirement || !steps.some((step) => step.id === id)) return undefined;
  const changed = steps.map((step) => (step.id === id ? { ...step, requirement } : step));
  return { subject: `flow ${alias}`, parts: { ...parts, flows: withEntry(parts.flows, alias, changed) }, judge: true };
};
