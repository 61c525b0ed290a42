import { describe, expect, it } from 'vitest';
import { kcwardenFindings, realmguardFindings } from '../../../bench/peer/findings.ts';
import { parseTimeOutput, processCost } from '../../../bench/peer/process-cost.ts';

describe('the peer bench reads what the tools and GNU time print', () => {
  it('reads the timing line among whatever else the command wrote to stderr', () => {
    expect(parseTimeOutput('some warning\nrealmguard-bench 1.50 0.75 0.25 204800\n')).toEqual({
      wallSeconds: 1.5,
      cpuSeconds: 1,
      peakMiB: 200,
    });
  });

  it('refuses output without a timing line, quoting it', () => {
    expect(() => parseTimeOutput('Command terminated by signal 9')).toThrow(/no timing line .*signal 9/);
  });

  it('counts realmguard findings from summary.total and refuses a report without one', () => {
    expect(realmguardFindings(JSON.stringify({ summary: { total: 7 } }))).toBe(7);
    expect(() => realmguardFindings('{}')).toThrow(/summary.total/);
  });

  it('counts kcwarden findings and refuses anything but a list of them', () => {
    expect(kcwardenFindings(JSON.stringify([{ reporting_auditor: 'A' }, { reporting_auditor: 'B' }]))).toBe(2);
    expect(() => kcwardenFindings('{"error": "x"}')).toThrow(/list of findings/);
    expect(() => kcwardenFindings('[{"x": 1}]')).toThrow(/list of findings/);
  });

  it('measures a real process and fails on a non-zero exit', async () => {
    const cost = await processCost(process.execPath, ['-e', 'Buffer.alloc(64 * 1024 * 1024, 1)']);
    expect(cost.peakMiB).toBeGreaterThan(64);
    await expect(processCost(process.execPath, ['-e', 'process.exit(3)'])).rejects.toThrow(/exited with 3/);
  });
});
