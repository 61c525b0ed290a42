/**
 * The declarative user profile, as a realm export carries it: the config of the realm's
 * `org.keycloak.userprofile.UserProfileProvider` component, one JSON string under
 * `kc.user.profile.config`. GET /users/profile answers the profile in force (Keycloak's default
 * when the realm never changed it, where an export has no component).
 */
import { USER_PROFILE_CONFIG_KEY } from '../export/entities-schema.ts';
import type { JsonObject, RealmReads } from './reads.ts';

export { USER_PROFILE_COMPONENT_TYPE } from '../export/entities-schema.ts';

export async function readUserProfileComponent(reads: RealmReads): Promise<JsonObject> {
  const profile = await reads.object(reads.read('read the user profile', '/users/profile', 'view-realm'));
  return { providerId: 'declarative-user-profile', config: { [USER_PROFILE_CONFIG_KEY]: [JSON.stringify(profile)] } };
}
