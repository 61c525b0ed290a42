/** Detection lines: stable JSON fields, escaped text, and no secret even when an event carries one. */
import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../../../keycloak/secrets.ts';
import type { Detection } from '../../../watch/detection.ts';
import { detectionWriter, formatDetection } from '../../../watch/output.ts';

const detection: Detection = {
  id: 'refresh-token-replay:e1',
  kind: 'refresh-token-replay',
  severity: 'critical',
  source: 'RFC 9700 §4.14.2',
  realm: 'shop',
  time: Date.UTC(2026, 10, 30, 18, 0, 0),
  summary: 'a rotated refresh token was replayed',
  user: 'u-1',
  username: 'ann\u001b[31m',
  client: 'web',
  session: 's-1',
  ipAddress: '10.0.0.1',
  eventIds: ['e1'],
};

describe('detection output', () => {
  it('writes JSON lines with the stable field names', () => {
    expect(JSON.parse(formatDetection(detection, 'json', false))).toEqual({
      detection: 'refresh-token-replay:e1',
      kind: 'refresh-token-replay',
      severity: 'critical',
      realm: 'shop',
      user: 'u-1',
      username: 'ann\u001b[31m',
      client: 'web',
      session: 's-1',
      ipAddress: '10.0.0.1',
      eventIds: ['e1'],
      time: '2026-11-30T18:00:00.000Z',
      summary: 'a rotated refresh token was replayed',
      source: 'RFC 9700 §4.14.2',
    });
  });

  it('writes one text line, the escape sequence from the event shown, not run', () => {
    const line = formatDetection(detection, 'text', false);
    expect(line).toBe(
      '2026-11-30T18:00:00.000Z CRITICAL refresh-token-replay realm=shop user=ann\\x1b[31m userId=u-1 client=web session=s-1 ip=10.0.0.1: a rotated refresh token was replayed [events e1]',
    );
    expect(line).not.toContain('\u001b');
  });

  it('redacts a registered secret wherever it appears', () => {
    const secrets = new SecretRegistry();
    secrets.add('s3cr3t-token-value');
    const lines: string[] = [];
    detectionWriter(
      (line) => lines.push(line),
      'json',
      false,
      secrets,
    )({ ...detection, summary: 'leaked s3cr3t-token-value here' });
    expect(lines[0]).not.toContain('s3cr3t-token-value');
    expect(lines[0]).toContain('[redacted]');
  });
});
