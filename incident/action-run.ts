/**
 * ActionRun: the bookkeeping every action shares. It records each request (sent, or in a dry
 * run listed and held back when it changes state), collects evidence, targets and notes, and
 * turns an IncidentError into a failed result so a bulk run can go on with the next target.
 */
import type { IncidentContext } from './context.ts';
import type { Answer } from '../keycloak/core.ts';
import { requestSpec, type Endpoint } from '../keycloak/endpoints.ts';
import { IncidentError } from '../keycloak/errors.ts';
import type { PathParams, QueryParams } from '../keycloak/path.ts';
import type { RequestSpec } from '../keycloak/request-spec.ts';
import type { ActionName, ActionResult, Evidence, EvidenceStatus, RequestRecord, Target } from './result.ts';

export class ActionRun {
  readonly requests: RequestRecord[] = [];
  readonly evidence: Evidence[] = [];
  readonly targets: Target[] = [];
  readonly notes: string[] = [];
  readonly limits: string[] = [];
  readonly steps: ActionResult[] = [];
  baselineEdit: string | undefined;
  data: unknown;
  error: string | undefined;

  constructor(
    readonly ctx: IncidentContext,
    readonly action: ActionName,
  ) {}

  get realm(): string {
    return this.ctx.realm;
  }

  get dryRun(): boolean {
    return this.ctx.dryRun;
  }

  /**
   * The request an endpoint makes in this run's realm, its path built by the one path builder.
   * A value that cannot be a path segment ('..', '.', empty) is an IncidentError: nothing is sent.
   */
  spec(
    endpoint: Endpoint,
    params: PathParams = {},
    options: { query?: QueryParams; notFound?: string } = {},
  ): RequestSpec {
    return requestSpec(endpoint, { realm: this.realm, ...params }, options);
  }

  #record(spec: RequestSpec, sent: boolean): void {
    // The path listed is the path sent: the core fetches exactly spec.path below the server URL,
    // whose own path (an old-style '/auth') is part of what goes on the wire.
    this.requests.push({
      method: spec.method,
      path: `${this.ctx.http.basePath}${spec.path}`,
      changesState: spec.changesState,
      sent,
    });
  }

  /** A request that changes nothing: sent in dry runs too (to resolve ids and show state). */
  async read<T>(spec: RequestSpec, send: () => Promise<T>): Promise<T> {
    this.#record(spec, true);
    return this.ctx.http.send(spec, this.realm, send);
  }

  /** A state-changing request: in a dry run only listed, and undefined is returned. */
  async change<T>(spec: RequestSpec, send: () => Promise<T>): Promise<T | undefined> {
    this.#record(spec, !this.dryRun);
    if (this.dryRun) return undefined;
    return this.ctx.http.send(spec, this.realm, send);
  }

  /** An admin API read: the answer's body, unchecked (the caller checks its shape). */
  get(spec: RequestSpec): Promise<unknown> {
    return this.read(spec, async () => (await this.ctx.http.adminOnce(spec)).body);
  }

  /** An admin API change with an optional JSON body: the whole answer, undefined in a dry run. */
  send(spec: RequestSpec, body?: unknown): Promise<Answer | undefined> {
    return this.change(spec, () => this.ctx.http.adminOnce(spec, body));
  }

  check(check: string, status: EvidenceStatus | boolean, detail: string): void {
    this.evidence.push({ check, status: typeof status === 'boolean' ? (status ? 'pass' : 'fail') : status, detail });
  }

  target(target: Target): Target {
    this.targets.push(target);
    return target;
  }

  limit(text: string): void {
    if (!this.limits.includes(text)) this.limits.push(text);
  }

  /** Folds a sub-action's result into this one (playbooks). */
  absorb(step: ActionResult): void {
    this.steps.push(step);
    for (const limit of step.limits) this.limit(limit);
    for (const target of step.targets) {
      if (
        !this.targets.some(
          (known) => known.type === target.type && (known.id ?? known.name) === (target.id ?? target.name),
        )
      )
        this.targets.push(target);
    }
    if (step.baselineEdit) this.baselineEdit = [this.baselineEdit, step.baselineEdit].filter(Boolean).join('\n');
    if (step.error && !this.error) this.error = `${step.action}: ${step.error}`;
  }

  result(): ActionResult {
    const stepsOk = this.steps.every((step) => step.ok);
    const ok = this.error === undefined && stepsOk && this.evidence.every((item) => item.status !== 'fail');
    return {
      action: this.action,
      realm: this.realm,
      dryRun: this.dryRun,
      ok,
      targets: this.targets,
      requests: this.requests,
      evidence: this.evidence,
      limits: this.limits,
      notes: this.notes,
      ...(this.baselineEdit ? { baselineEdit: this.baselineEdit } : {}),
      ...(this.error ? { error: this.error } : {}),
      ...(this.data !== undefined ? { data: this.data } : {}),
      ...(this.steps.length > 0 ? { steps: this.steps } : {}),
    };
  }
}

/** Runs an action body; an IncidentError becomes a failed result, anything else is a bug and propagates. */
export async function runAction(
  ctx: IncidentContext,
  action: ActionName,
  body: (run: ActionRun) => Promise<void>,
): Promise<ActionResult> {
  const run = new ActionRun(ctx, action);
  try {
    await body(run);
  } catch (error) {
    if (!(error instanceof IncidentError)) throw error;
    run.error = ctx.http.secrets.redact(error.message);
  }
  return run.result();
}
