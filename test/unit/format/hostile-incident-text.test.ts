/**
 * Issue 10 item 5, incident side: names a server answers with (a user called with an ESC
 * sequence, a client id with a bidi override, an error with a newline) are shown as escapes by
 * the incident renderer, in results, nested playbook steps and bulk summaries.
 */
import { describe, expect, it } from 'vitest';
import { renderResult, renderSummary } from '../../../cli/format/incident.ts';
import type { ActionResult } from '../../../incident/result.ts';
import type { BulkSummary } from '../../../incident/bulk.ts';

// eslint-disable-next-line no-control-regex -- control characters are what the test looks for
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const hostile: ActionResult = {
  action: 'logout-user',
  realm: 'shop\u001b[2J',
  dryRun: false,
  ok: false,
  targets: [{ type: 'user', name: 'alice\u202enimda', id: 'u1' }],
  requests: [
    {
      method: 'DELETE',
      path: '/admin/realms/shop/users/u1/consents/app\u001b]0;x\u0007',
      changesState: true,
      sent: true,
    },
  ],
  evidence: [{ check: 'consents left', status: 'fail', detail: 'client \u2066evil\u2069' }],
  error: 'server said: no\n  ✓ all good',
  limits: [],
  notes: ['note with \u009b31m C1 CSI'],
};

describe('incident text output', () => {
  it('a result: every line visible, no injected line', () => {
    const text = renderResult(hostile);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('realm shop\\x1b[2J');
    expect(text).toContain('user alice\\u202enimda');
    expect(text).toContain('error: server said: no\\n  ✓ all good');
    expect(text.split('\n').some((line) => line.trim() === '✓ all good')).toBe(false);
  });

  it('a playbook: nested steps stay separate lines, each escaped', () => {
    const text = renderResult({ ...hostile, steps: [hostile, { ...hostile, action: 'logout-session' }] });
    expect(text).not.toMatch(RAW);
    expect(text.split('\n').filter((line) => /^ {2}(logout-user|logout-session) · realm/.test(line))).toHaveLength(2);
  });

  it('a bulk summary: failed inputs escaped', () => {
    const summary = {
      total: 1,
      ok: 0,
      failed: [{ input: 'bob\u001b[31m', error: 'x\ny' }],
      skipped: [],
      results: [],
    } as unknown as BulkSummary;
    const text = renderSummary('logout-user', summary, 1000);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('bob\\x1b[31m: x\\ny');
  });
});
