/**
 * The protocol-mapper patterns the policy config watches: a mapper type, optionally followed by
 * the config it must carry as a URL query string ('oidc-usermodel-attribute-mapper?user.attribute=ssn'),
 * so keys and values with any characters are written one standard way and read by URLSearchParams.
 */

export interface MapperPattern {
  /** The entry as configured, for messages. */
  source: string;
  type: string;
  config: Record<string, string>;
}

export function parseMapperPatterns(entries: readonly string[]): MapperPattern[] {
  return entries
    .map((source) => source.trim())
    .filter((source) => source !== '')
    .map((source) => {
      const at = source.indexOf('?');
      const type = at < 0 ? source : source.slice(0, at);
      const config = at < 0 ? {} : Object.fromEntries(new URLSearchParams(source.slice(at + 1)));
      return { source, type, config };
    });
}
