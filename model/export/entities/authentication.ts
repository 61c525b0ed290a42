/**
 * The realm's flows, from RealmRepresentation: `browserFlow`, `firstBrokerLoginFlow` and
 * `authenticationFlows[]` with their `authenticationExecutions[]` (each an `authenticator`, or
 * a sub-flow by `flowAlias`), the executions' `authenticatorConfig` alias resolved from
 * `authenticatorConfig[]`. Absent when the file has no `authenticationFlows` (a partial file
 * that names a browser flow without its executions gives nothing to judge).
 */
import { requirementOf } from '../../entities/authentication.ts';
import type { AuthenticationExecutionSettings, AuthenticationSettings } from '../../realm-settings.ts';
import type { RealmRepresentation } from '../schema.ts';
import { DEFAULT_BROWSER_FLOW, DEFAULT_FIRST_BROKER_LOGIN_FLOW } from '../../keycloak-flows.ts';
import { stringMap, type EntityContext } from './mark.ts';

export function authenticationFrom(
  rep: RealmRepresentation,
  { mark }: EntityContext,
): AuthenticationSettings | undefined {
  if (rep.authenticationFlows === undefined) return undefined;
  const configs = new Map((rep.authenticatorConfig ?? []).map((config) => [config.alias, stringMap(config.config)]));
  if (rep.browserFlow !== undefined) mark(['authentication', 'browserFlow'], ['browserFlow']);
  if (rep.firstBrokerLoginFlow !== undefined)
    mark(['authentication', 'firstBrokerLoginFlow'], ['firstBrokerLoginFlow']);
  return {
    browserFlow: rep.browserFlow ?? DEFAULT_BROWSER_FLOW,
    firstBrokerLoginFlow: rep.firstBrokerLoginFlow ?? DEFAULT_FIRST_BROKER_LOGIN_FLOW,
    flows: flowsOf(rep).map(({ flow, index }) => {
      const entity = ['authentication', 'flows', flow.alias];
      mark(entity, ['authenticationFlows', index]);
      // Keycloak runs executions by priority; the export lists them so, a hand-written file may not.
      const executions = (flow.authenticationExecutions ?? [])
        .map((execution, position) => ({ execution, position }))
        .sort((a, b) => (a.execution.priority ?? 0) - (b.execution.priority ?? 0) || a.position - b.position);
      return {
        alias: flow.alias,
        topLevel: flow.topLevel ?? false,
        executions: executions.map(({ execution, position }, order): AuthenticationExecutionSettings => {
          mark(
            [...entity, 'executions', String(order)],
            ['authenticationFlows', index, 'authenticationExecutions', position],
          );
          const settings: AuthenticationExecutionSettings = { requirement: requirementOf(execution.requirement) };
          if (execution.authenticatorFlow && execution.flowAlias !== undefined) settings.subFlow = execution.flowAlias;
          else if (execution.authenticator !== undefined) settings.authenticator = execution.authenticator;
          const config =
            execution.authenticatorConfig === undefined ? undefined : configs.get(execution.authenticatorConfig);
          if (config) settings.config = { ...config };
          return settings;
        }),
      };
    }),
  };
}

/**
 * The flows in alias order (code points, as Keycloak's export lists them): the admin API lists
 * them otherwise, and the same realm should read the same from every source.
 */
function flowsOf(rep: RealmRepresentation) {
  return (rep.authenticationFlows ?? [])
    .map((flow, index) => ({ flow, index }))
    .sort((a, b) => (a.flow.alias < b.flow.alias ? -1 : a.flow.alias > b.flow.alias ? 1 : 0));
}
