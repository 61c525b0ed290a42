/**
 * Whether java.net.URI would parse a string (new URI(text) without URISyntaxException): what
 * Keycloak's DefaultClientValidationProvider#checkUri does to every redirect URI and post-logout
 * redirect URI. The grammar is RFC 2396 with RFC 2732's IPv6 literals, as java.net.URI#Parser
 * implements it: a scheme starts with a letter; path characters are unreserved, %XX escapes and
 * ;/:@&=+$, ; query and fragment may add ?/[]; non-ASCII characters are allowed unless they are
 * spaces or controls; anything else (space, " < > \ ^ ` { | }) is illegal.
 */

const UNRESERVED = "A-Za-z0-9\\-_.!~*'()";
const PATH_CHARS = new RegExp(`^(?:[${UNRESERVED};/:@&=+$,]|%[0-9A-Fa-f]{2}|[^\\x00-\\x7F])*$`, 'u');
const URIC_CHARS = new RegExp(`^(?:[${UNRESERVED};/?:@&=+$,\\[\\]]|%[0-9A-Fa-f]{2}|[^\\x00-\\x7F])*$`, 'u');
const AUTHORITY_CHARS = new RegExp(`^(?:[${UNRESERVED};:@&=+$,]|%[0-9A-Fa-f]{2}|[^\\x00-\\x7F])*$`, 'u');
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const IPV6_AUTHORITY = /^(?:[^@[\]]*@)?\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9._~-]+)?\](?::\d*)?$/;

/** Java's Character.isSpaceChar / isISOControl, which URI refuses even among "other" characters. */
const SPACE_OR_CONTROL = /[\p{Zs}\p{Zl}\p{Zp}\p{Cc}]/u;

export interface ParsedJavaUri {
  scheme?: string;
  fragment?: string;
}

/** The scheme and fragment of a URI java.net.URI accepts; undefined when it would throw. */
export function parseJavaUri(text: string): ParsedJavaUri | undefined {
  if (SPACE_OR_CONTROL.test(text)) return undefined;
  const hash = text.indexOf('#');
  const body = hash === -1 ? text : text.slice(0, hash);
  const fragment = hash === -1 ? undefined : text.slice(hash + 1);
  if (fragment !== undefined && !URIC_CHARS.test(fragment)) return undefined; // includes a second '#'

  const colon = body.search(/[:/?#]/);
  let scheme: string | undefined;
  let rest = body;
  if (colon !== -1 && body[colon] === ':') {
    scheme = body.slice(0, colon);
    if (!SCHEME.test(scheme)) return undefined;
    rest = body.slice(colon + 1);
    if (rest === '') return undefined; // "Expected scheme-specific part"
    if (!rest.startsWith('/')) return URIC_CHARS.test(rest) ? withParts(scheme, fragment) : undefined; // opaque, e.g. mailto:
  } else if (body === '' && fragment === undefined) {
    return undefined;
  }
  return hierarchicalIsValid(rest) ? withParts(scheme, fragment) : undefined;
}

function withParts(scheme: string | undefined, fragment: string | undefined): ParsedJavaUri {
  return { ...(scheme !== undefined ? { scheme } : {}), ...(fragment !== undefined ? { fragment } : {}) };
}

/** [//authority][path][?query], the fragment already split off. */
function hierarchicalIsValid(text: string): boolean {
  const question = text.indexOf('?');
  const beforeQuery = question === -1 ? text : text.slice(0, question);
  if (question !== -1 && !URIC_CHARS.test(text.slice(question + 1))) return false;
  let path = beforeQuery;
  if (beforeQuery.startsWith('//')) {
    const end = beforeQuery.indexOf('/', 2);
    const authority = end === -1 ? beforeQuery.slice(2) : beforeQuery.slice(2, end);
    path = end === -1 ? '' : beforeQuery.slice(end);
    if (authority === '' && path === '' && question === -1) return false; // "Expected authority"
    const validAuthority =
      authority.includes('[') || authority.includes(']')
        ? IPV6_AUTHORITY.test(authority)
        : AUTHORITY_CHARS.test(authority);
    if (!validAuthority) return false;
  }
  return PATH_CHARS.test(path);
}
