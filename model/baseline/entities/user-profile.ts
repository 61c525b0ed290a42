/**
 * Baseline `userProfile` → the model's user profile: Keycloak's four default attributes plus the
 * declared ones; DISABLED (Keycloak's default) leaves the policy absent, as Keycloak's UPConfig does.
 */
import { KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES } from '../../entities/authentication.ts';
import type { UserProfileSettings } from '../../realm-settings.ts';
import type { BaselineDocument } from '../schema.ts';
import type { BaselineEntityContext } from './context.ts';

export function userProfileFrom(
  document: BaselineDocument,
  convert: BaselineEntityContext,
): UserProfileSettings | undefined {
  const declared = document.userProfile;
  if (declared === undefined) return undefined;
  convert.mark(['userProfile'], ['userProfile']);
  convert.mark(
    ['userProfile', 'unmanagedAttributePolicy'],
    ['userProfile', 'unmanagedAttributePolicy'],
    ['userProfile'],
  );
  convert.mark(['userProfile', 'attributes'], ['userProfile', 'attributes'], ['userProfile']);
  const profile: UserProfileSettings = {
    attributes: [...new Set([...KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES, ...(declared.attributes ?? [])])],
  };
  const policy = declared.unmanagedAttributePolicy;
  if (policy !== undefined && policy !== 'DISABLED') profile.unmanagedAttributePolicy = policy;
  return profile;
}
