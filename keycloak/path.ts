/**
 * The one path builder of the admin API and the OIDC endpoints. A path is a template with named
 * holes ('/admin/realms/{realm}/users/{id}/consents/{clientId}') filled with segments, each
 * percent-encoded. A value that cannot be one segment — empty, '.', '..', or anything the URL
 * parser would rewrite — is refused before anything is sent: '..' once resolved a consent
 * deletion into DELETE /users/{id}, which deletes the user.
 *
 * Encoding '%' as '%25' makes '%2e%2e' a literal name, not a dot segment; what is left that the
 * parser collapses is '.' and '..' themselves. The check asks the parser rather than a list, so
 * a spelling nobody thought of is caught too.
 */

/** Why a value cannot be one path segment; undefined when it can. */
export function segmentProblem(value: string): string | undefined {
  if (value === '') return 'it is empty';
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    return 'it is not valid Unicode (a lone surrogate)';
  }
  const probe = `/probe/${encoded}/end`;
  let parsed: string;
  try {
    parsed = new URL(probe, 'http://h').pathname;
  } catch {
    return 'the URL parser rejects it';
  }
  if (parsed !== probe)
    return `the URL parser would resolve it (as a dot segment) and the request would reach another path`;
  return undefined;
}

/** Thrown when a segment is refused; the caller words it for where the value came from. */
export class UnsafeSegmentError extends Error {
  override name = 'UnsafeSegmentError';
  constructor(
    readonly hole: string,
    readonly value: string,
    readonly problem: string,
    readonly template: string,
  ) {
    super(`cannot put ${JSON.stringify(value)} into ${template} as {${hole}}: ${problem}`);
  }
}

/** The value encoded as one segment; throws UnsafeSegmentError. */
export function segment(value: string, hole = 'segment', template = '(path)'): string {
  const problem = segmentProblem(value);
  if (problem) throw new UnsafeSegmentError(hole, value, problem, template);
  return encodeURIComponent(value);
}

export type PathParams = Readonly<Record<string, string>>;
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Fills a template: every {name} must have a value, every value is one encoded segment. The query
 * is appended in the given order, encoded by URLSearchParams (a query cannot climb the path).
 */
export function buildPath(template: string, params: PathParams, query: QueryParams = {}): string {
  const path = template.replace(/\{([A-Za-z]+)\}/g, (_hole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`path template ${template}: no value for {${name}}`);
    return segment(value, name, template);
  });
  const entries = Object.entries(query).flatMap(([key, value]): Array<[string, string]> =>
    value === undefined ? [] : [[key, String(value)]],
  );
  const search = new URLSearchParams(entries).toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Joins the server URL and a built path and checks that the URL parser leaves the path as it is:
 * the request that is sent is byte for byte the one listed. Returns the URL to fetch.
 */
export function requestUrl(serverUrl: string, path: string): string {
  const base = new URL(serverUrl);
  const url = new URL(`${serverUrl}${path}`);
  const basePath = base.pathname.replace(/\/+$/, '');
  if (url.origin !== base.origin || `${url.pathname}${url.search}` !== `${basePath}${path}`) {
    throw new UnsafeSegmentError('path', path, `the URL parser rewrites it to ${url.pathname}${url.search}`, path);
  }
  return url.href;
}
