/**
 * Authentication flows. What a reviewer needs to know of a flow change is whether a second factor
 * is still asked: each flow is given a level — a second-factor authenticator REQUIRED on every
 * path (required), only under a condition or as one alternative (conditional), or never (none) —
 * and a change that lowers the level weakens, one that raises it strengthens (NIST SP 800-63B-4
 * AAL2). Other changes to steps are neutral: the rules judge the flow as a whole.
 */
import type {
  AuthenticationExecutionSettings,
  AuthenticationFlowSettings,
  AuthenticationSettings,
  RealmSettings,
} from '../../model/realm-settings.ts';
import type { Verdict } from '../change.ts';
import {
  compareRanks,
  ignored,
  neutral,
  neutralVerdict,
  sameValue,
  type DiffTable,
  type FieldDiffer,
} from './differ.ts';
import { entities } from './entities.ts';
import { knownPart } from './entity-part.ts';

/** Authenticators that prove a second factor. */
const SECOND_FACTORS = new Set([
  'auth-otp-form',
  'webauthn-authenticator',
  'webauthn-authenticator-passwordless',
  'auth-recovery-authn-code-form',
]);

type Level = 'none' | 'conditional' | 'required';
const LEVEL_ORDER = [['none'], ['conditional'], ['required']] as const;
const WHY = 'a second factor is no longer required at login (NIST SP 800-63B-4 AAL2)';

/** Alternatives that continue or hand over a login rather than perform one: the SSO cookie, the IdP redirector. */
const PASS_THROUGH = new Set(['auth-cookie', 'identity-provider-redirector']);

/**
 * The second-factor level of a flow, following its sub-flows (by alias) in `flows`. As Keycloak
 * runs a flow: when it has REQUIRED or CONDITIONAL steps, each of them runs (the flow is as strong
 * as the strongest); otherwise one ALTERNATIVE suffices (as weak as the weakest).
 */
export function secondFactorLevel(
  alias: string,
  flows: readonly AuthenticationFlowSettings[],
  seen: ReadonlySet<string> = new Set(),
): Level {
  const flow = flows.find((candidate) => candidate.alias === alias);
  if (!flow || seen.has(alias)) return 'none';
  const inside = new Set([...seen, alias]);
  // Conditions ('conditional-user-configured'...) decide whether a CONDITIONAL sub-flow runs; they are no step.
  const enabled = flow.executions.filter(
    (execution) => execution.requirement !== 'DISABLED' && !(execution.authenticator ?? '').startsWith('conditional-'),
  );
  const mandatory = enabled.filter((execution) => execution.requirement !== 'ALTERNATIVE');
  if (mandatory.length > 0)
    return mandatory.map((execution) => executionLevel(execution, flows, inside)).reduce(stronger, 'none');
  const alternatives = enabled.filter((execution) => !PASS_THROUGH.has(execution.authenticator ?? ''));
  if (alternatives.length === 0) return 'none';
  return alternatives.map((execution) => executionLevel(execution, flows, inside)).reduce(weaker, 'required');
}

function executionLevel(
  execution: AuthenticationExecutionSettings,
  flows: readonly AuthenticationFlowSettings[],
  seen: ReadonlySet<string>,
): Level {
  const own = execution.subFlow
    ? secondFactorLevel(execution.subFlow, flows, seen)
    : SECOND_FACTORS.has(execution.authenticator ?? '')
      ? 'required'
      : 'none';
  // A CONDITIONAL step is passed by when its condition does not hold.
  return own === 'required' && execution.requirement === 'CONDITIONAL' ? 'conditional' : own;
}

const stronger = (a: Level, b: Level): Level => (rank(b) > rank(a) ? b : a);
const weaker = (a: Level, b: Level): Level => (rank(b) < rank(a) ? b : a);

const rank = (level: Level): number => LEVEL_ORDER.findIndex((group) => group[0] === level);

function levelVerdict(from: Level, to: Level, otherwise: string): Verdict {
  return from === to ? neutralVerdict(otherwise) : compareRanks(rank(from), rank(to), WHY);
}

const flowsOf = (realm: RealmSettings) => realm.authentication?.flows ?? [];

/** A flow's steps: judged by the level of the flow before and after (sub-flows as each realm has them). */
const executions: FieldDiffer<readonly AuthenticationExecutionSettings[] | undefined> = (before, after, context) => {
  if (before === undefined || after === undefined || sameValue(before, after)) return [];
  const alias = context.entityId ?? '';
  const verdict = levelVerdict(
    secondFactorLevel(alias, flowsOf(context.before)),
    secondFactorLevel(alias, flowsOf(context.after)),
    'flow steps changed',
  );
  return [{ subPath: [], before: before.map(step), after: after.map(step), ...verdict }];
};

const step = (execution: AuthenticationExecutionSettings): string =>
  `${execution.authenticator ?? `flow ${execution.subFlow ?? '?'}`} ${execution.requirement}`;

/** The browser flow binding: judged by the level of the old and the new flow. */
const browserFlow: FieldDiffer<string | undefined> = (before, after, context) => {
  if (before === undefined || after === undefined || before === after) return [];
  const verdict = levelVerdict(
    secondFactorLevel(before, flowsOf(context.before)),
    secondFactorLevel(after, flowsOf(context.after)),
    'browser flow switched to one with the same second-factor level',
  );
  return [{ subPath: [], before, after, ...verdict }];
};

const FLOWS = entities<AuthenticationFlowSettings>({
  key: (flow) => flow.alias,
  fields: { alias: ignored, topLevel: neutral('flow moved between top level and sub-flow'), executions },
  added: () => neutralVerdict('flow added: it matters once bound or used as a sub-flow'),
  removed: () => neutralVerdict('flow removed'),
  summary: (flow) => flow.executions.map(step).join(', ') || 'no steps',
});

const AUTHENTICATION_TABLE: DiffTable<AuthenticationSettings> = {
  browserFlow,
  firstBrokerLoginFlow: neutral('first-broker-login flow switched: review how brokered accounts are linked'),
  flows: FLOWS,
};

export const AUTHENTICATION = knownPart(AUTHENTICATION_TABLE);
