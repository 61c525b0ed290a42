/**
 * Client URIs, as org.keycloak.validation.DefaultClientValidationProvider#validateUrls → checkUri
 * checks them (400 "A redirect URI must not contain an URL fragment"):
 * - every redirect URI and post-logout redirect URI must parse as a java.net.URI, must not use the
 *   data: or javascript: scheme, and must not have a fragment;
 * - the URL attributes (backchannel.logout.url, frontchannel.logout.url, jwks.url, policyUri, tosUri,
 *   logoUri, request.uris) get the same scheme check; all but logoUri and request.uris must also
 *   be URLs (URI#toURL: absolute, with a protocol Java knows), a leading '/' being resolved
 *   against the server's own URL first.
 */
import type { ClientSettings } from '../realm-settings.ts';
import { parseJavaUri } from './java-uri.ts';
import type { ConstraintSubject, ConstraintViolation } from './violation.ts';

const POST_LOGOUT_ATTRIBUTE = 'post.logout.redirect.uris';
/** Post-logout entries Keycloak skips: '+' (the redirect URIs), '-' (none) and '*'. */
const POST_LOGOUT_KEYWORDS = new Set(['+', '-', '*']);

type UriField = { name: string; subject: (item: number) => ConstraintSubject };

export function uriViolations(client: ClientSettings): ConstraintViolation[] {
  const redirect: UriField = {
    name: 'redirect URI',
    subject: (item) => ({ kind: 'client', clientId: client.clientId, field: 'redirectUris', item }),
  };
  const postLogout: UriField = {
    name: 'post-logout redirect URI',
    subject: (item) => ({
      kind: 'client-attribute',
      clientId: client.clientId,
      attribute: POST_LOGOUT_ATTRIBUTE,
      item,
    }),
  };
  const postLogoutUris = (client.attributes[POST_LOGOUT_ATTRIBUTE] ?? '').split('##');
  return [
    ...client.redirectUris.flatMap((uri, index) => uriProblems(uri, index, redirect)),
    ...postLogoutUris.flatMap((uri, index) =>
      POST_LOGOUT_KEYWORDS.has(uri) ? [] : uriProblems(uri, index, postLogout),
    ),
  ];
}

function uriProblems(uri: string, index: number, field: UriField): ConstraintViolation[] {
  if (uri === '') return []; // Keycloak skips empty values
  const subject = field.subject(index);
  const parsed = parseJavaUri(uri);
  if (!parsed) {
    return [
      {
        subject,
        message: `${field.name} '${uri}' is not a valid URI ("A ${field.name} is not a valid URI")`,
        hint: 'percent-encode spaces and characters such as | ^ { } " < > \\, e.g. %20',
      },
    ];
  }
  const violations: ConstraintViolation[] = [];
  const scheme = parsed.scheme?.toLowerCase();
  if (scheme === 'data' || scheme === 'javascript') {
    violations.push({
      subject,
      message: `${field.name} '${uri}' uses the ${scheme}: scheme, which Keycloak refuses`,
      hint: 'use an https:// URI (or a custom app scheme for native clients)',
    });
  }
  if (parsed.fragment !== undefined) {
    violations.push({
      subject,
      message: `${field.name} '${uri}' has a fragment ('#…'), which Keycloak refuses`,
      hint: 'remove everything from # on: the authorization response uses the fragment itself',
    });
  }
  return violations;
}

/**
 * The URL-valued attributes DefaultClientValidationProvider#validateUrls checks, with its
 * FieldMessages label. `url`: checkValidUrl (URI#toURL must work); `resolve`: a leading '/' is
 * resolved against the server URL (ResolveRelative#resolveRelativeUri); `schemes`: the schemes
 * it refuses (checkUriLogo refuses only javascript:); `list`: a '##'-separated list.
 */
const URL_ATTRIBUTES: readonly {
  attribute: string;
  label: string;
  url: boolean;
  resolve: boolean;
  schemes: readonly string[];
  list?: boolean;
}[] = [
  {
    attribute: 'backchannel.logout.url',
    label: 'Backchannel logout URL',
    url: true,
    resolve: true,
    schemes: ['data', 'javascript'],
  },
  {
    attribute: 'frontchannel.logout.url',
    label: 'Front-channel logout URL',
    url: true,
    resolve: true,
    schemes: ['data', 'javascript'],
  },
  { attribute: 'jwks.url', label: 'JWKS URL', url: true, resolve: true, schemes: ['data', 'javascript'] },
  { attribute: 'policyUri', label: 'Policy URL', url: true, resolve: false, schemes: ['data', 'javascript'] },
  { attribute: 'tosUri', label: 'Terms of service URL', url: true, resolve: false, schemes: ['data', 'javascript'] },
  { attribute: 'logoUri', label: 'Logo URL', url: false, resolve: false, schemes: ['javascript'] },
  {
    attribute: 'request.uris',
    label: 'Valid request URIs',
    url: false,
    resolve: false,
    schemes: ['data', 'javascript'],
    list: true,
  },
];

/** Keycloak's wording (FieldMessages): the request URIs have their own. */
function refusal(label: string, kind: 'invalid' | 'scheme'): string {
  if (label === 'Valid request URIs')
    return kind === 'invalid'
      ? 'Valid request URIs has an invalid value'
      : 'Valid request URIs has a value with illegal scheme';
  return kind === 'invalid' ? `${label} is not a valid URL` : `${label} uses an illegal scheme`;
}

/** Protocols java.net.URL has a handler for (URI#toURL throws MalformedURLException for others). */
const JAVA_URL_PROTOCOLS = new Set(['http', 'https', 'ftp', 'file', 'jar', 'mailto', 'jrt']);

export function urlAttributeViolations(client: ClientSettings): ConstraintViolation[] {
  return URL_ATTRIBUTES.flatMap(({ attribute, label, url, resolve, schemes, list }) => {
    const value = client.attributes[attribute];
    if (value === undefined || value === '') return [];
    const values = list ? value.split('##') : [value];
    return values.flatMap((entry, index): ConstraintViolation[] => {
      if (entry === '') return [];
      const subject: ConstraintSubject = {
        kind: 'client-attribute',
        clientId: client.clientId,
        attribute,
        ...(list ? { item: index } : {}),
      };
      const resolved = resolve && entry.startsWith('/') ? `https://localhost${entry}` : entry;
      const parsed = parseJavaUri(resolved);
      const scheme = parsed?.scheme?.toLowerCase();
      if (parsed && scheme !== undefined && schemes.includes(scheme)) {
        return [
          {
            subject,
            message: `client '${client.clientId}': ${attribute} '${entry}' uses the ${scheme}: scheme ("${refusal(label, 'scheme')}")`,
            hint: 'use an https:// URL',
          },
        ];
      }
      if (!parsed || (url && (scheme === undefined || !JAVA_URL_PROTOCOLS.has(scheme)))) {
        return [
          {
            subject,
            message: `client '${client.clientId}': ${attribute} '${entry}' is not a valid URL ("${refusal(label, 'invalid')}")`,
            hint: 'write an absolute https:// URL, with spaces and characters such as | ^ { } percent-encoded',
          },
        ];
      }
      return [];
    });
  });
}
