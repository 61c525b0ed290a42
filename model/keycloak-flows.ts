/**
 * Keycloak's built-in authentication flows: the flows every new realm holds (Keycloak 26.7, as
 * the live reader reads them; checked against the real server by
 * test/integration/model/built-in-flows.test.ts) and the flows a realm binds until told otherwise.
 * A Pulumi stack cannot remove them, so the pack judges a realm that binds no flow of its own by
 * these. Keycloak hides its 'saml ecp' flow from the admin API; no rule reads it, and it is left out.
 */
import type { AuthenticationFlowSettings } from './realm-settings.ts';

/** The realm's browser flow when nothing binds another (RealmRepresentation, the provider's own default). */
export const DEFAULT_BROWSER_FLOW = 'browser';
/** The realm's first broker login flow when nothing binds another. */
export const DEFAULT_FIRST_BROKER_LOGIN_FLOW = 'first broker login';

/** In alias order, as the model lists flows. */
export const KEYCLOAK_BUILT_IN_FLOWS: readonly AuthenticationFlowSettings[] = [
  {
    alias: 'Account verification options',
    topLevel: false,
    executions: [
      { authenticator: 'idp-email-verification', requirement: 'ALTERNATIVE' },
      { subFlow: 'Verify Existing Account by Re-authentication', requirement: 'ALTERNATIVE' },
    ],
  },
  {
    alias: 'Browser - Conditional 2FA',
    topLevel: false,
    executions: [
      { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
      {
        authenticator: 'conditional-credential',
        requirement: 'REQUIRED',
        config: { credentials: 'webauthn-passwordless' },
      },
      { authenticator: 'auth-otp-form', requirement: 'ALTERNATIVE' },
      { authenticator: 'webauthn-authenticator', requirement: 'DISABLED' },
      { authenticator: 'auth-recovery-authn-code-form', requirement: 'DISABLED' },
    ],
  },
  {
    alias: 'Browser - Conditional Organization',
    topLevel: false,
    executions: [
      { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
      { authenticator: 'organization', requirement: 'ALTERNATIVE' },
    ],
  },
  {
    alias: 'Direct Grant - Conditional OTP',
    topLevel: false,
    executions: [
      { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
      { authenticator: 'direct-grant-validate-otp', requirement: 'REQUIRED' },
    ],
  },
  {
    alias: 'First Broker Login - Conditional Organization',
    topLevel: false,
    executions: [
      { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
      { authenticator: 'idp-add-organization-member', requirement: 'REQUIRED' },
    ],
  },
  {
    alias: 'First broker login - Conditional 2FA',
    topLevel: false,
    executions: [
      { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
      {
        authenticator: 'conditional-credential',
        requirement: 'REQUIRED',
        config: { credentials: 'webauthn-passwordless' },
      },
      { authenticator: 'auth-otp-form', requirement: 'ALTERNATIVE' },
      { authenticator: 'webauthn-authenticator', requirement: 'DISABLED' },
      { authenticator: 'auth-recovery-authn-code-form', requirement: 'DISABLED' },
    ],
  },
  {
    alias: 'Handle Existing Account',
    topLevel: false,
    executions: [
      { authenticator: 'idp-confirm-link', requirement: 'REQUIRED' },
      { subFlow: 'Account verification options', requirement: 'REQUIRED' },
    ],
  },
  {
    alias: 'Organization',
    topLevel: false,
    executions: [{ subFlow: 'Browser - Conditional Organization', requirement: 'CONDITIONAL' }],
  },
  {
    alias: 'Reset - Conditional OTP',
    topLevel: false,
    executions: [
      { authenticator: 'conditional-user-configured', requirement: 'REQUIRED' },
      { authenticator: 'reset-otp', requirement: 'REQUIRED' },
    ],
  },
  {
    alias: 'User creation or linking',
    topLevel: false,
    executions: [
      {
        authenticator: 'idp-create-user-if-unique',
        requirement: 'ALTERNATIVE',
        config: { 'require.password.update.after.registration': 'false' },
      },
      { subFlow: 'Handle Existing Account', requirement: 'ALTERNATIVE' },
    ],
  },
  {
    alias: 'Verify Existing Account by Re-authentication',
    topLevel: false,
    executions: [
      { authenticator: 'idp-username-password-form', requirement: 'REQUIRED' },
      { subFlow: 'First broker login - Conditional 2FA', requirement: 'CONDITIONAL' },
    ],
  },
  {
    alias: 'browser',
    topLevel: true,
    executions: [
      { authenticator: 'auth-cookie', requirement: 'ALTERNATIVE' },
      { authenticator: 'auth-spnego', requirement: 'DISABLED' },
      { authenticator: 'identity-provider-redirector', requirement: 'ALTERNATIVE' },
      { subFlow: 'Organization', requirement: 'ALTERNATIVE' },
      { subFlow: 'forms', requirement: 'ALTERNATIVE' },
    ],
  },
  {
    alias: 'clients',
    topLevel: true,
    executions: [
      { authenticator: 'client-secret', requirement: 'ALTERNATIVE' },
      { authenticator: 'client-jwt', requirement: 'ALTERNATIVE' },
      { authenticator: 'client-secret-jwt', requirement: 'ALTERNATIVE' },
      { authenticator: 'client-x509', requirement: 'ALTERNATIVE' },
      { authenticator: 'federated-jwt', requirement: 'ALTERNATIVE' },
    ],
  },
  {
    alias: 'direct grant',
    topLevel: true,
    executions: [
      { authenticator: 'direct-grant-validate-username', requirement: 'REQUIRED' },
      { authenticator: 'direct-grant-validate-password', requirement: 'REQUIRED' },
      { subFlow: 'Direct Grant - Conditional OTP', requirement: 'CONDITIONAL' },
    ],
  },
  {
    alias: 'docker auth',
    topLevel: true,
    executions: [{ authenticator: 'docker-http-basic-authenticator', requirement: 'REQUIRED' }],
  },
  {
    alias: 'first broker login',
    topLevel: true,
    executions: [
      {
        authenticator: 'idp-review-profile',
        requirement: 'REQUIRED',
        config: { 'update.profile.on.first.login': 'missing' },
      },
      { subFlow: 'User creation or linking', requirement: 'REQUIRED' },
      { subFlow: 'First Broker Login - Conditional Organization', requirement: 'CONDITIONAL' },
    ],
  },
  {
    alias: 'forms',
    topLevel: false,
    executions: [
      { authenticator: 'auth-username-password-form', requirement: 'REQUIRED' },
      { subFlow: 'Browser - Conditional 2FA', requirement: 'CONDITIONAL' },
    ],
  },
  {
    alias: 'registration',
    topLevel: true,
    executions: [{ subFlow: 'registration form', requirement: 'REQUIRED' }],
  },
  {
    alias: 'registration form',
    topLevel: false,
    executions: [
      { authenticator: 'registration-user-creation', requirement: 'REQUIRED' },
      { authenticator: 'registration-password-action', requirement: 'REQUIRED' },
      { authenticator: 'registration-recaptcha-action', requirement: 'DISABLED' },
      { authenticator: 'registration-terms-and-conditions', requirement: 'DISABLED' },
    ],
  },
  {
    alias: 'reset credentials',
    topLevel: true,
    executions: [
      { authenticator: 'reset-credentials-choose-user', requirement: 'REQUIRED' },
      { authenticator: 'reset-credential-email', requirement: 'REQUIRED' },
      { authenticator: 'reset-password', requirement: 'REQUIRED' },
      { subFlow: 'Reset - Conditional OTP', requirement: 'CONDITIONAL' },
    ],
  },
];
