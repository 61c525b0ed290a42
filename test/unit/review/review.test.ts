/** reviewChange end to end on model fixtures: changes, the findings delta, and each renderer. */
import { describe, expect, it } from 'vitest';
import { reviewChange, findingDelta } from '../../../review/review.ts';
import { formatReviewMarkdown, COMMENT_MARKER } from '../../../cli/format/review/markdown.ts';
import { formatReviewJson } from '../../../cli/format/review/json.ts';
import { formatReviewText } from '../../../cli/format/review/text.ts';
import { countReview, verdictText } from '../../../review/verdict.ts';
import { failsOn } from '../../../cli/commands/diff.ts';
import { diffReport } from '../../support/json-reports.ts';
import { changed, client, shopClient, shopRealm, loaded } from '../../support/fixtures.ts';

const RULES = 'https://docs.example.org/rules.md';

const base = shopRealm();
const head = changed(base, (realm) => {
  client(realm, 'spa').directAccessGrantsEnabled = true; // password grant on a public client: high
  client(realm, 'web').redirectUris.push('https://*'); // wildcard: critical
  realm.accessTokenLifespan = 120; // strengthens
  realm.clients.push(shopClient('reports')); // neutral
});

describe('reviewChange', () => {
  const result = reviewChange([loaded(base)], [loaded(head)]);

  it('classifies each changed setting', () => {
    const summary = result.changes.map((change) => [change.entity.id, change.setting, change.effect]);
    expect(summary).toEqual([
      ['spa', 'directAccessGrantsEnabled', 'weakens'],
      ['web', 'redirectUris', 'weakens'],
      ['shop', 'accessTokenLifespan', 'strengthens'],
      ['reports', '(client)', 'neutral'],
    ]);
  });

  it('reports the findings the change introduces, matched by fingerprint', () => {
    const introduced = result.findings.introduced.map((finding) => [
      finding.ruleId,
      finding.severity,
      finding.entity?.id,
    ]);
    expect(introduced).toContainEqual(['password-grant', 'high', 'spa']);
    expect(introduced).toContainEqual(['redirect-uri-wildcard', 'critical', 'web']);
    // The low findings both sides share (client-secret authentication, unbound spa tokens) are not "introduced".
    expect(
      result.findings.introduced.some(
        (finding) => finding.ruleId === 'client-authentication' && finding.entity?.id === 'web',
      ),
    ).toBe(false);
    expect(result.findings.resolved).toEqual([]);
  });

  it('reports resolved findings when the change goes the other way', () => {
    const reverse = reviewChange([loaded(head)], [loaded(base)]);
    expect(reverse.findings.introduced).toEqual([]);
    expect(reverse.findings.resolved.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['password-grant', 'redirect-uri-wildcard']),
    );
    expect(reverse.changes.find((change) => change.entity.id === 'reports')?.effect).toBe('strengthens');
  });

  it('ignores where a finding sits in the file: fingerprints, not lines', () => {
    const [finding] = reviewChange([loaded(base)], [loaded(head)]).findings.introduced;
    const moved = { ...finding!, location: { file: 'x.yaml', line: 99, column: 1 } };
    expect(findingDelta([moved], [finding!])).toEqual({ introduced: [], resolved: [] });
  });

  it('treats a realm on one side only as added or removed, with all its findings', () => {
    const other = changed(shopRealm('legacy'), (realm) => {
      realm.sslRequired = 'none';
    });
    const added = reviewChange([loaded(base)], [loaded(base), loaded(other)]);
    expect(added.realms).toEqual({ added: ['legacy'], removed: [], compared: ['shop'] });
    expect(added.changes).toEqual([
      expect.objectContaining({
        realm: 'legacy',
        setting: '(realm)',
        effect: 'neutral',
        before: undefined,
        after: 'legacy.yaml',
      }),
    ]);
    expect(added.findings.introduced.map((finding) => finding.ruleId)).toContain('ssl-required');
    const removed = reviewChange([loaded(base), loaded(other)], [loaded(base)]);
    expect(removed.realms.removed).toEqual(['legacy']);
    expect(removed.findings.resolved.map((finding) => finding.ruleId)).toContain('ssl-required');
  });

  it('fails on weakening or on an introduced finding at or above the level, only when asked', () => {
    expect(failsOn(result, { failOn: 'none' })).toBe(false);
    expect(failsOn(result, { failOn: 'none', failOnWeaken: true })).toBe(true);
    expect(failsOn(result, { failOn: 'critical' })).toBe(true);
    const onlyHigh = reviewChange(
      [loaded(base)],
      [
        loaded(
          changed(base, (realm) => {
            client(realm, 'spa').directAccessGrantsEnabled = true;
          }),
        ),
      ],
    );
    expect(failsOn(onlyHigh, { failOn: 'critical' })).toBe(false);
    expect(failsOn(onlyHigh, { failOn: 'high' })).toBe(true);
    const onlyStronger = reviewChange(
      [loaded(base)],
      [
        loaded(
          changed(base, (realm) => {
            realm.accessTokenLifespan = 60;
          }),
        ),
      ],
    );
    expect(failsOn(onlyStronger, { failOn: 'info', failOnWeaken: true })).toBe(false);
  });
});

describe('verdict', () => {
  it('says what weakens and which findings come in, concerns first', () => {
    const result = reviewChange([loaded(base)], [loaded(head)]);
    const counts = countReview(result.changes, result.findings.introduced, result.findings.resolved);
    expect(verdictText(counts)).toMatch(
      /^weakens 2 settings, introduces 1 critical, 1 high(, \d+ \w+)* and \d+ \w+ findings; strengthens 1 setting, 1 neutral change$/,
    );
    expect(verdictText(countReview([], [], []))).toBe('no security-relevant change');
  });
});

describe('renderers', () => {
  const result = reviewChange([loaded(base)], [loaded(head)]);

  it('markdown: marker, one-line verdict, change table, linked findings', () => {
    const markdown = formatReviewMarkdown(result, { rulesUrl: RULES });
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[3]).toMatch(/^⚠️ \*\*weakens 2 settings, introduces 1 critical/);
    expect(markdown).toContain(
      '| ⚠️ weakens | shop | client web | `redirectUris` | `—` → `https://*` | wildcard redirect URI added |',
    );
    expect(markdown).toContain(
      '| 🛡️ strengthens | shop | realm settings | `accessTokenLifespan` | `300 (5m)` → `120 (2m)` |',
    );
    expect(markdown).toContain(`[password-grant](${RULES}#password-grant)`);
    expect(markdown).toMatch(/<details><summary>1 neutral change<\/summary>[\s\S]*client reports/);
    expect(markdown).not.toContain('#### Findings resolved');
  });

  it('markdown: a clean change gets a check mark and no tables', () => {
    const clean = reviewChange(
      [loaded(base)],
      [
        loaded(
          changed(base, (realm) => {
            realm.ssoSessionIdleTimeout = 900;
          }),
        ),
      ],
    );
    const markdown = formatReviewMarkdown(clean, { rulesUrl: RULES });
    expect(markdown).toContain('✅ **strengthens 1 setting**');
    expect(markdown).not.toContain('#### Findings introduced');
  });

  it('markdown: cell contents cannot break the table', () => {
    const odd = reviewChange(
      [loaded(base)],
      [
        loaded(
          changed(base, (realm) => {
            client(realm, 'web').redirectUris.push('https://x.example.com/a|b`c');
          }),
        ),
      ],
    );
    expect(formatReviewMarkdown(odd, { rulesUrl: RULES })).toContain("`https://x.example.com/a\\|b'c`");
  });

  it('markdown: a review too long for one comment keeps the verdict and says what it left out', () => {
    const many = changed(base, (realm) => {
      for (let index = 0; index < 300; index++)
        client(realm, 'web').redirectUris.push(`https://*.host-${index}.example.com/*`);
      realm.clients.push(shopClient('neutral-one'));
    });
    const big = reviewChange([loaded(base)], [loaded(many)]);
    const full = formatReviewMarkdown(big, { rulesUrl: RULES, maxLength: Number.POSITIVE_INFINITY });
    expect(full).not.toContain('Too long');
    const cut = formatReviewMarkdown(big, { rulesUrl: RULES, maxLength: 20_000 });
    expect(cut.length).toBeLessThanOrEqual(20_000);
    expect(cut.split('\n')[3]).toBe(full.split('\n')[3]);
    expect(cut).toMatch(
      /> Too long for one comment: left out \d+ weakening or strengthening changes, 1 neutral change, \d+ introduced findings\./,
    );
    expect(formatReviewMarkdown(result, { rulesUrl: RULES })).not.toContain('Too long');
  });

  it('json: counts, changes and findings with help links', () => {
    const document = diffReport(formatReviewJson(result, RULES));
    expect(document.summary).toMatchObject({ weakens: 2, strengthens: 1, neutral: 1, resolved: 0 });
    expect(document.summary.introducedBySeverity.critical).toBe(1);
    expect(document.changes[0]).toMatchObject({
      effect: 'weakens',
      realm: 'shop',
      entity: { kind: 'client', id: 'spa' },
      before: false,
      after: true,
    });
    expect(document.findings.introduced[0]!.helpUri).toBe(`${RULES}#redirect-uri-wildcard`);
  });

  it('text: the verdict, then one line per change with its reason', () => {
    const text = formatReviewText(result);
    expect(text.split('\n')[0]).toMatch(/^realmguard diff: weakens 2 settings/);
    expect(text).toContain('weakens     shop: client spa: directAccessGrantsEnabled: false → true');
    expect(text).toContain('password grant enabled (RFC 9700 §2.4)');
    expect(text).toContain('Findings introduced');
    expect(text).not.toContain('\u001b['); // no color unless asked
    expect(formatReviewText(result, { color: true })).toContain('\u001b[');
  });
});
