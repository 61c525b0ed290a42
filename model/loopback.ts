/**
 * Plain http is acceptable only to the loopback interface, where nothing crosses a network
 * (RFC 8252 §7.3, RFC 9700 §2.6). One test for every place that applies that: the Keycloak URL
 * the tools connect to, and the redirect URIs the rules and the review judge.
 */

/** localhost, ::1 (bracketed or not) or any 127.x.x.x address; a URL's hostname is the usual input. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The URI's scheme in lower case, or undefined for a relative URI. */
export function uriScheme(uri: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase();
}

/** True for an http: URI whose host is not loopback (or cannot be read: then nothing vouches for it). */
export function isPlainHttpToRemote(uri: string): boolean {
  if (uriScheme(uri) !== 'http') return false;
  let hostname: string;
  try {
    hostname = new URL(uri).hostname;
  } catch {
    return true;
  }
  return !isLoopbackHost(hostname);
}

/** Why a Keycloak server URL may not be used; each tool words it for where the URL came from. */
export type ServerUrlProblem =
  { kind: 'not-a-url' } | { kind: 'scheme'; scheme: string } | { kind: 'plain-http'; host: string };

/** The one check of a server URL: http(s) only, plain http only to loopback unless allowed. */
export function serverUrlProblem(raw: string, allowInsecureHttp: boolean): ServerUrlProblem | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'scheme', scheme: url.protocol };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !allowInsecureHttp)
    return { kind: 'plain-http', host: url.hostname };
  return undefined;
}
