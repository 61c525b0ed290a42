/**
 * The user profile. Its unmanaged-attribute policy decides whether users may set attributes the
 * profile does not declare — attributes that mappers may copy into tokens: ENABLED (users edit
 * them) is weakest, then ADMIN_EDIT and ADMIN_VIEW (admins only), then absent (Keycloak's default:
 * no unmanaged attributes at all).
 */
import type { UserProfileSettings } from '../../model/realm-settings.ts';
import { compareRanks, neutralVerdict, rankOf, setOf, type DiffTable, type FieldDiffer } from './differ.ts';

const POLICY_ORDER = [['ENABLED'], ['ADMIN_EDIT'], ['ADMIN_VIEW'], ['(off)']] as const;
const OFF = '(off)';

/** Absent is a value here (off), not "unknown": the profile is known, the policy is not set. */
const unmanagedAttributePolicy: FieldDiffer<UserProfileSettings['unmanagedAttributePolicy']> = (before, after) => {
  const from = before ?? OFF;
  const to = after ?? OFF;
  if (from === to) return [];
  const verdict = compareRanks(
    rankOf(POLICY_ORDER, from),
    rankOf(POLICY_ORDER, to),
    to === 'ENABLED'
      ? 'users may now set attributes the profile does not declare (and mappers may put them into tokens)'
      : 'unmanaged attributes now allowed (OWASP ASVS 5.0 V2.2)',
  );
  return [{ subPath: [], before: before ?? null, after: after ?? null, ...verdict }];
};

export const USER_PROFILE_TABLE: DiffTable<UserProfileSettings> = {
  unmanagedAttributePolicy,
  attributes: setOf({
    added: () => neutralVerdict('attribute declared: the profile now validates it and says who may edit it'),
    removed: () => neutralVerdict('attribute no longer declared'),
  }),
};
