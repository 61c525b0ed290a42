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
import type { RealmSettings } from '../../../../model/realm-settings.ts';
import { OPENID_CLIENT_TYPE, REALM_EVENTS_TYPE, REALM_TYPE } from '../../../../policies/pack/assemble.ts';
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
  return resources;
}
