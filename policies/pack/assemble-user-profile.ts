/**
 * The realm's user profile from keycloak.RealmUserProfile, or Keycloak's default profile (its four
 * attributes, unmanaged attributes off) for a realm whose stack declares none.
 */
import { KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES } from '../../model/entities/authentication.ts';
import { userProfileFromInputs } from '../../model/provider-dialect/user-profile.ts';
import type { UserProfileSettings } from '../../model/realm-settings.ts';
import type { PackResource } from './assemble.ts';
import type { PathOwners } from './path-owners.ts';

export const USER_PROFILE_TYPE = 'keycloak:index/realmUserProfile:RealmUserProfile';

export function assembleUserProfile(resources: readonly PackResource[], owners: PathOwners): UserProfileSettings {
  const declared = resources.find((resource) => resource.type === USER_PROFILE_TYPE);
  if (!declared) return { attributes: [...KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES] };
  owners.set(['userProfile'], declared.urn);
  return userProfileFromInputs(declared.props);
}
