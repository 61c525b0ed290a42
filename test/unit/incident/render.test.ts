/** The text output: dry runs say what would be sent apart from what was read; summaries name failures. */
import { describe, expect, it } from 'vitest';
import { renderResult, renderSummary } from '../../../cli/format/incident.ts';
import type { ActionResult } from '../../../incident/result.ts';

const base: ActionResult = {
  action: 'logout-user',
  realm: 'shop',
  dryRun: true,
  ok: true,
  targets: [{ type: 'user', name: 'alice', id: 'u1' }],
  requests: [],
  evidence: [],
  limits: ['JWTs stay valid'],
  notes: [],
};

describe('renderResult', () => {
  it('separates the held-back changes from the reads a dry run sent', () => {
    const text = renderResult({
      ...base,
      requests: [
        { method: 'GET', path: '/admin/realms/shop/users?username=alice&exact=true', changesState: false, sent: true },
        { method: 'POST', path: '/admin/realms/shop/users/u1/logout', changesState: true, sent: false },
      ],
    });
    expect(text).toBe(
      [
        'logout-user · realm shop · DRY RUN: nothing changed',
        '  target: user alice (u1)',
        '  would send (state-changing, not sent):',
        '    POST   /admin/realms/shop/users/u1/logout',
        '  sent (reads only, to resolve ids and show state):',
        '    GET    /admin/realms/shop/users?username=alice&exact=true',
        '  what this cannot do:',
        '    - JWTs stay valid',
      ].join('\n'),
    );
  });

  it('marks evidence and shows the error and the baseline edit', () => {
    const text = renderResult({
      ...base,
      dryRun: false,
      ok: false,
      error: 'boom',
      evidence: [
        { check: 'online sessions left', status: 'pass', detail: '0' },
        { check: 'offline sessions left', status: 'fail', detail: '1' },
        { check: 'introspection', status: 'unverified', detail: 'no client' },
      ],
      baselineEdit: 'clients:\n  - clientId: x\n',
    });
    expect(text).toContain('logout-user · realm shop · FAILED');
    expect(text).toContain('  error: boom');
    expect(text).toContain(
      '    ✓ online sessions left: 0\n    ✗ offline sessions left: 1\n    ? introspection: no client',
    );
    expect(text).toContain(
      '  baseline edit (so the next `pulumi up` does not undo this):\n    clients:\n      - clientId: x',
    );
  });
});

describe('renderSummary', () => {
  it('counts and names every failed target', () => {
    const text = renderSummary(
      'logout-user',
      { total: 3, ok: 1, skipped: ['a'], failed: [{ input: 'ghost', error: "unknown user 'ghost'" }], results: [] },
      1500,
    );
    expect(text).toBe(
      [
        'logout-user: 3 listed · 1 done · 1 failed · 1 skipped (done in the resumed journal) · 1.5 s',
        'failed:',
        "  ghost: unknown user 'ghost'",
        'rerun with --resume JOURNAL to finish only these',
      ].join('\n'),
    );
  });
});
