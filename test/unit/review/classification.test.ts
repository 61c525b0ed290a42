/**
 * The classification table, one crafted pair per classified setting: change one thing in a
 * hardened realm, expect exactly that change with that effect. A meta-test below proves every
 * field of the model's tables is exercised here.
 */
import { describe, expect, it } from 'vitest';
import type { RealmSettings } from '../../../model/realm-settings.ts';
import type { Effect } from '../../../review/change.ts';
import { diffRealm } from '../../../review/diff-realms.ts';
import { REALM_TABLE } from '../../../review/classify/realm-table.ts';
import { CLIENT_TABLE } from '../../../review/classify/client-table.ts';
import { KEY_TABLE } from '../../../review/classify/key-table.ts';
import { CLIENT_ATTRIBUTE_RULES } from '../../../review/classify/client-attributes.ts';
import { changed, client, shopClient, shopRealm } from '../../support/fixtures.ts';
import { ENTITY_CASES, ENTITY_STARTS } from './entity-classification-cases.ts';

interface Case {
  name: string;
  edit: (realm: RealmSettings) => void;
  /** The path below the realm, joined with '.', of the one change expected. */
  path: string;
  effect: Effect;
  before?: unknown;
  after?: unknown;
}

const key = (realm: RealmSettings, name: string) => {
  const found = realm.keyProviders.find((provider) => provider.name === name);
  if (!found) throw new Error(`fixture has no key ${name}`);
  return found;
};

const cases: Case[] = [
  // realm: transport, tokens
  {
    name: 'sslRequired external → none weakens',
    edit: (r) => {
      r.sslRequired = 'none';
    },
    path: 'sslRequired',
    effect: 'weakens',
    before: 'external',
    after: 'none',
  },
  {
    name: 'sslRequired external → all strengthens',
    edit: (r) => {
      r.sslRequired = 'all';
    },
    path: 'sslRequired',
    effect: 'strengthens',
  },
  {
    name: 'longer access-token lifespan weakens',
    edit: (r) => {
      r.accessTokenLifespan = 3600;
    },
    path: 'accessTokenLifespan',
    effect: 'weakens',
    before: 300,
    after: 3600,
  },
  {
    name: 'shorter access-token lifespan strengthens',
    edit: (r) => {
      r.accessTokenLifespan = 120;
    },
    path: 'accessTokenLifespan',
    effect: 'strengthens',
  },
  {
    name: 'longer implicit-flow lifespan weakens',
    edit: (r) => {
      r.accessTokenLifespanForImplicitFlow = 1800;
    },
    path: 'accessTokenLifespanForImplicitFlow',
    effect: 'weakens',
  },
  {
    name: 'longer access-code lifespan weakens',
    edit: (r) => {
      r.accessCodeLifespan = 600;
    },
    path: 'accessCodeLifespan',
    effect: 'weakens',
  },
  {
    name: 'a reset-password link living for days weakens',
    edit: (r) => {
      r.actionTokenGeneratedByUserLifespan = 3 * 86_400;
    },
    path: 'actionTokenGeneratedByUserLifespan',
    effect: 'weakens',
    before: 300,
    after: 259_200,
  },
  {
    name: 'a shorter admin-sent action link strengthens',
    edit: (r) => {
      r.actionTokenGeneratedByAdminLifespan = 3_600;
    },
    path: 'actionTokenGeneratedByAdminLifespan',
    effect: 'strengthens',
  },
  {
    name: 'rotation off weakens',
    edit: (r) => {
      r.revokeRefreshToken = false;
    },
    path: 'revokeRefreshToken',
    effect: 'weakens',
    before: true,
    after: false,
  },
  {
    name: 'refresh-token reuse up weakens',
    edit: (r) => {
      r.refreshTokenMaxReuse = 3;
    },
    path: 'refreshTokenMaxReuse',
    effect: 'weakens',
  },
  {
    name: 'realm not-before pushed strengthens',
    edit: (r) => {
      r.notBefore = 1_790_000_000;
    },
    path: 'notBefore',
    effect: 'strengthens',
  },
  {
    name: 'realm not-before cleared weakens',
    edit: (r) => {
      r.notBefore = 0;
    },
    path: 'notBefore',
    effect: 'weakens',
    before: 1_790_000_000,
    after: 0,
  },
  {
    name: 'realm disabled is neutral',
    edit: (r) => {
      r.enabled = false;
    },
    path: 'enabled',
    effect: 'neutral',
  },
  // who may get an account, and the OTP policy (issue 14's realm rows)
  {
    name: 'self-registration on weakens',
    edit: (r) => {
      r.registrationAllowed = true;
    },
    path: 'registrationAllowed',
    effect: 'weakens',
  },
  {
    name: 'e-mail verification off weakens',
    edit: (r) => {
      r.verifyEmail = false;
    },
    path: 'verifyEmail',
    effect: 'weakens',
  },
  {
    name: 'OTP type hotp is neutral',
    edit: (r) => {
      r.otpPolicyType = 'hotp';
    },
    path: 'otpPolicyType',
    effect: 'neutral',
  },
  {
    name: 'OTP HMAC SHA-256 is neutral',
    edit: (r) => {
      r.otpPolicyAlgorithm = 'HmacSHA256';
    },
    path: 'otpPolicyAlgorithm',
    effect: 'neutral',
  },
  {
    name: 'fewer OTP digits weaken',
    edit: (r) => {
      r.otpPolicyDigits = 4;
    },
    path: 'otpPolicyDigits',
    effect: 'weakens',
  },
  {
    name: 'a longer TOTP step weakens',
    edit: (r) => {
      r.otpPolicyPeriod = 120;
    },
    path: 'otpPolicyPeriod',
    effect: 'weakens',
  },
  {
    name: 'a wider OTP window weakens',
    edit: (r) => {
      r.otpPolicyLookAheadWindow = 3;
    },
    path: 'otpPolicyLookAheadWindow',
    effect: 'weakens',
  },
  {
    name: 'reusable OTP codes weaken',
    edit: (r) => {
      r.otpPolicyCodeReusable = true;
    },
    path: 'otpPolicyCodeReusable',
    effect: 'weakens',
  },
  // sessions
  {
    name: 'longer SSO idle weakens',
    edit: (r) => {
      r.ssoSessionIdleTimeout = 7200;
    },
    path: 'ssoSessionIdleTimeout',
    effect: 'weakens',
  },
  {
    name: 'SSO max 0 (unlimited) weakens',
    edit: (r) => {
      r.ssoSessionMaxLifespan = 0;
    },
    path: 'ssoSessionMaxLifespan',
    effect: 'weakens',
  },
  {
    name: 'remember-me on weakens',
    edit: (r) => {
      r.rememberMe = true;
    },
    path: 'rememberMe',
    effect: 'weakens',
  },
  {
    name: 'remember-me idle longer than SSO idle weakens',
    edit: (r) => {
      r.ssoSessionIdleTimeoutRememberMe = 604_800;
    },
    path: 'ssoSessionIdleTimeoutRememberMe',
    effect: 'weakens',
  },
  {
    name: 'remember-me max set to the SSO max is neutral (0 inherits it)',
    edit: (r) => {
      r.ssoSessionMaxLifespanRememberMe = 36_000;
    },
    path: 'ssoSessionMaxLifespanRememberMe',
    effect: 'neutral',
  },
  {
    name: 'client-session idle below SSO idle strengthens',
    edit: (r) => {
      r.clientSessionIdleTimeout = 600;
    },
    path: 'clientSessionIdleTimeout',
    effect: 'strengthens',
  },
  {
    name: 'client-session max above SSO max weakens',
    edit: (r) => {
      r.clientSessionMaxLifespan = 86_400;
    },
    path: 'clientSessionMaxLifespan',
    effect: 'weakens',
  },
  {
    name: 'longer offline idle weakens',
    edit: (r) => {
      r.offlineSessionIdleTimeout = 90 * 86_400;
    },
    path: 'offlineSessionIdleTimeout',
    effect: 'weakens',
  },
  {
    name: 'offline max off weakens',
    edit: (r) => {
      r.offlineSessionMaxLifespanEnabled = false;
    },
    path: 'offlineSessionMaxLifespanEnabled',
    effect: 'weakens',
  },
  {
    name: 'shorter offline max strengthens',
    edit: (r) => {
      r.offlineSessionMaxLifespan = 30 * 86_400;
    },
    path: 'offlineSessionMaxLifespan',
    effect: 'strengthens',
  },
  // brute force, passwords, algorithms, headers
  {
    name: 'brute-force protection off weakens',
    edit: (r) => {
      r.bruteForceProtected = false;
    },
    path: 'bruteForceProtected',
    effect: 'weakens',
  },
  {
    name: 'permanent lockout on strengthens',
    edit: (r) => {
      r.permanentLockout = true;
    },
    path: 'permanentLockout',
    effect: 'strengthens',
  },
  {
    name: 'more failures allowed weakens',
    edit: (r) => {
      r.failureFactor = 30;
    },
    path: 'failureFactor',
    effect: 'weakens',
  },
  {
    name: 'shorter wait increment weakens',
    edit: (r) => {
      r.waitIncrementSeconds = 5;
    },
    path: 'waitIncrementSeconds',
    effect: 'weakens',
  },
  {
    name: 'longer max failure wait strengthens',
    edit: (r) => {
      r.maxFailureWaitSeconds = 3600;
    },
    path: 'maxFailureWaitSeconds',
    effect: 'strengthens',
  },
  {
    name: 'shorter quick-login wait weakens',
    edit: (r) => {
      r.minimumQuickLoginWaitSeconds = 1;
    },
    path: 'minimumQuickLoginWaitSeconds',
    effect: 'weakens',
  },
  {
    name: 'shorter quick-login window weakens',
    edit: (r) => {
      r.quickLoginCheckMilliSeconds = 100;
    },
    path: 'quickLoginCheckMilliSeconds',
    effect: 'weakens',
  },
  {
    name: 'failure count reset sooner weakens',
    edit: (r) => {
      r.maxDeltaTimeSeconds = 600;
    },
    path: 'maxDeltaTimeSeconds',
    effect: 'weakens',
  },
  {
    name: 'password length down weakens',
    edit: (r) => {
      r.passwordPolicy = r.passwordPolicy.replace('length(12)', 'length(8)');
    },
    path: 'passwordPolicy.length',
    effect: 'weakens',
    before: '12',
    after: '8',
  },
  {
    name: 'password history dropped weakens',
    edit: (r) => {
      r.passwordPolicy = r.passwordPolicy.replace(' and passwordHistory(3)', '');
    },
    path: 'passwordPolicy.passwordHistory',
    effect: 'weakens',
  },
  {
    name: 'password digits added strengthens',
    edit: (r) => {
      r.passwordPolicy += ' and digits(1)';
    },
    path: 'passwordPolicy.digits',
    effect: 'strengthens',
  },
  {
    name: 'password maxLength changed is neutral',
    edit: (r) => {
      r.passwordPolicy = r.passwordPolicy.replace('maxLength(128)', 'maxLength(64)');
    },
    path: 'passwordPolicy.maxLength',
    effect: 'neutral',
  },
  {
    name: 'HS256 default signature weakens',
    edit: (r) => {
      r.defaultSignatureAlgorithm = 'HS256';
    },
    path: 'defaultSignatureAlgorithm',
    effect: 'weakens',
  },
  {
    name: 'PS256 default signature strengthens',
    edit: (r) => {
      r.defaultSignatureAlgorithm = 'PS256';
    },
    path: 'defaultSignatureAlgorithm',
    effect: 'strengthens',
  },
  {
    name: 'X-Frame-Options emptied weakens',
    edit: (r) => {
      r.browserSecurityHeaders.xFrameOptions = '';
    },
    path: 'browserSecurityHeaders.xFrameOptions',
    effect: 'weakens',
  },
  {
    name: 'X-Frame-Options DENY strengthens',
    edit: (r) => {
      r.browserSecurityHeaders.xFrameOptions = 'DENY';
    },
    path: 'browserSecurityHeaders.xFrameOptions',
    effect: 'strengthens',
  },
  {
    name: 'HSTS shorter weakens',
    edit: (r) => {
      r.browserSecurityHeaders.strictTransportSecurity = 'max-age=600; includeSubDomains';
    },
    path: 'browserSecurityHeaders.strictTransportSecurity',
    effect: 'weakens',
  },
  {
    name: 'CSP without frame-ancestors weakens',
    edit: (r) => {
      r.browserSecurityHeaders.contentSecurityPolicy = "frame-src 'self';";
    },
    path: 'browserSecurityHeaders.contentSecurityPolicy',
    effect: 'weakens',
  },
  {
    name: 'referrer policy changed is neutral',
    edit: (r) => {
      r.browserSecurityHeaders.referrerPolicy = 'same-origin';
    },
    path: 'browserSecurityHeaders.referrerPolicy',
    effect: 'neutral',
  },
  // events
  {
    name: 'events off weakens',
    edit: (r) => {
      r.eventsEnabled = false;
    },
    path: 'eventsEnabled',
    effect: 'weakens',
  },
  {
    name: 'events kept shorter weakens',
    edit: (r) => {
      r.eventsExpiration = 86_400;
    },
    path: 'eventsExpiration',
    effect: 'weakens',
  },
  {
    name: 'events kept forever (0) strengthens',
    edit: (r) => {
      r.eventsExpiration = 0;
    },
    path: 'eventsExpiration',
    effect: 'strengthens',
  },
  {
    name: 'LOGIN_ERROR no longer recorded weakens',
    edit: (r) => {
      r.enabledEventTypes = r.enabledEventTypes.filter((t) => t !== 'LOGIN_ERROR');
    },
    path: 'enabledEventTypes',
    effect: 'weakens',
    before: 'LOGIN_ERROR',
    after: undefined,
  },
  {
    name: 'event type added strengthens',
    edit: (r) => {
      r.enabledEventTypes.push('USER_INFO_REQUEST_ERROR');
    },
    path: 'enabledEventTypes',
    effect: 'strengthens',
  },
  {
    name: 'event listener removed weakens',
    edit: (r) => {
      r.eventsListeners = [];
    },
    path: 'eventsListeners',
    effect: 'weakens',
  },
  {
    name: 'event listener added is neutral',
    edit: (r) => {
      r.eventsListeners.push('email');
    },
    path: 'eventsListeners',
    effect: 'neutral',
  },
  {
    name: 'admin events off weakens',
    edit: (r) => {
      r.adminEventsEnabled = false;
    },
    path: 'adminEventsEnabled',
    effect: 'weakens',
  },
  {
    name: 'admin event details off weakens',
    edit: (r) => {
      r.adminEventsDetailsEnabled = false;
    },
    path: 'adminEventsDetailsEnabled',
    effect: 'weakens',
  },
  // keys
  {
    name: 'active → passive is neutral',
    edit: (r) => {
      key(r, 'rsa-generated').active = false;
    },
    path: 'keyProviders.rsa-generated.active',
    effect: 'neutral',
  },
  {
    name: 'key disabled is neutral',
    edit: (r) => {
      key(r, 'rsa-generated').enabled = false;
    },
    path: 'keyProviders.rsa-generated.enabled',
    effect: 'neutral',
  },
  {
    name: 'passive → retired (removed) is neutral',
    edit: (r) => {
      r.keyProviders = r.keyProviders.filter((k) => k.name !== 'aes-generated');
    },
    path: 'keyProviders.aes-generated',
    effect: 'neutral',
  },
  {
    name: 'RSA key size down weakens',
    edit: (r) => {
      key(r, 'rsa-generated').keySize = 1024;
    },
    path: 'keyProviders.rsa-generated.keySize',
    effect: 'weakens',
    before: 2048,
    after: 1024,
  },
  {
    name: 'RSA key size up strengthens',
    edit: (r) => {
      key(r, 'rsa-generated').keySize = 3072;
    },
    path: 'keyProviders.rsa-generated.keySize',
    effect: 'strengthens',
  },
  {
    name: 'key algorithm RS256 → PS256 strengthens',
    edit: (r) => {
      key(r, 'rsa-generated').algorithm = 'PS256';
    },
    path: 'keyProviders.rsa-generated.algorithm',
    effect: 'strengthens',
  },
  {
    name: 'encryption RSA-OAEP → RSA1_5 weakens',
    edit: (r) => {
      key(r, 'rsa-enc-generated').algorithm = 'RSA1_5';
    },
    path: 'keyProviders.rsa-enc-generated.algorithm',
    effect: 'weakens',
  },
  {
    name: 'HMAC secret shorter weakens',
    edit: (r) => {
      key(r, 'hmac-generated-hs512').secretSize = 32;
    },
    path: 'keyProviders.hmac-generated-hs512.secretSize',
    effect: 'weakens',
  },
  {
    name: 'key priority change is neutral',
    edit: (r) => {
      key(r, 'rsa-generated').priority = 50;
    },
    path: 'keyProviders.rsa-generated.priority',
    effect: 'neutral',
  },
  {
    name: 'key provider type change is neutral',
    edit: (r) => {
      key(r, 'rsa-generated').providerId = 'rsa';
    },
    path: 'keyProviders.rsa-generated.providerId',
    effect: 'neutral',
  },
  {
    name: 'passive-since date is neutral',
    edit: (r) => {
      key(r, 'rsa-generated').passiveSince = '2026-12-15';
    },
    path: 'keyProviders.rsa-generated.passiveSince',
    effect: 'neutral',
  },
  {
    name: 'new EC key is neutral',
    edit: (r) => {
      r.keyProviders.push({
        name: 'ec-new',
        providerId: 'ecdsa-generated',
        priority: 1,
        enabled: true,
        active: true,
        algorithm: 'ES256',
        ellipticCurve: 'P-256',
      });
    },
    path: 'keyProviders.ec-new',
    effect: 'neutral',
  },
  {
    name: 'curve P-384 → P-256 weakens',
    edit: (r) => {
      key(r, 'ec').ellipticCurve = 'P-256';
    },
    path: 'keyProviders.ec.ellipticCurve',
    effect: 'weakens',
    before: 'P-384',
    after: 'P-256',
  },
  {
    name: 'new key with an unknown curve weakens',
    edit: (r) => {
      r.keyProviders.push({
        name: 'ec-odd',
        providerId: 'ecdsa-generated',
        priority: 1,
        enabled: true,
        active: true,
        algorithm: 'ES256',
        ellipticCurve: 'secp256k1',
      });
    },
    path: 'keyProviders.ec-odd',
    effect: 'weakens',
  },
  {
    name: 'a compromised key made active again weakens',
    edit: (r) => {
      key(r, 'ec').active = true;
    },
    path: 'keyProviders.ec.active',
    effect: 'weakens',
  },
  {
    name: 'a compromised key removed strengthens',
    edit: (r) => {
      r.keyProviders = r.keyProviders.filter((k) => k.name !== 'ec');
    },
    path: 'keyProviders.ec',
    effect: 'strengthens',
  },
  {
    name: 'a key declared compromised added weakens',
    edit: (r) => {
      r.keyProviders.push({
        name: 'old-leaked',
        providerId: 'rsa-generated',
        priority: 1,
        enabled: true,
        active: false,
        algorithm: 'RS256',
        keySize: 2048,
      });
    },
    path: 'keyProviders.old-leaked',
    effect: 'weakens',
  },
  {
    name: 'new 1024-bit key weakens',
    edit: (r) => {
      r.keyProviders.push({
        name: 'rsa-small',
        providerId: 'rsa-generated',
        priority: 200,
        enabled: true,
        active: true,
        algorithm: 'RS256',
        keySize: 1024,
      });
    },
    path: 'keyProviders.rsa-small',
    effect: 'weakens',
  },
  {
    name: 'new rotation key is neutral',
    edit: (r) => {
      r.keyProviders.push({
        name: 'rsa-2027',
        providerId: 'rsa-generated',
        priority: 200,
        enabled: true,
        active: true,
        algorithm: 'RS256',
        keySize: 3072,
      });
    },
    path: 'keyProviders.rsa-2027',
    effect: 'neutral',
  },
  {
    name: 'compromised key declared strengthens',
    edit: (r) => {
      r.compromisedKeys.push('kid-123');
    },
    path: 'compromisedKeys',
    effect: 'strengthens',
  },
  // clients
  {
    name: 'client removed strengthens',
    edit: (r) => {
      r.clients = r.clients.filter((c) => c.clientId !== 'web');
    },
    path: 'clients.web',
    effect: 'strengthens',
  },
  {
    name: 'new client with the password grant weakens',
    edit: (r) => {
      r.clients.push(shopClient('legacy', { directAccessGrantsEnabled: true }));
    },
    path: 'clients.legacy',
    effect: 'weakens',
  },
  {
    name: 'new hardened client is neutral',
    edit: (r) => {
      r.clients.push(shopClient('reports'));
    },
    path: 'clients.reports',
    effect: 'neutral',
  },
  {
    name: 'client disabled strengthens',
    edit: (r) => {
      client(r, 'web').enabled = false;
    },
    path: 'clients.web.enabled',
    effect: 'strengthens',
  },
  {
    name: 'client made public weakens',
    edit: (r) => {
      client(r, 'web').publicClient = true;
    },
    path: 'clients.web.publicClient',
    effect: 'weakens',
  },
  {
    name: 'client made bearer-only strengthens',
    edit: (r) => {
      client(r, 'web').bearerOnly = true;
    },
    path: 'clients.web.bearerOnly',
    effect: 'strengthens',
  },
  {
    name: 'client protocol change is neutral',
    edit: (r) => {
      client(r, 'web').protocol = 'saml';
    },
    path: 'clients.web.protocol',
    effect: 'neutral',
  },
  {
    name: 'standard flow off is neutral',
    edit: (r) => {
      client(r, 'web').standardFlowEnabled = false;
    },
    path: 'clients.web.standardFlowEnabled',
    effect: 'neutral',
  },
  {
    name: 'implicit flow on weakens',
    edit: (r) => {
      client(r, 'web').implicitFlowEnabled = true;
    },
    path: 'clients.web.implicitFlowEnabled',
    effect: 'weakens',
  },
  {
    name: 'password grant on weakens',
    edit: (r) => {
      client(r, 'web').directAccessGrantsEnabled = true;
    },
    path: 'clients.web.directAccessGrantsEnabled',
    effect: 'weakens',
  },
  {
    name: 'service account on weakens',
    edit: (r) => {
      client(r, 'web').serviceAccountsEnabled = true;
    },
    path: 'clients.web.serviceAccountsEnabled',
    effect: 'weakens',
  },
  {
    name: 'redirect URI removed strengthens',
    edit: (r) => {
      client(r, 'web').redirectUris = [];
    },
    path: 'clients.web.redirectUris',
    effect: 'strengthens',
    before: 'https://web.example.com/callback',
    after: undefined,
  },
  {
    name: 'wildcard redirect URI added weakens',
    edit: (r) => {
      client(r, 'web').redirectUris.push('https://*');
    },
    path: 'clients.web.redirectUris',
    effect: 'weakens',
    after: 'https://*',
  },
  {
    name: 'plain-http redirect URI added weakens',
    edit: (r) => {
      client(r, 'web').redirectUris.push('http://web.example.com/cb');
    },
    path: 'clients.web.redirectUris',
    effect: 'weakens',
  },
  {
    name: 'loopback http redirect URI added is neutral',
    edit: (r) => {
      client(r, 'web').redirectUris.push('http://127.0.0.1:8080/cb');
    },
    path: 'clients.web.redirectUris',
    effect: 'neutral',
  },
  {
    name: 'exact redirect URI added is neutral',
    edit: (r) => {
      client(r, 'web').redirectUris.push('https://web.example.com/other');
    },
    path: 'clients.web.redirectUris',
    effect: 'neutral',
  },
  {
    name: 'web origin * weakens',
    edit: (r) => {
      client(r, 'web').webOrigins.push('*');
    },
    path: 'clients.web.webOrigins',
    effect: 'weakens',
  },
  {
    name: 'web origin removed strengthens',
    edit: (r) => {
      client(r, 'web').webOrigins = [];
    },
    path: 'clients.web.webOrigins',
    effect: 'strengthens',
  },
  {
    name: 'client-jwt authentication strengthens',
    edit: (r) => {
      client(r, 'web').clientAuthenticatorType = 'client-jwt';
    },
    path: 'clients.web.clientAuthenticatorType',
    effect: 'strengthens',
  },
  {
    name: 'full scope allowed weakens',
    edit: (r) => {
      client(r, 'web').fullScopeAllowed = true;
    },
    path: 'clients.web.fullScopeAllowed',
    effect: 'weakens',
  },
  {
    name: 'offline_access default scope weakens',
    edit: (r) => {
      client(r, 'web').defaultClientScopes.push('offline_access');
    },
    path: 'clients.web.defaultClientScopes',
    effect: 'weakens',
  },
  {
    name: 'other default scope is neutral',
    edit: (r) => {
      client(r, 'web').defaultClientScopes.push('roles');
    },
    path: 'clients.web.defaultClientScopes',
    effect: 'neutral',
  },
  {
    name: 'optional scope removed is neutral',
    edit: (r) => {
      client(r, 'web').optionalClientScopes = [];
    },
    path: 'clients.web.optionalClientScopes',
    effect: 'neutral',
  },
  {
    name: 'client not-before pushed strengthens',
    edit: (r) => {
      client(r, 'web').notBefore = 1_790_000_000;
    },
    path: 'clients.web.notBefore',
    effect: 'strengthens',
  },
  // client attributes
  {
    name: 'PKCE S256 → plain weakens',
    edit: (r) => {
      client(r, 'web').attributes['pkce.code.challenge.method'] = 'plain';
    },
    path: 'clients.web.attributes.pkce.code.challenge.method',
    effect: 'weakens',
    before: 'S256',
    after: 'plain',
  },
  {
    name: 'PKCE removed weakens',
    edit: (r) => {
      delete client(r, 'web').attributes['pkce.code.challenge.method'];
    },
    path: 'clients.web.attributes.pkce.code.challenge.method',
    effect: 'weakens',
    before: 'S256',
    after: undefined,
  },
  {
    name: 'refresh tokens off strengthens',
    edit: (r) => {
      client(r, 'spa').attributes['use.refresh.tokens'] = 'false';
    },
    path: 'clients.spa.attributes.use.refresh.tokens',
    effect: 'strengthens',
  },
  {
    name: "refresh tokens 'true' where absent is no change",
    edit: (r) => {
      client(r, 'spa').attributes['use.refresh.tokens'] = 'true';
      client(r, 'spa').attributes['dpop.bound.access.tokens'] = 'true';
    },
    path: 'clients.spa.attributes.dpop.bound.access.tokens',
    effect: 'strengthens',
  },
  {
    name: 'client-credentials refresh tokens on weakens',
    edit: (r) => {
      client(r, 'web').attributes['client_credentials.use_refresh_token'] = 'true';
    },
    path: 'clients.web.attributes.client_credentials.use_refresh_token',
    effect: 'weakens',
  },
  {
    name: 'mTLS binding on strengthens',
    edit: (r) => {
      client(r, 'web').attributes['tls.client.certificate.bound.access.tokens'] = 'true';
    },
    path: 'clients.web.attributes.tls.client.certificate.bound.access.tokens',
    effect: 'strengthens',
  },
  {
    name: 'PAR required strengthens',
    edit: (r) => {
      client(r, 'web').attributes['require.pushed.authorization.requests'] = 'true';
    },
    path: 'clients.web.attributes.require.pushed.authorization.requests',
    effect: 'strengthens',
  },
  {
    name: 'issuer excluded from response weakens',
    edit: (r) => {
      client(r, 'web').attributes['exclude.issuer.from.auth.response'] = 'true';
    },
    path: 'clients.web.attributes.exclude.issuer.from.auth.response',
    effect: 'weakens',
  },
  {
    name: 'device grant on weakens',
    edit: (r) => {
      client(r, 'web').attributes['oauth2.device.authorization.grant.enabled'] = 'true';
    },
    path: 'clients.web.attributes.oauth2.device.authorization.grant.enabled',
    effect: 'weakens',
  },
  {
    name: 'CIBA on weakens',
    edit: (r) => {
      client(r, 'web').attributes['oidc.ciba.grant.enabled'] = 'true';
    },
    path: 'clients.web.attributes.oidc.ciba.grant.enabled',
    effect: 'weakens',
  },
  {
    name: 'token exchange on weakens',
    edit: (r) => {
      client(r, 'web').attributes['standard.token.exchange.enabled'] = 'true';
    },
    path: 'clients.web.attributes.standard.token.exchange.enabled',
    effect: 'weakens',
  },
  {
    name: 'wildcard post-logout redirect weakens',
    edit: (r) => {
      const { attributes } = client(r, 'web');
      attributes['post.logout.redirect.uris'] = `${attributes['post.logout.redirect.uris']!}##https://*`;
    },
    path: 'clients.web.attributes.post.logout.redirect.uris',
    effect: 'weakens',
    after: 'https://*',
  },
  {
    name: 'access-token signature RS256 → HS256 weakens',
    edit: (r) => {
      client(r, 'web').attributes['access.token.signed.response.alg'] = 'HS256';
    },
    path: 'clients.web.attributes.access.token.signed.response.alg',
    effect: 'weakens',
  },
  {
    name: 'ID-token signature RS256 → ES256 strengthens',
    edit: (r) => {
      client(r, 'web').attributes['id.token.signed.response.alg'] = 'ES256';
    },
    path: 'clients.web.attributes.id.token.signed.response.alg',
    effect: 'strengthens',
  },
  {
    name: 'access-token signature PS256 where the realm default RS256 applied strengthens',
    edit: (r) => {
      client(r, 'spa').attributes['access.token.signed.response.alg'] = 'PS256';
    },
    path: 'clients.spa.attributes.access.token.signed.response.alg',
    effect: 'strengthens',
  },
  {
    name: 'access-token signature RS256 written out where the realm default RS256 applied is neutral',
    edit: (r) => {
      client(r, 'spa').attributes['access.token.signed.response.alg'] = 'RS256';
    },
    path: 'clients.spa.attributes.access.token.signed.response.alg',
    effect: 'neutral',
  },
  {
    name: 'client access-token lifespan above realm weakens',
    edit: (r) => {
      client(r, 'web').attributes['access.token.lifespan'] = '3600';
    },
    path: 'clients.web.attributes.access.token.lifespan',
    effect: 'weakens',
  },
  {
    name: 'client access-token lifespan below realm strengthens',
    edit: (r) => {
      client(r, 'web').attributes['access.token.lifespan'] = '60';
    },
    path: 'clients.web.attributes.access.token.lifespan',
    effect: 'strengthens',
  },
  {
    name: 'client session idle above SSO weakens',
    edit: (r) => {
      client(r, 'web').attributes['client.session.idle.timeout'] = '7200';
    },
    path: 'clients.web.attributes.client.session.idle.timeout',
    effect: 'weakens',
  },
  {
    name: 'client session max below SSO strengthens',
    edit: (r) => {
      client(r, 'web').attributes['client.session.max.lifespan'] = '3600';
    },
    path: 'clients.web.attributes.client.session.max.lifespan',
    effect: 'strengthens',
  },
  {
    name: 'client offline idle above realm weakens',
    edit: (r) => {
      client(r, 'web').attributes['client.offline.session.idle.timeout'] = String(90 * 86_400);
    },
    path: 'clients.web.attributes.client.offline.session.idle.timeout',
    effect: 'weakens',
  },
  {
    name: 'client offline max below realm strengthens',
    edit: (r) => {
      client(r, 'web').attributes['client.offline.session.max.lifespan'] = String(86_400);
    },
    path: 'clients.web.attributes.client.offline.session.max.lifespan',
    effect: 'strengthens',
  },
  {
    name: 'unclassified attribute is neutral',
    edit: (r) => {
      client(r, 'web').attributes['display.on.consent.screen'] = 'true';
    },
    path: 'clients.web.attributes.display.on.consent.screen',
    effect: 'neutral',
  },
  // client policies, profiles, token-version claim
  {
    name: 'client policy disabled weakens',
    edit: (r) => {
      r.clientPolicies[0]!.enabled = false;
    },
    path: 'clientPolicies.oauth21.enabled',
    effect: 'weakens',
  },
  {
    name: 'client policy profile added strengthens',
    edit: (r) => {
      r.clientPolicies[0]!.profiles.push('fapi-2-security-profile');
    },
    path: 'clientPolicies.oauth21.profiles',
    effect: 'strengthens',
  },
  {
    name: 'enforcing client policy removed weakens',
    edit: (r) => {
      r.clientPolicies = [];
    },
    path: 'clientPolicies.oauth21',
    effect: 'weakens',
  },
  {
    name: 'client profile defined is neutral',
    edit: (r) => {
      r.clientProfiles.push('my-profile');
    },
    path: 'clientProfiles',
    effect: 'neutral',
  },
  {
    name: 'token-version claim removed weakens',
    edit: (r) => {
      delete r.tokenVersionClaim;
    },
    path: 'tokenVersionClaim',
    effect: 'weakens',
  },
  {
    name: 'token-version claim renamed is neutral',
    edit: (r) => {
      r.tokenVersionClaim!.claim = 'token_version';
    },
    path: 'tokenVersionClaim.claim',
    effect: 'neutral',
  },
  {
    name: 'token-version attribute renamed is neutral',
    edit: (r) => {
      r.tokenVersionClaim!.attribute = 'tv';
    },
    path: 'tokenVersionClaim.attribute',
    effect: 'neutral',
  },
  {
    name: 'token-version claim on another client strengthens',
    edit: (r) => {
      r.tokenVersionClaim!.clients.push('spa');
    },
    path: 'tokenVersionClaim.clients',
    effect: 'strengthens',
  },
  {
    name: 'client root URL changed is neutral',
    edit: (r) => {
      client(r, 'web').rootUrl = 'https://web2.example.com';
    },
    path: 'clients.web.rootUrl',
    effect: 'neutral',
  },
];

/** Cases whose edit needs a different starting point than the hardened realm. */
const withEcKey = (r: RealmSettings) => {
  r.keyProviders.push({
    name: 'ec',
    providerId: 'ecdsa-generated',
    priority: 1,
    enabled: true,
    active: true,
    algorithm: 'ES384',
    ellipticCurve: 'P-384',
  });
};
const withCompromisedPassiveEcKey = (r: RealmSettings) => {
  r.keyProviders.push({
    name: 'ec',
    providerId: 'ecdsa-generated',
    priority: 1,
    enabled: true,
    active: false,
    algorithm: 'ES256',
    ellipticCurve: 'P-256',
  });
  r.compromisedKeys.push('ec');
};
const starts: Record<string, (realm: RealmSettings) => void> = {
  'client root URL changed is neutral': (r) => {
    client(r, 'web').rootUrl = 'https://web.example.com';
  },
  'realm not-before cleared weakens': (r) => {
    r.notBefore = 1_790_000_000;
  },
  'passive-since date is neutral': (r) => {
    key(r, 'rsa-generated').passiveSince = '2026-12-01';
  },
  'curve P-384 → P-256 weakens': withEcKey,
  'a compromised key made active again weakens': withCompromisedPassiveEcKey,
  'a compromised key removed strengthens': withCompromisedPassiveEcKey,
  'a key declared compromised added weakens': (r) => {
    r.compromisedKeys.push('old-leaked');
  },
  'access-token signature RS256 → HS256 weakens': (r) => {
    client(r, 'web').attributes['access.token.signed.response.alg'] = 'RS256';
  },
  'ID-token signature RS256 → ES256 strengthens': (r) => {
    client(r, 'web').attributes['id.token.signed.response.alg'] = 'RS256';
  },
};

describe('classification table: one change, one verdict', () => {
  it.each(cases)('$name', ({ name, edit, path, effect, before, after }) => {
    const base = changed(shopRealm(), starts[name] ?? (() => {}));
    const head = changed(base, edit);
    const changes = diffRealm(base, head);
    const matching = changes.filter((change) => change.path.join('.') === path);
    expect(matching, `changes: ${JSON.stringify(changes.map((c) => [c.path.join('.'), c.effect]))}`).toHaveLength(1);
    const [change] = matching;
    expect(change?.effect).toBe(effect);
    expect(change?.reason.length).toBeGreaterThan(0);
    if ('before' in cases.find((c) => c.name === name)!) expect(change?.before).toEqual(before);
    if ('after' in cases.find((c) => c.name === name)!) expect(change?.after).toEqual(after);
  });

  it('reports nothing for identical realms', () => {
    expect(diffRealm(shopRealm(), shopRealm())).toEqual([]);
  });

  it('covers every classified field of the realm, client and key tables, and every classified attribute', () => {
    // Issue 14's entity cases run in entity-classification.test.ts; they count here too.
    const allStarts = { ...starts, ...ENTITY_STARTS };
    const touched = new Set(
      [...cases, ...ENTITY_CASES]
        .flatMap(({ name, edit }) => {
          const base = changed(shopRealm(), allStarts[name] ?? (() => {}));
          return diffRealm(base, changed(base, edit)).map((change) => change.path);
        })
        .flatMap((path) => {
          const [first, second, third, fourth] = path;
          if (first === 'clients' && third === 'attributes') return [`attributes.${fourth}`, `client.${third}`];
          if (first === 'clients' && third !== undefined) return [`client.${third}`];
          if (first === 'keyProviders' && third !== undefined) return [`key.${third}`];
          return [String(first), ...(second === undefined ? [] : [])];
        }),
    );
    // baseUrl is only where the console links to: not classified.
    const ignoredFields = new Set(['realm', 'keycloakVersion', 'clientId', 'id', 'name', 'kids', 'baseUrl']);
    const expected = [
      ...Object.keys(REALM_TABLE).filter((field) => !ignoredFields.has(field)),
      ...Object.keys(CLIENT_TABLE)
        .filter((field) => !ignoredFields.has(field))
        .map((field) => `client.${field}`),
      ...Object.keys(KEY_TABLE)
        .filter((field) => !ignoredFields.has(field))
        .map((field) => `key.${field}`),
      ...Object.keys(CLIENT_ATTRIBUTE_RULES).map((attribute) => `attributes.${attribute}`),
    ];
    expect(expected.filter((field) => !touched.has(field))).toEqual([]);
  });
});
