/**
 * The standards rules cite, written once so every rule spells a document the same way and the
 * docs can link to it.
 */
import type { RuleSource } from './define-rule.ts';

const cite =
  (document: string, url: string, version?: string) =>
  (section: string): RuleSource => ({ document, section, url, ...(version && { version }) });

export const RFC9700 = cite('RFC 9700 (OAuth 2.0 Security BCP)', 'https://www.rfc-editor.org/rfc/rfc9700', '2025-01');
export const ASVS = cite('OWASP ASVS 5.0', 'https://github.com/OWASP/ASVS/tree/master/5.0', '5.0.0');
export const NIST_800_63B = cite('NIST SP 800-63B-4', 'https://pages.nist.gov/800-63-4/sp800-63b.html', '4');
export const FAPI2 = cite(
  'FAPI 2.0 Security Profile',
  'https://openid.net/specs/fapi-security-profile-2_0-final.html',
  '2.0',
);
export const FAPI1 = cite(
  'FAPI 1.0 Part 1 (Baseline)',
  'https://openid.net/specs/openid-financial-api-part-1-1_0.html',
  '1.0',
);
export const RFC8725 = cite('RFC 8725 (JWT BCP)', 'https://www.rfc-editor.org/rfc/rfc8725', '2020-02');
export const RFC7518 = cite('RFC 7518 (JWA)', 'https://www.rfc-editor.org/rfc/rfc7518', '2015-05');
export const NIST_800_57 = cite(
  'NIST SP 800-57 Part 1 Rev. 5',
  'https://csrc.nist.gov/pubs/sp/800/57/pt1/r5/final',
  'Rev. 5',
);
export const NIST_800_131A = cite(
  'NIST SP 800-131A Rev. 2',
  'https://csrc.nist.gov/pubs/sp/800/131/a/r2/final',
  'Rev. 2',
);
export const KC_ADMIN_GUIDE = cite(
  'Keycloak Server Administration Guide',
  'https://www.keycloak.org/docs/latest/server_admin/',
  '26',
);
export const KC_THREAT_MODEL = cite(
  'Keycloak Server Administration Guide — threat model mitigation',
  'https://www.keycloak.org/docs/latest/server_admin/#compromised-access-and-refresh-tokens',
);
/** The project's source guide on compromised Keycloak tokens (design/seeds/000). */
export const SEED_GUIDE = (section: string): RuleSource => ({
  document: 'Guide: handling compromised Keycloak tokens',
  section,
});
export const OWASP_PASSWORD_STORAGE = cite(
  'OWASP Password Storage Cheat Sheet',
  'https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html',
);
export const FETCH_CORS = cite(
  'WHATWG Fetch Standard (CORS protocol)',
  'https://fetch.spec.whatwg.org/#http-cors-protocol',
);

// SAML and identity brokering (the SAML client and identity-provider rules).
const SAML_V2 = 'https://docs.oasis-open.org/security/saml/v2.0/';
export const SAML_CORE = cite('SAML V2.0 Core (saml-core-2.0-os)', SAML_V2, 'OASIS Standard 2005-03-15');
export const SAML_PROFILES = cite('SAML V2.0 Profiles (saml-profiles-2.0-os)', SAML_V2, 'OASIS Standard 2005-03-15');
export const SAML_METADATA = cite('SAML V2.0 Metadata (saml-metadata-2.0-os)', SAML_V2, 'OASIS Standard 2005-03-15');
export const OIDC_CORE = cite('OpenID Connect Core 1.0', 'https://openid.net/specs/openid-connect-core-1_0.html');
export const RFC7636 = cite('RFC 7636 (PKCE)', 'https://www.rfc-editor.org/rfc/rfc7636', '2015-09');
export const NIST_800_53 = cite(
  'NIST SP 800-53 Rev. 5',
  'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final',
  'Rev. 5',
);
export const RFC6238 = cite('RFC 6238 (TOTP)', 'https://www.rfc-editor.org/rfc/rfc6238', '2011-05');
export const RFC4226 = cite('RFC 4226 (HOTP)', 'https://www.rfc-editor.org/rfc/rfc4226', '2005-12');
export const NIST_800_132 = cite('NIST SP 800-132', 'https://csrc.nist.gov/pubs/sp/800/132/final', '2010-12');
export const RFC6749 = cite('RFC 6749 (OAuth 2.0)', 'https://www.rfc-editor.org/rfc/rfc6749', '2012-10');
export const RFC6454 = cite('RFC 6454 (The Web Origin Concept)', 'https://www.rfc-editor.org/rfc/rfc6454', '2011-12');
export const RFC8693 = cite('RFC 8693 (OAuth 2.0 Token Exchange)', 'https://www.rfc-editor.org/rfc/rfc8693', '2020-01');
