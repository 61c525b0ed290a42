/**
 * Authentication flows and authenticator configs, in a realm export's shape
 * (`authenticationFlows` with `authenticationExecutions`, `authenticatorConfig` with alias and
 * config). GET /authentication/flows answers the top-level flows only; the flattened execution
 * list of each names its sub-flows' and configs' ids, which are then read one by one. All of it
 * grows with the flows, never the clients. Keycloak's admin API hides the built-in 'saml ecp'
 * flow (HTTP basic authentication for SAML ECP clients) from the flow list, so the live model
 * lacks it where an export has it.
 */
import { isRecord, text, type JsonObject, type RealmReads } from './reads.ts';

export interface AuthenticationParts {
  authenticationFlows: JsonObject[];
  authenticatorConfig: JsonObject[];
}

export async function readAuthentication(reads: RealmReads): Promise<AuthenticationParts> {
  const topLevel = await reads.objects(reads.read('list authentication flows', '/authentication/flows', 'view-realm'));
  const executions = (
    await reads.each(
      topLevel.map((flow) => text(flow.alias)).filter((alias) => alias !== undefined),
      (alias) =>
        reads.objects(
          reads.read(
            `list the executions of flow '${alias}'`,
            '/authentication/flows/{alias}/executions',
            'view-realm',
            { alias },
          ),
        ),
    )
  ).flat();
  const topLevelIds = new Set(topLevel.map((flow) => text(flow.id)));
  const subFlowIds = unique(
    executions.filter((execution) => execution.authenticationFlow === true).map((execution) => text(execution.flowId)),
  ).filter((id) => !topLevelIds.has(id));
  const configIds = unique(executions.map((execution) => text(execution.authenticationConfig)));
  const [subFlows, configs] = await Promise.all([
    reads.each(subFlowIds, (id) =>
      reads.object(reads.read(`read sub-flow ${id}`, '/authentication/flows/{id}', 'view-realm', { id })),
    ),
    reads.each(configIds, (id) =>
      reads.object(reads.read(`read authenticator config ${id}`, '/authentication/config/{id}', 'view-realm', { id })),
    ),
  ]);
  return {
    authenticationFlows: [...topLevel, ...subFlows],
    authenticatorConfig: configs.map((config) => ({
      alias: config.alias,
      config: isRecord(config.config) ? config.config : {},
    })),
  };
}

function unique(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((value) => value !== undefined))];
}
