/**
 * Stacks as a Pulumi program would declare them, made with the dialect's settings → inputs
 * direction from RealmSettings (so the pack is tested on the inputs our own components send).
 */
import {
  clientArgsFromSettings,
  isManagedKeyProvider,
  keyProviderArgsFromSettings,
  KEY_PROVIDER_RESOURCE_TYPES,
  realmArgsFromSettings,
  realmEventsArgsFromSettings,
} from '../../../../model/provider-dialect.ts';
import type { AuthenticationSettings, RealmSettings } from '../../../../model/realm-settings.ts';
import { OPENID_CLIENT_TYPE, REALM_EVENTS_TYPE, REALM_TYPE } from '../../../../policies/pack/assemble.ts';
import {
  EXECUTION_TYPE,
  FLOW_BINDINGS_TYPE,
  FLOW_TYPE,
  SUBFLOW_TYPE,
} from '../../../../policies/pack/assemble-authentication.ts';
import type { Resource } from './pack-args.ts';

export function stackOf(settings: RealmSettings, realmId: string = settings.realm): Resource[] {
  const resources: Resource[] = [
    { type: REALM_TYPE, name: settings.realm, props: { ...realmArgsFromSettings(settings) } },
    {
      type: REALM_EVENTS_TYPE,
      name: `${settings.realm}-events`,
      props: { realmId, ...realmEventsArgsFromSettings(settings) },
    },
  ];
  for (const client of settings.clients) {
    if (client.protocol !== 'openid-connect') continue;
    resources.push({
      type: OPENID_CLIENT_TYPE,
      name: client.clientId,
      props: { ...clientArgsFromSettings(client, realmId) },
    });
  }
  for (const key of settings.keyProviders) {
    if (!isManagedKeyProvider(key.providerId)) continue;
    const { providerId, args } = keyProviderArgsFromSettings(key);
    resources.push({ type: KEY_PROVIDER_RESOURCE_TYPES[providerId], name: key.name, props: { realmId, ...args } });
  }
  if (settings.authentication) resources.push(...browserFlowResources(settings.authentication, realmId));
  return resources;
}

/**
 * The realm's browser flow as a stack declares it: Keycloak's built-in flows cannot be edited
 * from Pulumi, so the stack builds its own copy (aliases prefixed 'stack ') and binds it.
 */
function browserFlowResources(authentication: AuthenticationSettings, realmId: string): Resource[] {
  const copy = (alias: string) => `stack ${alias}`;
  const resources: Resource[] = [
    {
      type: FLOW_TYPE,
      name: copy(authentication.browserFlow),
      props: { realmId, alias: copy(authentication.browserFlow) },
    },
    { type: FLOW_BINDINGS_TYPE, name: 'bindings', props: { realmId, browserFlow: copy(authentication.browserFlow) } },
  ];
  const addSteps = (alias: string): void => {
    const flow = authentication.flows.find((candidate) => candidate.alias === alias);
    for (const [index, step] of (flow?.executions ?? []).entries()) {
      if (step.config)
        throw new Error(`flow ${alias}: execution configs need the engine's dependencies, not modelled here`);
      const common = { realmId, parentFlowAlias: copy(alias), requirement: step.requirement, priority: index * 10 };
      if (step.subFlow !== undefined) {
        resources.push({
          type: SUBFLOW_TYPE,
          name: copy(step.subFlow),
          props: { ...common, alias: copy(step.subFlow) },
        });
        addSteps(step.subFlow);
      } else {
        resources.push({
          type: EXECUTION_TYPE,
          name: `${copy(alias)} ${index}`,
          props: { ...common, authenticator: step.authenticator },
        });
      }
    }
  };
  addSteps(authentication.browserFlow);
  return resources;
}
