/**
 * A finding as the JSON reports carry it (check, audit, diff): fixed key order, null for what is
 * absent, and a link to its rule in the rule reference.
 */
import type { Finding } from './finding.ts';

export function findingJson(finding: Finding, rulesUrl: string) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    realm: finding.realm,
    entity: finding.entity ?? null,
    path: [...finding.path],
    messageId: finding.messageId,
    message: finding.message,
    location: finding.location ?? null,
    fingerprint: finding.fingerprint,
    helpUri: `${rulesUrl}#${finding.ruleId}`,
  };
}
