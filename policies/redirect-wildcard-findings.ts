/**
 * What a wildcard redirect URI costs, as a finding: one mapping from Keycloak's reading of a
 * pattern (policies/redirect-patterns.ts) to message and severity, shared by the OpenID Connect
 * and the SAML redirect rules, whose clients Keycloak matches the same way (shown for both in
 * test/integration/policies/redirect-matching.test.ts and idp-saml-behaviour.test.ts).
 */
import type { FieldPath } from '../model/realm-settings.ts';
import type { Violation } from './define-rule.ts';
import { readPattern } from './redirect-patterns.ts';

export const WILDCARD_MESSAGES = {
  open: "Redirect URI '{{uri}}' accepts every URL.",
  hostPrefix:
    "Redirect URI '{{uri}}' matches every host whose name starts with it: Keycloak {{version}} prefix-matches it (26.4.13, 26.6.3 and 26.7.0 read it as '{{asPath}}').",
  hostPath: "Redirect URI '{{uri}}' matches every path on its host: Keycloak {{version}} reads it as '{{asPath}}'.",
  hostPathUnknownVersion:
    "Redirect URI '{{uri}}' matches every path on its host on Keycloak 26.4.13, 26.6.3, 26.7.0 and later (read as '{{asPath}}'); older versions match every host whose name starts with it.",
  path: "Redirect URI '{{uri}}' matches every path below it.",
  dead: "Redirect URI '{{uri}}' has a '*' in its host, which Keycloak compares literally: it matches no real redirect (a dead entry).",
} as const;

export type WildcardMessageId = keyof typeof WILDCARD_MESSAGES;

/** The finding a registered redirect URI gives on a realm of this Keycloak version, if any. */
export function wildcardViolation(
  uri: string,
  path: FieldPath,
  version: string | undefined,
): Violation<WildcardMessageId> | undefined {
  const reading = readPattern(uri, version);
  switch (reading.kind) {
    case 'everything':
      return { path, messageId: 'open', data: { uri } };
    case 'after-host':
      if (reading.hostBoundary === 'prefix-match')
        return { path, messageId: 'hostPrefix', data: { uri, version, asPath: reading.asPath } };
      if (reading.hostBoundary === 'enforced')
        return { path, messageId: 'hostPath', data: { uri, version, asPath: reading.asPath }, severity: 'medium' };
      return { path, messageId: 'hostPathUnknownVersion', data: { uri, asPath: reading.asPath }, severity: 'medium' };
    case 'path':
      return { path, messageId: 'path', data: { uri }, severity: 'medium' };
    case 'dead':
      return { path, messageId: 'dead', data: { uri }, severity: 'low' };
    case 'exact':
      return undefined;
  }
}
