/**
 * keycloak.RealmUserProfile inputs (@pulumi/keycloak 6.13) as the model's user profile. The
 * resource replaces the realm's whole profile: its attributes are the declared ones, and its
 * unmanagedAttributePolicy DISABLED (the provider's default) is sent as no policy at all
 * (provider/resource_keycloak_realm_user_profile.go), as Keycloak's UPConfig has it.
 */
import type { UnmanagedAttributePolicy, UserProfileSettings } from '../realm-settings.ts';
import { record, str } from './narrow.ts';

const POLICIES: readonly UnmanagedAttributePolicy[] = ['ENABLED', 'ADMIN_EDIT', 'ADMIN_VIEW'];

export function userProfileFromInputs(props: Record<string, unknown>): UserProfileSettings {
  const attributes = Array.isArray(props.attributes) ? props.attributes : [];
  const profile: UserProfileSettings = {
    attributes: attributes.flatMap((attribute) => {
      const name = str(record(attribute)?.name);
      return name === undefined ? [] : [name];
    }),
  };
  const policy = POLICIES.find((candidate) => candidate === props.unmanagedAttributePolicy);
  if (policy !== undefined) profile.unmanagedAttributePolicy = policy;
  return profile;
}
