/** How values, entities and effects read in every review format. */
import { formatDuration } from '../../../model/durations.ts';
import type { Finding, Severity } from '../../../policies/finding.ts';
import { ENTITY_NOUN } from '../input.ts';
import type { ChangedEntity, Effect, SettingValue, ValueUnit } from '../../../review/change.ts';

/** '—' for absent, durations with their human form: 3600 → '3600 (1h)'. */
export function formatValue(value: SettingValue | undefined, unit?: ValueUnit): string {
  if (value === undefined) return '—';
  if (typeof value === 'number' && unit === 'seconds' && Number.isSafeInteger(value) && value > 0) {
    const human = formatDuration(value);
    return human === `${value}s` ? `${value}s` : `${value} (${human})`;
  }
  if (typeof value === 'number' && unit === 'milliseconds') return `${value} ms`;
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return value.map((item: SettingValue) => formatValue(item)).join(', ');
  return JSON.stringify(value);
}

export function entityLabel(entity: ChangedEntity): string {
  switch (entity.kind) {
    case 'realm':
      return 'realm settings';
    case 'client':
      return `client ${entity.id}`;
    case 'key-provider':
      return `key ${entity.id}`;
    case 'identity-provider':
    case 'client-scope':
    case 'role':
    case 'group':
    case 'service-account':
    case 'authentication-flow':
      return `${ENTITY_NOUN[entity.kind]} ${entity.id}`;
    case 'client-policy':
      return `client policy ${entity.id}`;
    case 'token-version-claim':
      return 'token-version claim';
  }
}

export const EFFECT_ICON: Record<Effect, string> = { weakens: '⚠️', strengthens: '🛡️', neutral: '➖' };

/** The severity marks of every Markdown report (check, audit, diff). */
export const SEVERITY_ICON: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

/** What a finding is about: 'client web', 'key rsa-generated' or 'realm settings'. */
export function findingSubject(finding: Finding): string {
  if (!finding.entity) return 'realm settings';
  return `${finding.entity.kind === 'client' ? 'client' : 'key'} ${finding.entity.id}`;
}
