/**
 * Client constraints from org.keycloak.validation.DefaultClientValidationProvider#validate, which
 * Keycloak runs on every client it creates, updates or imports (ValidationUtil#validateClient;
 * 400 {"error":"invalid_input","error_description": …}):
 * - validateClientId: "Client ID cannot be blank".
 * - validateProtocol: the protocol must be a LoginProtocol the server has. Only names no Keycloak
 *   26.7 knows are refused here: docker-v2 and oid4vc exist when their features are on.
 * - validateClientSessionTimeout: the client.session.idle.timeout / client.session.max.lifespan
 *   attributes may not exceed the realm's SSO idle / max (with remember me: the larger of the SSO
 *   value and its remember-me variant). The offline and access-token attributes have no limit.
 * - validateUrls → checkUri: every redirect URI and post-logout redirect URI must parse as a
 *   java.net.URI, must not use the data: or javascript: scheme, and must not have a fragment.
 *   The URL attributes (backchannel.logout.url, frontchannel.logout.url, jwks.url, policyUri, tosUri,
 *   logoUri, request.uris) get the same scheme check; all but logoUri and request.uris must also
 *   be URLs (URI#toURL: absolute, with a protocol Java knows), a leading '/' being resolved
 *   against the server's own URL first.
 * - validateJwks: use.jwks.url and use.jwks.string may not both be true (message key
 *   duplicatedJwksSettings).
 */
import type { ClientSettings, RealmSettings } from '../realm-settings.ts';
import { parseJavaUri } from './java-uri.ts';
import { limitSource, ssoSessionLimits } from './realm.ts';
import type { ConstraintSubject, ConstraintViolation } from './violation.ts';

const POST_LOGOUT_ATTRIBUTE = 'post.logout.redirect.uris';
/** Post-logout entries Keycloak skips: '+' (the redirect URIs), '-' (none) and '*'. */
const POST_LOGOUT_KEYWORDS = new Set(['+', '-', '*']);

export function clientViolations(settings: RealmSettings): ConstraintViolation[] {
  return settings.clients.flatMap((client) => [
    ...clientIdViolations(client),
    ...protocolViolations(client),
    ...sessionViolations(client, settings),
    ...uriViolations(client),
    ...urlAttributeViolations(client),
    ...jwksViolations(client),
  ]);
}

function clientIdViolations(client: ClientSettings): ConstraintViolation[] {
  if (client.clientId.trim() !== '') return [];
  return [{ subject: { kind: 'client', clientId: client.clientId, field: 'clientId' }, message: 'the client id is blank ("Client ID cannot be blank")', hint: 'give the client a clientId with visible characters' }];
}

/** LoginProtocolFactory ids of Keycloak 26.7 (openid-connect and saml always; the others behind features). */
const KEYCLOAK_PROTOCOLS = new Set(['openid-connect', 'saml', 'docker-v2', 'oid4vc']);

function protocolViolations(client: ClientSettings): ConstraintViolation[] {
  if (KEYCLOAK_PROTOCOLS.has(client.protocol)) return [];
  return [
    {
      subject: { kind: 'client', clientId: client.clientId, field: 'protocol' },
      message: `client '${client.clientId}' uses the protocol '${client.protocol}', which Keycloak does not have`,
      hint: "use 'openid-connect' or 'saml'",
    },
  ];
}

/** Keycloak's parseIntAttribute: an attribute that is not an int counts as unset. */
function intAttribute(client: ClientSettings, key: string): number | undefined {
  const text = client.attributes[key];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= -(2 ** 31) && value <= 2 ** 31 - 1 ? value : undefined;
}

function sessionViolations(client: ClientSettings, settings: RealmSettings): ConstraintViolation[] {
  const limits = ssoSessionLimits(settings);
  const checks = [
    { attribute: 'client.session.idle.timeout', kind: 'idle', what: 'idle timeout' },
    { attribute: 'client.session.max.lifespan', kind: 'max', what: 'max lifespan' },
  ] as const;
  return checks.flatMap(({ attribute, kind, what }) => {
    const value = intAttribute(client, attribute);
    const limit = limits[kind];
    if (value === undefined || value <= limit) return [];
    return [
      {
        subject: { kind: 'client-attribute', clientId: client.clientId, attribute },
        message: `client '${client.clientId}': session ${what} ${value}s exceeds the realm's SSO session ${what} ${limit}s (${limitSource(settings, kind)}); Keycloak refuses the client ("Client session ${what} cannot exceed realm SSO session ${what}")`,
        hint: `make it at most ${limit}s, or raise the realm's SSO session ${what}`,
      },
    ];
  });
}

type UriField = { name: string; subject: (item: number) => ConstraintSubject };

function uriViolations(client: ClientSettings): ConstraintViolation[] {
  const redirect: UriField = { name: 'redirect URI', subject: (item) => ({ kind: 'client', clientId: client.clientId, field: 'redirectUris', item }) };
  const postLogout: UriField = { name: 'post-logout redirect URI', subject: (item) => ({ kind: 'client-attribute', clientId: client.clientId, attribute: POST_LOGOUT_ATTRIBUTE, item }) };
  const postLogoutUris = (client.attributes[POST_LOGOUT_ATTRIBUTE] ?? '').split('##');
  return [
    ...client.redirectUris.flatMap((uri, index) => uriProblems(uri, index, redirect)),
    ...postLogoutUris.flatMap((uri, index) => (POST_LOGOUT_KEYWORDS.has(uri) ? [] : uriProblems(uri, index, postLogout))),
  ];
}

function uriProblems(uri: string, index: number, field: UriField): ConstraintViolation[] {
  if (uri === '') return []; // Keycloak skips empty values
  const subject = field.subject(index);
  const parsed = parseJavaUri(uri);
  if (!parsed) {
    return [{ subject, message: `${field.name} '${uri}' is not a valid URI ("A ${field.name} is not a valid URI")`, hint: 'percent-encode spaces and characters such as | ^ { } " < > \\, e.g. %20' }];
  }
  const violations: ConstraintViolation[] = [];
  const scheme = parsed.scheme?.toLowerCase();
  if (scheme === 'data' || scheme === 'javascript') {
    violations.push({ subject, message: `${field.name} '${uri}' uses the ${scheme}: scheme, which Keycloak refuses`, hint: 'use an https:// URI (or a custom app scheme for native clients)' });
  }
  if (parsed.fragment !== undefined) {
    violations.push({ subject, message: `${field.name} '${uri}' has a fragment ('#…'), which Keycloak refuses`, hint: 'remove everything from # on: the authorization response uses the fragment itself' });
  }
  return violations;
}

/**
 * The URL-valued attributes DefaultClientValidationProvider#validateUrls checks, with its
 * FieldMessages label. `url`: checkValidUrl (URI#toURL must work); `resolve`: a leading '/' is
 * resolved against the server URL (ResolveRelative#resolveRelativeUri); `schemes`: the schemes
 * it refuses (checkUriLogo refuses only javascript:); `list`: a '##'-separated list.
 */
const URL_ATTRIBUTES: readonly { attribute: string; label: string; url: boolean; resolve: boolean; schemes: readonly string[]; list?: boolean }[] = [
  { attribute: 'backchannel.logout.url', label: 'Backchannel logout URL', url: true, resolve: true, schemes: ['data', 'javascript'] },
  { attribute: 'frontchannel.logout.url', label: 'Front-channel logout URL', url: true, resolve: true, schemes: ['data', 'javascript'] },
  { attribute: 'jwks.url', label: 'JWKS URL', url: true, resolve: true, schemes: ['data', 'javascript'] },
  { attribute: 'policyUri', label: 'Policy URL', url: true, resolve: false, schemes: ['data', 'javascript'] },
  { attribute: 'tosUri', label: 'Terms of service URL', url: true, resolve: false, schemes: ['data', 'javascript'] },
  { attribute: 'logoUri', label: 'Logo URL', url: false, resolve: false, schemes: ['javascript'] },
  { attribute: 'request.uris', label: 'Valid request URIs', url: false, resolve: false, schemes: ['data', 'javascript'], list: true },
];

/** Keycloak's wording (FieldMessages): the request URIs have their own. */
function refusal(label: string, kind: 'invalid' | 'scheme'): string {
  if (label === 'Valid request URIs') return kind === 'invalid' ? 'Valid request URIs has an invalid value' : 'Valid request URIs has a value with illegal scheme';
  return kind === 'invalid' ? `${label} is not a valid URL` : `${label} uses an illegal scheme`;
}

/** Protocols java.net.URL has a handler for (URI#toURL throws MalformedURLException for others). */
const JAVA_URL_PROTOCOLS = new Set(['http', 'https', 'ftp', 'file', 'jar', 'mailto', 'jrt']);

function urlAttributeViolations(client: ClientSettings): ConstraintViolation[] {
  return URL_ATTRIBUTES.flatMap(({ attribute, label, url, resolve, schemes, list }) => {
    const value = client.attributes[attribute];
    if (value === undefined || value === '') return [];
    const values = list ? value.split('##') : [value];
    return values.flatMap((entry, index): ConstraintViolation[] => {
      if (entry === '') return [];
      const subject: ConstraintSubject = { kind: 'client-attribute', clientId: client.clientId, attribute, ...(list ? { item: index } : {}) };
      const resolved = resolve && entry.startsWith('/') ? `https://localhost${entry}` : entry;
      const parsed = parseJavaUri(resolved);
      const scheme = parsed?.scheme?.toLowerCase();
      if (parsed && scheme !== undefined && schemes.includes(scheme)) {
        return [{ subject, message: `client '${client.clientId}': ${attribute} '${entry}' uses the ${scheme}: scheme ("${refusal(label, 'scheme')}")`, hint: 'use an https:// URL' }];
      }
      if (!parsed || (url && (scheme === undefined || !JAVA_URL_PROTOCOLS.has(scheme)))) {
        return [{ subject, message: `client '${client.clientId}': ${attribute} '${entry}' is not a valid URL ("${refusal(label, 'invalid')}")`, hint: 'write an absolute https:// URL, with spaces and characters such as | ^ { } percent-encoded' }];
      }
      return [];
    });
  });
}

function jwksViolations(client: ClientSettings): ConstraintViolation[] {
  const on = (key: string): boolean => client.attributes[key]?.toLowerCase() === 'true'; // Boolean.parseBoolean
  if (!on('use.jwks.url') || !on('use.jwks.string')) return [];
  return [
    {
      subject: { kind: 'client-attribute', clientId: client.clientId, attribute: 'use.jwks.string' },
      message: `client '${client.clientId}' turns on both use.jwks.url and use.jwks.string, which Keycloak refuses ("The \"Use JWKS\" switch and the switch \"Use JWKS URL\" cannot be ON at the same time.")`,
      hint: 'keep one of the two attributes true',
    },
  ];
}
