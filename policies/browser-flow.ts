/**
 * Whether a login through an authentication flow must pass a second factor, for a user of whom
 * we know one thing: which roles they hold. Follows Keycloak's flow semantics: the executions of a
 * flow that are REQUIRED or CONDITIONAL all run and ALTERNATIVE ones are then skipped; a flow of
 * ALTERNATIVE executions only needs one of them; a CONDITIONAL sub-flow runs when all its
 * conditions hold. Rather than cry wolf, ways in that hand the login to someone else (the session
 * cookie, an identity provider, an organization's IdP, Kerberos) are not judged here.
 */
import type {
  AuthenticationExecutionSettings,
  AuthenticationFlowSettings,
  AuthenticationSettings,
} from '../model/realm-settings.ts';

/** Authenticators that check something the user has: a one-time code, a security key, a recovery code. */
export const SECOND_FACTORS: ReadonlySet<string> = new Set([
  'auth-otp-form',
  'webauthn-authenticator',
  'auth-recovery-authn-code-form',
]);

/**
 * Ways in that resume a login made earlier (the session cookie) or accept one made elsewhere (an
 * identity provider, an organization's IdP, the Kerberos domain login): whether that login had a
 * second factor is the other side's setting, not this flow's.
 */
const DELEGATING: ReadonlySet<string> = new Set([
  'auth-cookie',
  'identity-provider-redirector',
  'organization',
  'auth-spnego',
]);

/** Keycloak's condition that holds when the user has a role ('client.role' or 'role'), unless negated. */
export const ROLE_CONDITION = 'conditional-user-role';

const isCondition = (execution: AuthenticationExecutionSettings) =>
  execution.authenticator?.startsWith('conditional-') === true;

export class FlowJudge {
  private readonly flows: Map<string, AuthenticationFlowSettings>;

  /** `holdsRole` answers for the user in question, given a condUserRole value. */
  constructor(
    authentication: AuthenticationSettings,
    private readonly holdsRole: (condUserRole: string) => boolean,
  ) {
    this.flows = new Map(authentication.flows.map((flow) => [flow.alias, flow]));
  }

  /** Whether every login through the flow that checks the user's credentials here asks for a second factor. */
  requiresSecondFactor(alias: string, seen: ReadonlySet<string> = new Set()): boolean {
    const flow = this.flows.get(alias);
    if (!flow || seen.has(alias)) return false;
    const inner = new Set([...seen, alias]);
    const active = flow.executions.filter(
      (execution) => execution.requirement !== 'DISABLED' && !isCondition(execution),
    );
    const required = active.filter((execution) => execution.requirement === 'REQUIRED');
    const conditional = active.filter((execution) => execution.requirement === 'CONDITIONAL');
    if (required.length + conditional.length > 0) {
      return (
        required.some((execution) => this.enforces(execution, inner)) ||
        conditional.some((execution) => this.conditionsHold(execution.subFlow) && this.enforces(execution, inner))
      );
    }
    const ways = active.filter((execution) => !this.delegates(execution, inner));
    return ways.length > 0 && ways.every((execution) => this.enforces(execution, inner));
  }

  private enforces(execution: AuthenticationExecutionSettings, seen: ReadonlySet<string>): boolean {
    if (execution.subFlow !== undefined) return this.requiresSecondFactor(execution.subFlow, seen);
    return execution.authenticator !== undefined && SECOND_FACTORS.has(execution.authenticator);
  }

  /** A CONDITIONAL sub-flow surely runs for this user only when all its conditions are role conditions the user meets. */
  private conditionsHold(alias: string | undefined): boolean {
    const conditions = (alias === undefined ? undefined : this.flows.get(alias))?.executions.filter(
      (execution) => execution.requirement !== 'DISABLED' && isCondition(execution),
    );
    if (!conditions || conditions.length === 0) return false;
    return conditions.every((condition) => {
      if (condition.authenticator !== ROLE_CONDITION || condition.config?.negate === 'true') return false;
      const role = condition.config?.condUserRole;
      return role !== undefined && this.holdsRole(role);
    });
  }

  /** Whether a way in only resumes or hands over the login (a sub-flow made of such steps and conditions included). */
  private delegates(execution: AuthenticationExecutionSettings, seen: ReadonlySet<string>): boolean {
    if (execution.authenticator !== undefined) return DELEGATING.has(execution.authenticator) || isCondition(execution);
    const flow = execution.subFlow === undefined ? undefined : this.flows.get(execution.subFlow);
    if (!flow || seen.has(flow.alias)) return false;
    const inner = new Set([...seen, flow.alias]);
    return flow.executions
      .filter((step) => step.requirement !== 'DISABLED')
      .every((step) => this.delegates(step, inner));
  }
}
