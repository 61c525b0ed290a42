import accessCodeLifespan from '../../../../policies/rules/realm/access-code-lifespan.ts';
import actionTokenLifespan from '../../../../policies/rules/realm/action-token-lifespan.ts';
import accessTokenLifespan from '../../../../policies/rules/realm/access-token-lifespan.ts';
import adminEvents from '../../../../policies/rules/realm/admin-events.ts';
import bruteForceProtection from '../../../../policies/rules/realm/brute-force-protection.ts';
import clientSessionBounds from '../../../../policies/rules/realm/client-session-bounds.ts';
import loginEvents from '../../../../policies/rules/realm/login-events.ts';
import offlineSessionIdle from '../../../../policies/rules/realm/offline-session-idle.ts';
import offlineSessionMax from '../../../../policies/rules/realm/offline-session-max.ts';
import passwordPolicy from '../../../../policies/rules/realm/password-policy.ts';
import refreshTokenReuse from '../../../../policies/rules/realm/refresh-token-reuse.ts';
import refreshTokenRotation from '../../../../policies/rules/realm/refresh-token-rotation.ts';
import rememberMeSession from '../../../../policies/rules/realm/remember-me-session.ts';
import securityHeaders from '../../../../policies/rules/realm/security-headers.ts';
import signatureAlgorithm from '../../../../policies/rules/realm/signature-algorithm.ts';
import sslRequired from '../../../../policies/rules/realm/ssl-required.ts';
import ssoSessionIdle from '../../../../policies/rules/realm/sso-session-idle.ts';
import ssoSessionMax from '../../../../policies/rules/realm/sso-session-max.ts';
import type { Rule } from '../../../../policies/define-rule.ts';
import { ruleTable } from '../rule-table.ts';

const rule = (r: unknown) => r as Rule;

ruleTable(rule(sslRequired), {
  valid: [
    {
      name: "'external' under baseline",
      change: (r) => {
        r.sslRequired = 'external';
      },
    },
  ],
  invalid: [
    {
      name: "'none'",
      change: (r) => {
        r.sslRequired = 'none';
      },
      errors: [{ messageId: 'none', path: ['sslRequired'] }],
    },
    {
      name: "'none' under strict is still critical",
      profile: 'strict',
      change: (r) => {
        r.sslRequired = 'none';
      },
      errors: [{ messageId: 'none', path: ['sslRequired'] }],
    },
    {
      name: "'external' under strict",
      profile: 'strict',
      change: (r) => {
        r.sslRequired = 'external';
      },
      errors: [{ messageId: 'notAll', path: ['sslRequired'], severity: 'low' }],
    },
    {
      name: "'external' with require: all in config",
      params: { require: 'all' },
      change: (r) => {
        r.sslRequired = 'external';
      },
      errors: [{ messageId: 'notAll', path: ['sslRequired'], severity: 'low' }],
    },
  ],
});

ruleTable(rule(accessTokenLifespan), {
  valid: [
    {
      name: '900 s under baseline',
      change: (r) => {
        r.accessTokenLifespan = 900;
      },
    },
    {
      name: '0 (unset: Keycloak default)',
      change: (r) => {
        r.accessTokenLifespan = 0;
      },
    },
    {
      name: '1800 s with max raised in config',
      params: { max: 1800 },
      change: (r) => {
        r.accessTokenLifespan = 1800;
      },
    },
  ],
  invalid: [
    {
      name: '901 s under baseline',
      change: (r) => {
        r.accessTokenLifespan = 901;
      },
      errors: [{ messageId: 'tooLong', path: ['accessTokenLifespan'] }],
    },
    {
      name: '600 s under strict',
      profile: 'strict',
      change: (r) => {
        r.accessTokenLifespan = 600;
      },
      errors: [{ messageId: 'tooLong', path: ['accessTokenLifespan'] }],
    },
    {
      name: '300 s with max lowered in config',
      params: { max: 120 },
      errors: [{ messageId: 'tooLong', path: ['accessTokenLifespan'] }],
    },
  ],
});

ruleTable(rule(accessCodeLifespan), {
  valid: [
    {
      name: '60 s',
      change: (r) => {
        r.accessCodeLifespan = 60;
      },
    },
  ],
  invalid: [
    {
      name: '600 s',
      change: (r) => {
        r.accessCodeLifespan = 600;
      },
      errors: [{ messageId: 'tooLong', path: ['accessCodeLifespan'] }],
    },
  ],
});

ruleTable(rule(actionTokenLifespan), {
  valid: [
    {
      name: "Keycloak's defaults (5 min, 12 h) under strict",
      profile: 'strict',
      change: (r) => {
        r.actionTokenGeneratedByUserLifespan = 300;
        r.actionTokenGeneratedByAdminLifespan = 43_200;
      },
    },
    {
      name: '1 h user links, 24 h admin links under baseline',
      change: (r) => {
        r.actionTokenGeneratedByUserLifespan = 3_600;
        r.actionTokenGeneratedByAdminLifespan = 86_400;
      },
    },
  ],
  invalid: [
    {
      name: 'a reset-password link that lives 3 days',
      change: (r) => {
        r.actionTokenGeneratedByUserLifespan = 259_200;
      },
      errors: [{ messageId: 'userTooLong', path: ['actionTokenGeneratedByUserLifespan'] }],
    },
    {
      name: 'admin links for a week',
      change: (r) => {
        r.actionTokenGeneratedByAdminLifespan = 604_800;
      },
      errors: [{ messageId: 'adminTooLong', path: ['actionTokenGeneratedByAdminLifespan'] }],
    },
    {
      name: '1 h user links under strict',
      profile: 'strict',
      change: (r) => {
        r.actionTokenGeneratedByUserLifespan = 3_600;
      },
      errors: [{ messageId: 'userTooLong', path: ['actionTokenGeneratedByUserLifespan'] }],
    },
    {
      name: '5 min with userMax lowered in config',
      params: { userMax: 120 },
      errors: [{ messageId: 'userTooLong', path: ['actionTokenGeneratedByUserLifespan'] }],
    },
  ],
});

ruleTable(rule(ssoSessionIdle), {
  valid: [
    {
      name: '3600 s under baseline',
      change: (r) => {
        r.ssoSessionIdleTimeout = 3600;
      },
    },
  ],
  invalid: [
    {
      name: '2 h under baseline',
      change: (r) => {
        r.ssoSessionIdleTimeout = 7200;
      },
      errors: [{ messageId: 'tooLong', path: ['ssoSessionIdleTimeout'] }],
    },
    {
      name: '1800 s under strict',
      profile: 'strict',
      change: (r) => {
        r.ssoSessionIdleTimeout = 1800;
      },
      errors: [{ messageId: 'tooLong', path: ['ssoSessionIdleTimeout'] }],
    },
    {
      name: '0 (never)',
      change: (r) => {
        r.ssoSessionIdleTimeout = 0;
      },
      errors: [{ messageId: 'unlimited', path: ['ssoSessionIdleTimeout'] }],
    },
  ],
});

ruleTable(rule(ssoSessionMax), {
  valid: [
    {
      name: '24 h under baseline',
      change: (r) => {
        r.ssoSessionMaxLifespan = 86_400;
      },
    },
  ],
  invalid: [
    {
      name: '0 (unlimited)',
      change: (r) => {
        r.ssoSessionMaxLifespan = 0;
      },
      errors: [{ messageId: 'unlimited', path: ['ssoSessionMaxLifespan'] }],
    },
    {
      name: '24 h under strict',
      profile: 'strict',
      change: (r) => {
        r.ssoSessionMaxLifespan = 86_400;
      },
      errors: [{ messageId: 'tooLong', path: ['ssoSessionMaxLifespan'] }],
    },
  ],
});

ruleTable(rule(rememberMeSession), {
  valid: [
    {
      name: 'remember-me on, 30 d, baseline',
      change: (r) => {
        r.rememberMe = true;
        r.ssoSessionMaxLifespanRememberMe = 2_592_000;
      },
    },
    {
      name: 'remember-me off under strict with long values',
      profile: 'strict',
      change: (r) => {
        r.ssoSessionMaxLifespanRememberMe = 9_999_999;
      },
    },
  ],
  invalid: [
    {
      name: 'remember-me for 90 d',
      change: (r) => {
        r.rememberMe = true;
        r.ssoSessionMaxLifespanRememberMe = 7_776_000;
      },
      errors: [{ messageId: 'tooLong', path: ['ssoSessionMaxLifespanRememberMe'] }],
    },
    {
      name: 'remember-me on under strict',
      profile: 'strict',
      change: (r) => {
        r.rememberMe = true;
      },
      errors: [{ messageId: 'notAllowed', path: ['rememberMe'] }],
    },
  ],
});

ruleTable(rule(clientSessionBounds), {
  valid: [
    {
      name: 'client idle equal to SSO idle',
      change: (r) => {
        r.clientSessionIdleTimeout = r.ssoSessionIdleTimeout;
      },
    },
  ],
  invalid: [
    {
      name: 'client idle longer than SSO idle',
      change: (r) => {
        r.clientSessionIdleTimeout = r.ssoSessionIdleTimeout + 1;
      },
      errors: [{ messageId: 'longer', path: ['clientSessionIdleTimeout'] }],
    },
    {
      name: 'client max longer than SSO max',
      change: (r) => {
        r.clientSessionMaxLifespan = r.ssoSessionMaxLifespan * 2;
      },
      errors: [{ messageId: 'longer', path: ['clientSessionMaxLifespan'] }],
    },
  ],
});

ruleTable(rule(refreshTokenRotation), {
  valid: [
    {
      name: 'not required in config',
      params: { required: false },
      change: (r) => {
        r.revokeRefreshToken = false;
      },
    },
  ],
  invalid: [
    {
      name: 'rotation off',
      change: (r) => {
        r.revokeRefreshToken = false;
      },
      errors: [{ messageId: 'off', path: ['revokeRefreshToken'] }],
    },
  ],
});

ruleTable(rule(refreshTokenReuse), {
  valid: [
    {
      name: 'reuse set but rotation off (rotation rule judges that)',
      change: (r) => {
        r.revokeRefreshToken = false;
        r.refreshTokenMaxReuse = 3;
      },
    },
  ],
  invalid: [
    {
      name: 'reuse 2',
      change: (r) => {
        r.refreshTokenMaxReuse = 2;
      },
      errors: [{ messageId: 'reuse', path: ['refreshTokenMaxReuse'] }],
    },
  ],
});

ruleTable(rule(offlineSessionMax), {
  valid: [
    {
      name: '60 d under baseline',
      change: (r) => {
        r.offlineSessionMaxLifespan = 5_184_000;
      },
    },
  ],
  invalid: [
    {
      name: 'limit off',
      change: (r) => {
        r.offlineSessionMaxLifespanEnabled = false;
      },
      errors: [{ messageId: 'unlimited', path: ['offlineSessionMaxLifespanEnabled'] }],
    },
    {
      name: '60 d under strict',
      profile: 'strict',
      change: (r) => {
        r.offlineSessionMaxLifespan = 5_184_000;
      },
      errors: [{ messageId: 'tooLong', path: ['offlineSessionMaxLifespan'] }],
    },
  ],
});

ruleTable(rule(offlineSessionIdle), {
  valid: [
    {
      name: '30 d under baseline',
      change: (r) => {
        r.offlineSessionIdleTimeout = 2_592_000;
      },
    },
  ],
  invalid: [
    {
      name: '30 d under strict',
      profile: 'strict',
      change: (r) => {
        r.offlineSessionIdleTimeout = 2_592_000;
      },
      errors: [{ messageId: 'tooLong', path: ['offlineSessionIdleTimeout'] }],
    },
    {
      name: '0 (never)',
      change: (r) => {
        r.offlineSessionIdleTimeout = 0;
      },
      errors: [{ messageId: 'tooLong', path: ['offlineSessionIdleTimeout'] }],
    },
  ],
});

ruleTable(rule(loginEvents), {
  valid: [
    {
      name: 'kept forever (0)',
      change: (r) => {
        r.eventsExpiration = 0;
      },
    },
    {
      name: 'every type (empty list)',
      change: (r) => {
        r.enabledEventTypes = [];
      },
    },
  ],
  invalid: [
    {
      name: 'events off',
      change: (r) => {
        r.eventsEnabled = false;
      },
      errors: [{ messageId: 'off', path: ['eventsEnabled'] }],
    },
    {
      name: 'kept 7 days',
      change: (r) => {
        r.eventsExpiration = 604_800;
      },
      errors: [{ messageId: 'shortRetention', path: ['eventsExpiration'] }],
    },
    {
      name: 'only LOGIN recorded',
      change: (r) => {
        r.enabledEventTypes = ['LOGIN'];
      },
      errors: [{ messageId: 'missingTypes', path: ['enabledEventTypes'] }],
    },
  ],
});

ruleTable(rule(adminEvents), {
  valid: [
    {
      name: 'details not required in config',
      params: { details: false },
      change: (r) => {
        r.adminEventsDetailsEnabled = false;
      },
    },
  ],
  invalid: [
    {
      name: 'admin events off',
      change: (r) => {
        r.adminEventsEnabled = false;
      },
      errors: [{ messageId: 'off', path: ['adminEventsEnabled'] }],
    },
    {
      name: 'details off',
      change: (r) => {
        r.adminEventsDetailsEnabled = false;
      },
      errors: [{ messageId: 'noDetails', path: ['adminEventsDetailsEnabled'] }],
    },
  ],
});

ruleTable(rule(bruteForceProtection), {
  valid: [
    {
      name: '30 failures under baseline',
      change: (r) => {
        r.failureFactor = 30;
      },
    },
  ],
  invalid: [
    {
      name: 'off',
      change: (r) => {
        r.bruteForceProtected = false;
      },
      errors: [{ messageId: 'off', path: ['bruteForceProtected'] }],
    },
    {
      name: '30 failures under strict',
      profile: 'strict',
      change: (r) => {
        r.failureFactor = 30;
      },
      errors: [{ messageId: 'tooMany', path: ['failureFactor'] }],
    },
  ],
});

ruleTable(rule(passwordPolicy), {
  valid: [
    {
      name: 'length(8) under baseline',
      change: (r) => {
        r.passwordPolicy = 'length(8) and notUsername()';
      },
    },
    {
      name: 'pbkdf2-sha512 with 210000 iterations',
      change: (r) => {
        r.passwordPolicy = 'length(12) and hashAlgorithm(pbkdf2-sha512) and hashIterations(210000)';
      },
    },
  ],
  invalid: [
    {
      name: 'no policy',
      change: (r) => {
        r.passwordPolicy = '';
      },
      errors: [{ messageId: 'noLength', path: ['passwordPolicy'] }],
    },
    {
      name: 'length(6)',
      change: (r) => {
        r.passwordPolicy = 'length(6)';
      },
      errors: [{ messageId: 'tooShort', path: ['passwordPolicy'] }],
    },
    {
      name: 'length(12) under strict',
      profile: 'strict',
      change: (r) => {
        r.passwordPolicy = 'length(12)';
      },
      errors: [{ messageId: 'tooShort', path: ['passwordPolicy'] }],
    },
    {
      name: 'weak hashing is not this rule’s (password-hashing judges it)',
      change: (r) => {
        r.passwordPolicy = 'length(6) and hashAlgorithm(pbkdf2-sha256) and hashIterations(27500)';
      },
      errors: [{ messageId: 'tooShort', path: ['passwordPolicy'] }],
    },
  ],
});

ruleTable(rule(signatureAlgorithm), {
  valid: [
    {
      name: 'RS256 under baseline',
      change: (r) => {
        r.defaultSignatureAlgorithm = 'RS256';
      },
    },
  ],
  invalid: [
    {
      name: 'HS256',
      change: (r) => {
        r.defaultSignatureAlgorithm = 'HS256';
      },
      errors: [{ messageId: 'forbidden', path: ['defaultSignatureAlgorithm'] }],
    },
    {
      name: 'RS256 under strict',
      profile: 'strict',
      change: (r) => {
        r.defaultSignatureAlgorithm = 'RS256';
      },
      errors: [{ messageId: 'notAllowed', path: ['defaultSignatureAlgorithm'] }],
    },
  ],
});

ruleTable(rule(securityHeaders), {
  valid: [
    {
      name: 'DENY framing',
      change: (r) => {
        r.browserSecurityHeaders.xFrameOptions = 'DENY';
      },
    },
    {
      name: 'headers left to Keycloak (absent)',
      change: (r) => {
        r.browserSecurityHeaders = {};
      },
    },
  ],
  invalid: [
    {
      name: 'X-Frame-Options cleared',
      change: (r) => {
        r.browserSecurityHeaders.xFrameOptions = '';
      },
      errors: [{ messageId: 'weakened', path: ['browserSecurityHeaders', 'xFrameOptions'] }],
    },
    {
      name: 'CSP without frame-ancestors',
      change: (r) => {
        r.browserSecurityHeaders.contentSecurityPolicy = "object-src 'none';";
      },
      errors: [{ messageId: 'weakened', path: ['browserSecurityHeaders', 'contentSecurityPolicy'] }],
    },
    {
      name: 'HSTS for a day',
      change: (r) => {
        r.browserSecurityHeaders.strictTransportSecurity = 'max-age=86400';
      },
      errors: [{ messageId: 'weakened', path: ['browserSecurityHeaders', 'strictTransportSecurity'] }],
    },
  ],
});
