/**
 * Realm-level constraints.
 *
 * The realm name may not be blank (RealmManager#createRealm, DefaultExportImportManager#updateRealm:
 * "Realm name cannot be empty"). The realm name and security headers: RealmAdminResource#updateRealm runs
 * org.keycloak.utils.ReservedCharValidator — validate(name) refuses any of : / ? # @ ! $ & ( ) * + , ; = [ ] \
 * and validateSecurityHeaders refuses a newline in a browser security header (400 "… not allowed.").
 *
 * Session timeouts. Keycloak (26.5+) refuses a realm update whose client session
 * idle / max exceeds the SSO session idle / max — or, with "remember me" on, the larger of the SSO
 * value and its remember-me variant:
 * org.keycloak.storage.datastore.DefaultExportImportManager#validateClientAndRealmTimeouts, called
 * from updateRealm (PUT /admin/realms/{realm}; 400 "Client Session Idle Timeout cannot be greater
 * than Realm SSO Idle Timeout."). Offline session values have no such check.
 */
import type { RealmSettings } from '../realm-settings.ts';
import type { ConstraintViolation } from './violation.ts';

/** The longest client session idle / max Keycloak allows in this realm (clients and realm alike). */
export function ssoSessionLimits(settings: RealmSettings): { idle: number; max: number } {
  if (!settings.rememberMe) return { idle: settings.ssoSessionIdleTimeout, max: settings.ssoSessionMaxLifespan };
  return {
    idle: Math.max(settings.ssoSessionIdleTimeout, settings.ssoSessionIdleTimeoutRememberMe),
    max: Math.max(settings.ssoSessionMaxLifespan, settings.ssoSessionMaxLifespanRememberMe),
  };
}

/** How the limit reads in a message: which SSO setting(s) it comes from. */
export function limitSource(settings: RealmSettings, kind: 'idle' | 'max'): string {
  const sso = kind === 'idle' ? 'ssoSessionIdleTimeout' : 'ssoSessionMaxLifespan';
  return settings.rememberMe ? `${sso} or ${sso}RememberMe, whichever is longer` : sso;
}

/** ReservedCharValidator.RESERVED_CHARS_PATTERN. */
const RESERVED_NAME_CHARS = /[:/?#@!$&()*+,;=[\]\\]/;

export function realmViolations(settings: RealmSettings): ConstraintViolation[] {
  const limits = ssoSessionLimits(settings);
  const violations: ConstraintViolation[] = [];
  if (settings.realm.trim() === '') {
    violations.push({
      subject: { kind: 'realm', field: 'realm' },
      message: 'the realm name is blank ("Realm name cannot be empty")',
      hint: 'name the realm with letters, digits, dot, dash or underscore',
    });
  }
  const reserved = RESERVED_NAME_CHARS.exec(settings.realm);
  if (reserved) {
    violations.push({
      subject: { kind: 'realm', field: 'realm' },
      message: `the realm name '${settings.realm}' has the character '${reserved[0]}', which Keycloak refuses in a realm name`,
      hint: 'use letters, digits, dot, dash or underscore (none of : / ? # @ ! $ & ( ) * + , ; = [ ] \\)',
    });
  }
  for (const [header, value] of Object.entries(settings.browserSecurityHeaders)) {
    if (!value.includes('\n')) continue;
    violations.push({
      subject: { kind: 'realm-header', header },
      message: `the ${header} header has a line break, which Keycloak refuses ("Newline not allowed.")`,
      hint: 'write the header value on one line (a YAML | or > block keeps the line break: use a plain or quoted string)',
    });
  }
  const check = (field: 'clientSessionIdleTimeout' | 'clientSessionMaxLifespan', kind: 'idle' | 'max'): void => {
    const value = settings[field];
    const limit = limits[kind];
    if (value <= limit) return;
    violations.push({
      subject: { kind: 'realm', field },
      message: `${field} (${value}s) is longer than the SSO session ${kind === 'idle' ? 'idle timeout' : 'max lifespan'} (${limit}s, ${limitSource(settings, kind)}); Keycloak refuses the realm`,
      hint: `make ${field} at most ${limit}s (0 follows the SSO value), or raise the SSO value`,
    });
  };
  check('clientSessionIdleTimeout', 'idle');
  check('clientSessionMaxLifespan', 'max');
  return violations;
}
