/**
 * Names Keycloak 26.7 knows, read from a real server's /admin/serverinfo (enums.eventType,
 * componentTypes of org.keycloak.keys.KeyProvider, global client profiles). The baseline schema
 * uses them to reject typos with "did you mean".
 */

export const KEYCLOAK_EVENT_TYPES: readonly string[] = [
  'AUTHREQID_TO_TOKEN', 'AUTHREQID_TO_TOKEN_ERROR', 'CLIENT_DELETE', 'CLIENT_DELETE_ERROR', 'CLIENT_INFO', 'CLIENT_INFO_ERROR',
  'CLIENT_INITIATED_ACCOUNT_LINKING', 'CLIENT_INITIATED_ACCOUNT_LINKING_ERROR', 'CLIENT_LOGIN', 'CLIENT_LOGIN_ERROR',
  'CLIENT_REGISTER', 'CLIENT_REGISTER_ERROR', 'CLIENT_UPDATE', 'CLIENT_UPDATE_ERROR', 'CODE_TO_TOKEN', 'CODE_TO_TOKEN_ERROR',
  'CUSTOM_REQUIRED_ACTION', 'CUSTOM_REQUIRED_ACTION_ERROR', 'DELETE_ACCOUNT', 'DELETE_ACCOUNT_ERROR', 'EXECUTE_ACTIONS',
  'EXECUTE_ACTIONS_ERROR', 'EXECUTE_ACTION_TOKEN', 'EXECUTE_ACTION_TOKEN_ERROR', 'FEDERATED_IDENTITY_LINK',
  'FEDERATED_IDENTITY_LINK_ERROR', 'FEDERATED_IDENTITY_OVERRIDE_LINK', 'FEDERATED_IDENTITY_OVERRIDE_LINK_ERROR', 'GRANT_CONSENT',
  'GRANT_CONSENT_ERROR', 'IDENTITY_PROVIDER_FIRST_LOGIN', 'IDENTITY_PROVIDER_FIRST_LOGIN_ERROR', 'IDENTITY_PROVIDER_LINK_ACCOUNT',
  'IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR', 'IDENTITY_PROVIDER_LOGIN', 'IDENTITY_PROVIDER_LOGIN_ERROR', 'IDENTITY_PROVIDER_POST_LOGIN',
  'IDENTITY_PROVIDER_POST_LOGIN_ERROR', 'IDENTITY_PROVIDER_RESPONSE', 'IDENTITY_PROVIDER_RESPONSE_ERROR',
  'IDENTITY_PROVIDER_RETRIEVE_TOKEN', 'IDENTITY_PROVIDER_RETRIEVE_TOKEN_ERROR', 'IMPERSONATE', 'IMPERSONATE_ERROR',
  'INTROSPECT_TOKEN', 'INTROSPECT_TOKEN_ERROR', 'INVALID_SIGNATURE', 'INVALID_SIGNATURE_ERROR', 'INVITE_ORG', 'INVITE_ORG_ERROR',
  'JWT_AUTHORIZATION_GRANT', 'JWT_AUTHORIZATION_GRANT_ERROR', 'LOGIN', 'LOGIN_ERROR', 'LOGOUT', 'LOGOUT_ERROR', 'OAUTH2_DEVICE_AUTH',
  'OAUTH2_DEVICE_AUTH_ERROR', 'OAUTH2_DEVICE_CODE_TO_TOKEN', 'OAUTH2_DEVICE_CODE_TO_TOKEN_ERROR', 'OAUTH2_DEVICE_VERIFY_USER_CODE',
  'OAUTH2_DEVICE_VERIFY_USER_CODE_ERROR', 'OAUTH2_EXTENSION_GRANT', 'OAUTH2_EXTENSION_GRANT_ERROR', 'PERMISSION_TOKEN',
  'PERMISSION_TOKEN_ERROR', 'PUSHED_AUTHORIZATION_REQUEST', 'PUSHED_AUTHORIZATION_REQUEST_ERROR', 'REFRESH_TOKEN',
  'REFRESH_TOKEN_ERROR', 'REGISTER', 'REGISTER_ERROR', 'REGISTER_NODE', 'REGISTER_NODE_ERROR', 'REMOVE_CREDENTIAL',
  'REMOVE_CREDENTIAL_ERROR', 'REMOVE_FEDERATED_IDENTITY', 'REMOVE_FEDERATED_IDENTITY_ERROR', 'REMOVE_TOTP', 'REMOVE_TOTP_ERROR',
  'RESET_PASSWORD', 'RESET_PASSWORD_ERROR', 'RESTART_AUTHENTICATION', 'RESTART_AUTHENTICATION_ERROR', 'REVOKE_GRANT',
  'REVOKE_GRANT_ERROR', 'SEND_IDENTITY_PROVIDER_LINK', 'SEND_IDENTITY_PROVIDER_LINK_ERROR', 'SEND_RESET_PASSWORD',
  'SEND_RESET_PASSWORD_ERROR', 'SEND_VERIFY_EMAIL', 'SEND_VERIFY_EMAIL_ERROR', 'TOKEN_EXCHANGE', 'TOKEN_EXCHANGE_ERROR',
  'UNREGISTER_NODE', 'UNREGISTER_NODE_ERROR', 'UPDATE_CONSENT', 'UPDATE_CONSENT_ERROR', 'UPDATE_CREDENTIAL',
  'UPDATE_CREDENTIAL_ERROR', 'UPDATE_EMAIL', 'UPDATE_EMAIL_ERROR', 'UPDATE_PASSWORD', 'UPDATE_PASSWORD_ERROR', 'UPDATE_PROFILE',
  'UPDATE_PROFILE_ERROR', 'UPDATE_TOTP', 'UPDATE_TOTP_ERROR', 'USER_DISABLED_BY_PERMANENT_LOCKOUT',
  'USER_DISABLED_BY_PERMANENT_LOCKOUT_ERROR', 'USER_DISABLED_BY_TEMPORARY_LOCKOUT', 'USER_DISABLED_BY_TEMPORARY_LOCKOUT_ERROR',
  'USER_INFO_REQUEST', 'USER_INFO_REQUEST_ERROR', 'USER_SESSION_DELETED', 'USER_SESSION_DELETED_ERROR', 'VALIDATE_ACCESS_TOKEN',
  'VALIDATE_ACCESS_TOKEN_ERROR', 'VERIFIABLE_CREDENTIAL_CREATE_OFFER', 'VERIFIABLE_CREDENTIAL_CREATE_OFFER_ERROR',
  'VERIFIABLE_CREDENTIAL_NONCE_REQUEST', 'VERIFIABLE_CREDENTIAL_NONCE_REQUEST_ERROR', 'VERIFIABLE_CREDENTIAL_OFFER_REQUEST',
  'VERIFIABLE_CREDENTIAL_OFFER_REQUEST_ERROR', 'VERIFIABLE_CREDENTIAL_PRE_AUTHORIZED_GRANT',
  'VERIFIABLE_CREDENTIAL_PRE_AUTHORIZED_GRANT_ERROR', 'VERIFIABLE_CREDENTIAL_REQUEST', 'VERIFIABLE_CREDENTIAL_REQUEST_ERROR',
  'VERIFY_EMAIL', 'VERIFY_EMAIL_ERROR', 'VERIFY_PROFILE', 'VERIFY_PROFILE_ERROR',
];

/**
 * The user-event types a realm records when its enabledEventTypes is empty (Keycloak then
 * stores every type marked "saved by default"; GET /events/config lists them). A realm export
 * writes `[]`, and adapters expand it to this list so rules see what Keycloak really records.
 */
export const KEYCLOAK_DEFAULT_SAVED_EVENT_TYPES: readonly string[] = [
  'LOGIN', 'LOGIN_ERROR', 'REGISTER', 'REGISTER_ERROR', 'LOGOUT', 'LOGOUT_ERROR', 'CODE_TO_TOKEN', 'CODE_TO_TOKEN_ERROR',
  'CLIENT_LOGIN', 'CLIENT_LOGIN_ERROR', 'FEDERATED_IDENTITY_LINK', 'FEDERATED_IDENTITY_LINK_ERROR', 'REMOVE_FEDERATED_IDENTITY',
  'REMOVE_FEDERATED_IDENTITY_ERROR', 'UPDATE_EMAIL', 'UPDATE_EMAIL_ERROR', 'UPDATE_PROFILE', 'UPDATE_PROFILE_ERROR',
  'UPDATE_PASSWORD', 'UPDATE_PASSWORD_ERROR', 'UPDATE_TOTP', 'UPDATE_TOTP_ERROR', 'VERIFY_EMAIL', 'VERIFY_EMAIL_ERROR',
  'VERIFY_PROFILE', 'VERIFY_PROFILE_ERROR', 'REMOVE_TOTP', 'REMOVE_TOTP_ERROR', 'GRANT_CONSENT', 'GRANT_CONSENT_ERROR',
  'UPDATE_CONSENT', 'UPDATE_CONSENT_ERROR', 'REVOKE_GRANT', 'REVOKE_GRANT_ERROR', 'SEND_VERIFY_EMAIL', 'SEND_VERIFY_EMAIL_ERROR',
  'SEND_RESET_PASSWORD', 'SEND_RESET_PASSWORD_ERROR', 'SEND_IDENTITY_PROVIDER_LINK', 'SEND_IDENTITY_PROVIDER_LINK_ERROR',
  'RESET_PASSWORD', 'RESET_PASSWORD_ERROR', 'RESTART_AUTHENTICATION', 'RESTART_AUTHENTICATION_ERROR',
  'IDENTITY_PROVIDER_LINK_ACCOUNT', 'IDENTITY_PROVIDER_LINK_ACCOUNT_ERROR', 'IDENTITY_PROVIDER_LOGIN',
  'IDENTITY_PROVIDER_LOGIN_ERROR', 'IDENTITY_PROVIDER_FIRST_LOGIN', 'IDENTITY_PROVIDER_FIRST_LOGIN_ERROR',
  'IDENTITY_PROVIDER_POST_LOGIN', 'IDENTITY_PROVIDER_POST_LOGIN_ERROR', 'IMPERSONATE', 'IMPERSONATE_ERROR',
  'CUSTOM_REQUIRED_ACTION', 'CUSTOM_REQUIRED_ACTION_ERROR', 'EXECUTE_ACTIONS', 'EXECUTE_ACTIONS_ERROR', 'EXECUTE_ACTION_TOKEN',
  'EXECUTE_ACTION_TOKEN_ERROR', 'CLIENT_REGISTER', 'CLIENT_REGISTER_ERROR', 'CLIENT_UPDATE', 'CLIENT_UPDATE_ERROR',
  'CLIENT_DELETE', 'CLIENT_DELETE_ERROR', 'CLIENT_INITIATED_ACCOUNT_LINKING', 'CLIENT_INITIATED_ACCOUNT_LINKING_ERROR',
  'TOKEN_EXCHANGE', 'TOKEN_EXCHANGE_ERROR', 'OAUTH2_DEVICE_AUTH', 'OAUTH2_DEVICE_AUTH_ERROR', 'OAUTH2_DEVICE_VERIFY_USER_CODE',
  'OAUTH2_DEVICE_VERIFY_USER_CODE_ERROR', 'OAUTH2_DEVICE_CODE_TO_TOKEN', 'OAUTH2_DEVICE_CODE_TO_TOKEN_ERROR',
  'AUTHREQID_TO_TOKEN', 'AUTHREQID_TO_TOKEN_ERROR', 'PERMISSION_TOKEN', 'DELETE_ACCOUNT', 'DELETE_ACCOUNT_ERROR',
  'USER_DISABLED_BY_PERMANENT_LOCKOUT', 'USER_DISABLED_BY_TEMPORARY_LOCKOUT', 'OAUTH2_EXTENSION_GRANT',
  'OAUTH2_EXTENSION_GRANT_ERROR', 'FEDERATED_IDENTITY_OVERRIDE_LINK', 'FEDERATED_IDENTITY_OVERRIDE_LINK_ERROR',
  'UPDATE_CREDENTIAL', 'UPDATE_CREDENTIAL_ERROR', 'REMOVE_CREDENTIAL', 'REMOVE_CREDENTIAL_ERROR', 'INVITE_ORG', 'INVITE_ORG_ERROR',
  'VERIFIABLE_CREDENTIAL_REQUEST', 'VERIFIABLE_CREDENTIAL_REQUEST_ERROR', 'VERIFIABLE_CREDENTIAL_OFFER_REQUEST',
  'VERIFIABLE_CREDENTIAL_OFFER_REQUEST_ERROR', 'VERIFIABLE_CREDENTIAL_CREATE_OFFER', 'VERIFIABLE_CREDENTIAL_CREATE_OFFER_ERROR',
  'VERIFIABLE_CREDENTIAL_PRE_AUTHORIZED_GRANT', 'VERIFIABLE_CREDENTIAL_PRE_AUTHORIZED_GRANT_ERROR', 'JWT_AUTHORIZATION_GRANT',
  'JWT_AUTHORIZATION_GRANT_ERROR',
];

/** Key provider ids Keycloak 26 ships (componentTypes of org.keycloak.keys.KeyProvider). */
export const KEYCLOAK_KEY_PROVIDER_TYPES = [
  'rsa-generated',
  'rsa',
  'rsa-enc-generated',
  'rsa-enc',
  'ecdsa-generated',
  'ecdh-generated',
  'eddsa-generated',
  'hmac-generated',
  'aes-generated',
  'java-keystore',
] as const;

/** Keycloak's built-in (global) client profiles. */
export const KEYCLOAK_GLOBAL_CLIENT_PROFILES: readonly string[] = [
  'fapi-1-baseline',
  'fapi-1-advanced',
  'fapi-ciba',
  'fapi-2-security-profile',
  'fapi-2-message-signing',
  'oauth-2-1-for-confidential-client',
  'oauth-2-1-for-public-client',
  'fapi-2-dpop-security-profile',
  'fapi-2-dpop-message-signing',
  'saml-security-profile',
];

/** Client scopes a new client gets from a stock realm's defaults. */
export const KEYCLOAK_DEFAULT_CLIENT_SCOPES: readonly string[] = ['web-origins', 'acr', 'roles', 'profile', 'basic', 'email'];
export const KEYCLOAK_OPTIONAL_CLIENT_SCOPES: readonly string[] = ['address', 'phone', 'organization', 'offline_access', 'microprofile-jwt'];

export const SIGNATURE_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'EdDSA'] as const;

/**
 * Top-level field names of Keycloak's RealmRepresentation (from a 26.7 partial export plus the
 * import-only ones): a YAML file using one of these is a realm export / keycloak-config-cli
 * file, not a baseline.
 */
export const REALM_REPRESENTATION_KEYS: ReadonlySet<string> = new Set([
  'accessCodeLifespan', 'accessCodeLifespanLogin', 'accessCodeLifespanUserAction', 'accessTokenLifespan', 'accessTokenLifespanForImplicitFlow', 'accountTheme',
  'actionTokenGeneratedByAdminLifespan', 'actionTokenGeneratedByUserLifespan', 'adminEventsDetailsEnabled', 'adminEventsEnabled', 'adminPermissionsEnabled', 'adminTheme',
  'applications', 'attributes', 'authenticationFlows', 'authenticatorConfig', 'browserFlow', 'browserSecurityHeaders',
  'bruteForceProtected', 'bruteForceStrategy', 'certificate', 'clientAuthenticationFlow', 'clientOfflineSessionIdleTimeout', 'clientOfflineSessionMaxLifespan',
  'clientPolicies', 'clientProfiles', 'clientScopeMappings', 'clientScopes', 'clientSessionIdleTimeout', 'clientSessionMaxLifespan',
  'clientTemplates', 'clients', 'codeSecret', 'components', 'defaultDefaultClientScopes', 'defaultGroups',
  'defaultLocale', 'defaultOptionalClientScopes', 'defaultRole', 'defaultRoles', 'defaultSignatureAlgorithm', 'directGrantFlow',
  'displayName', 'displayNameHtml', 'dockerAuthenticationFlow', 'duplicateEmailsAllowed', 'editUsernameAllowed', 'emailTheme',
  'enabled', 'enabledEventTypes', 'eventsEnabled', 'eventsListeners', 'failureFactor', 'federatedUsers',
  'firstBrokerLoginFlow', 'groups', 'id', 'identityProviderMappers', 'identityProviders', 'internationalizationEnabled',
  'keycloakVersion', 'localizationTexts', 'loginTheme', 'loginWithEmailAllowed', 'maxDeltaTimeSeconds', 'maxFailureWaitSeconds',
  'maxSecondaryAuthFailures', 'maxTemporaryLockouts', 'minimumQuickLoginWaitSeconds', 'notBefore', 'oauth2DeviceCodeLifespan', 'oauth2DevicePollingInterval',
  'oauthClients', 'offlineSessionIdleTimeout', 'offlineSessionMaxLifespan', 'offlineSessionMaxLifespanEnabled', 'organizations', 'organizationsEnabled',
  'otpPolicy', 'otpPolicyAlgorithm', 'otpPolicyCodeReusable', 'otpPolicyDigits', 'otpPolicyInitialCounter', 'otpPolicyLookAheadWindow',
  'otpPolicyPeriod', 'otpPolicyType', 'otpSupportedApplications', 'passwordPolicy', 'permanentLockout', 'privateKey',
  'publicKey', 'quickLoginCheckMilliSeconds', 'realm', 'refreshTokenMaxReuse', 'registrationAllowed', 'registrationEmailAsUsername',
  'registrationFlow', 'rememberMe', 'requiredActions', 'requiredCredentials', 'resetCredentialsFlow', 'resetPasswordAllowed',
  'revokeRefreshToken', 'roles', 'scimApiEnabled', 'scopeMappings', 'smtpServer', 'sslRequired',
  'ssoSessionIdleTimeout', 'ssoSessionIdleTimeoutRememberMe', 'ssoSessionMaxLifespan', 'ssoSessionMaxLifespanRememberMe', 'supportedLocales', 'userFederationMappers',
  'userFederationProviders', 'userManagedAccessAllowed', 'users', 'verifiableCredentialsEnabled', 'verifyEmail', 'waitIncrementSeconds',
  'webAuthnPolicyAcceptableAaguids', 'webAuthnPolicyAttestationConveyancePreference', 'webAuthnPolicyAuthenticatorAttachment', 'webAuthnPolicyAvoidSameAuthenticatorRegister', 'webAuthnPolicyCreateTimeout', 'webAuthnPolicyExtraOrigins',
  'webAuthnPolicyPasswordlessAcceptableAaguids', 'webAuthnPolicyPasswordlessAttestationConveyancePreference', 'webAuthnPolicyPasswordlessAuthenticatorAttachment', 'webAuthnPolicyPasswordlessAvoidSameAuthenticatorRegister', 'webAuthnPolicyPasswordlessCreateTimeout', 'webAuthnPolicyPasswordlessExtraOrigins',
  'webAuthnPolicyPasswordlessRequireResidentKey', 'webAuthnPolicyPasswordlessResidentKey', 'webAuthnPolicyPasswordlessRpEntityName', 'webAuthnPolicyPasswordlessRpId', 'webAuthnPolicyPasswordlessSignatureAlgorithms', 'webAuthnPolicyPasswordlessUserVerificationRequirement',
  'webAuthnPolicyRequireResidentKey', 'webAuthnPolicyResidentKey', 'webAuthnPolicyRpEntityName', 'webAuthnPolicyRpId', 'webAuthnPolicySignatureAlgorithms', 'webAuthnPolicyUserVerificationRequirement',
]);
