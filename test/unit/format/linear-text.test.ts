/**
 * Issue 10 item 5: text output is linear in the number of findings. Timing is a benchmark's
 * job (bench/check.bench.ts); these tests pin the structure that makes it linear: grouping
 * appends to one array per group (never copies it), and a report of 150,000 findings in one
 * group is rendered whole.
 */
import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../cli/format/group.ts';
import { formatFindings } from '../../../cli/format/index.ts';
import type { Finding } from '../../../policies/finding.ts';

function finding(index: number, realm = 'big'): Finding {
  return {
    ruleId: 'redirect-uri-wildcard',
    severity: 'medium',
    realm,
    entity: { kind: 'client', id: 'one-client' },
    path: ['clients', 'one-client', 'redirectUris', String(index)],
    messageId: 'wildcard',
    message: `redirect URI ${index} has a wildcard`,
    fingerprint: String(index),
  };
}

describe('groupBy', () => {
  it('groups in input order', () => {
    const items = Array.from({ length: 1_000 }, (_, index) => ({ index, key: index % 3 === 0 ? 'a' : 'b' }));
    const groups = groupBy(items, (item) => item.key);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')).toHaveLength(334);
    expect(groups.get('b')).toHaveLength(666);
    expect(
      groups
        .get('a')!
        .map((item) => item.index)
        .slice(0, 3),
    ).toEqual([0, 3, 6]);
  });

  it('reads each item and computes each key exactly once', () => {
    let keys = 0;
    const items = Array.from({ length: 5_000 }, (_, index) => index);
    groupBy(items, (item) => {
      keys++;
      return String(item % 2);
    });
    expect(keys).toBe(items.length);
  });

  it('never replaces a group array once created (an append, not a copy, per item)', () => {
    const sets: string[] = [];
    const spy = new (class extends Map<string, number[]> {
      override set(key: string, value: number[]): this {
        sets.push(key);
        return super.set(key, value);
      }
    })();
    // The grouping must call Map.set once per new group: a copy per item would set it per item.
    const original = Map;
    const items = Array.from({ length: 2_000 }, (_, index) => index);
    globalThis.Map = function () {
      return spy;
    } as unknown as MapConstructor;
    try {
      groupBy(items, (item) => String(item % 4));
    } finally {
      globalThis.Map = original;
    }
    expect(sets).toEqual(['0', '1', '2', '3']);
  });
});

describe('formatText on a very large result', () => {
  it('renders 150,000 findings of one client, every one of them', () => {
    const findings = Array.from({ length: 150_000 }, (_, index) => finding(index));
    const text = formatFindings(
      { findings, realms: [{ realm: 'big', profile: 'baseline', origin: 'big.json' }] },
      'text',
    );
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('    MEDIUM'))).toHaveLength(150_000);
    expect(lines.filter((line) => line === '  client one-client')).toHaveLength(1);
    expect(text).toContain('150000 findings: 150000 medium');
  }, 60_000);

  it('many realms: each realm heading once, with its own origin', () => {
    const findings = Array.from({ length: 20_000 }, (_, index) => finding(index, `realm-${index % 2_000}`));
    const realms = Array.from({ length: 2_001 }, (_, index) => ({
      realm: `realm-${index}`,
      profile: 'baseline' as const,
      origin: `r${index}.json`,
    }));
    const text = formatFindings({ findings, realms }, 'text');
    expect(text.match(/^realm realm-\d+ \(r\d+\.json, profile baseline\)$/gm)).toHaveLength(2_000);
    expect(text).toContain('realm realm-2000 (r2000.json, profile baseline): no findings');
  }, 60_000);
});
