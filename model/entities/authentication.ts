/**
 * Authentication flows, the user profile and registration-side settings that are not plain realm
 * scalars (AuthenticationFlowRepresentation, AuthenticationExecutionExportRepresentation,
 * AuthenticatorConfigRepresentation, UPConfig).
 */

export type ExecutionRequirement = 'REQUIRED' | 'ALTERNATIVE' | 'CONDITIONAL' | 'DISABLED';

const REQUIREMENTS: readonly ExecutionRequirement[] = ['REQUIRED', 'ALTERNATIVE', 'CONDITIONAL', 'DISABLED'];

/** Keycloak's requirement names; anything else (an unknown or missing one) runs as DISABLED does: never. */
export function requirementOf(text: string | undefined): ExecutionRequirement {
  return REQUIREMENTS.find((requirement) => requirement === text) ?? 'DISABLED';
}

export interface AuthenticationExecutionSettings {
  /** The authenticator's provider id ('auth-otp-form', 'webauthn-authenticator', 'conditional-user-role'...); absent for a sub-flow. */
  authenticator?: string;
  /** The alias of the sub-flow this execution runs, when it is one. */
  subFlow?: string;
  requirement: ExecutionRequirement;
  /** The execution's authenticator config, resolved from its alias. */
  config?: Record<string, string>;
}

export interface AuthenticationFlowSettings {
  alias: string;
  topLevel: boolean;
  /** In priority order. */
  executions: AuthenticationExecutionSettings[];
}

export interface AuthenticationSettings {
  /** Alias of the realm's browser flow (Keycloak's default: 'browser'). */
  browserFlow: string;
  /** Alias of the realm's default first-broker-login flow (Keycloak's default: 'first broker login'). */
  firstBrokerLoginFlow: string;
  flows: AuthenticationFlowSettings[];
}

/** The declarative user profile's realm-wide policy for attributes it does not declare. */
export type UnmanagedAttributePolicy = 'ENABLED' | 'ADMIN_EDIT' | 'ADMIN_VIEW';

export interface UserProfileSettings {
  /** Absent: unmanaged attributes are off (Keycloak's default), so users cannot set undeclared attributes. */
  unmanagedAttributePolicy?: UnmanagedAttributePolicy;
  /** Names of the attributes the profile declares. */
  attributes: string[];
}

/** The attributes of Keycloak's default user profile, which a realm has until it changes its profile. */
export const KEYCLOAK_DEFAULT_USER_PROFILE_ATTRIBUTES: readonly string[] = [
  'username',
  'email',
  'firstName',
  'lastName',
];
