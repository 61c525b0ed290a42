/**
 * Enforcement levels, resolved by one small pure function (as Pulumi's policy packs do):
 * a rule's own level, else `all`, else the default — critical and high findings block
 * (mandatory), the rest advise. Blocking only on critical/high keeps a new pack adoptable on
 * an existing estate: it stops the changes that hand out tokens to attackers and reports the
 * hygiene items without failing every preview on day one.
 */
import type { Severity } from './finding.ts';

export type EnforcementLevel = 'mandatory' | 'advisory' | 'disabled';
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ['mandatory', 'advisory', 'disabled'];

export function isEnforcementLevel(value: unknown): value is EnforcementLevel {
  return typeof value === 'string' && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

export function defaultEnforcement(severity: Severity): EnforcementLevel {
  return severity === 'critical' || severity === 'high' ? 'mandatory' : 'advisory';
}

export function resolveEnforcement(
  severity: Severity,
  configured: { rule?: EnforcementLevel | undefined; all?: EnforcementLevel | undefined },
): EnforcementLevel {
  return configured.rule ?? configured.all ?? defaultEnforcement(severity);
}
