/**
 * How detections are written: one line each. Text for people (severity colored on a terminal,
 * every value escaped so an event cannot forge a line or a terminal sequence); JSON lines with
 * stable field names for SIEMs. Every line passes the secret registry's redaction last.
 */
import { visible } from '../model/source/visible-text.ts';
import type { SecretRegistry } from '../keycloak/secrets.ts';
import type { Severity } from '../policies/finding.ts';
import { severityPaint } from '../policies/severity-paint.ts';
import type { Detection } from './detection.ts';

export const WATCH_FORMATS = ['text', 'json'] as const;
export type WatchFormat = (typeof WATCH_FORMATS)[number];

/** The JSON line: these names are the interface SIEM rules are written against. */
export interface DetectionLine {
  detection: string;
  kind: string;
  severity: Severity;
  realm: string;
  user: string | null;
  username: string | null;
  client: string | null;
  session: string | null;
  ipAddress: string | null;
  eventIds: string[];
  time: string;
  summary: string;
  source: string;
  changes?: Detection['changes'];
}

export function detectionLine(detection: Detection): DetectionLine {
  return {
    detection: detection.id,
    kind: detection.kind,
    severity: detection.severity,
    realm: detection.realm,
    user: detection.user ?? null,
    username: detection.username ?? null,
    client: detection.client ?? null,
    session: detection.session ?? null,
    ipAddress: detection.ipAddress ?? null,
    eventIds: detection.eventIds,
    time: new Date(detection.time).toISOString(),
    summary: detection.summary,
    source: detection.source,
    ...(detection.changes ? { changes: detection.changes } : {}),
  };
}

export function formatDetection(detection: Detection, format: WatchFormat, color: boolean): string {
  if (format === 'json') return JSON.stringify(detectionLine(detection));
  const paint = severityPaint(color);
  const where = [
    `realm=${detection.realm}`,
    detection.username ? `user=${detection.username}` : undefined,
    detection.user ? `userId=${detection.user}` : undefined,
    detection.client ? `client=${detection.client}` : undefined,
    detection.session ? `session=${detection.session}` : undefined,
    detection.ipAddress ? `ip=${detection.ipAddress}` : undefined,
  ].filter(Boolean);
  return `${new Date(detection.time).toISOString()} ${paint[detection.severity](detection.severity.toUpperCase().padEnd(8))} ${detection.kind} ${visible(where.join(' '))}: ${visible(detection.summary)} [events ${visible(detection.eventIds.join(','))}]`;
}

export type LineWriter = (line: string) => void;

export function detectionWriter(
  write: LineWriter,
  format: WatchFormat,
  color: boolean,
  secrets: SecretRegistry,
): (detection: Detection) => void {
  return (detection) => write(secrets.redact(formatDetection(detection, format, color)));
}
