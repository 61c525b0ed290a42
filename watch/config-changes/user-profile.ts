/** The user profile: UPDATE USER_PROFILE on users/profile carries the whole profile. */
import type { PartsApplier } from './change.ts';

export const userProfile: PartsApplier = (admin, parts) => {
  if (admin.resourceType !== 'USER_PROFILE' || admin.operationType !== 'UPDATE' || !admin.representation)
    return undefined;
  return { subject: 'user profile', parts: { ...parts, userProfile: admin.representation }, judge: true };
};
