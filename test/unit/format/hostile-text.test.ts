/**
 * Issue 10 item 5: names from the input cannot act on a terminal or a pull-request comment.
 * A realm, a client id and a redirect URI carrying ESC sequences, a bidi override and newlines
 * go through every report format; control characters must come out as visible escapes.
 */
import { describe, expect, it } from 'vitest';
import { formatFindings, type OutputFormat } from '../../../cli/format/index.ts';
import { sarifLog } from '../../../cli/format/sarif.ts';
import { hasUnsafeCharacters, safeJson, visible } from '../../../model/source/visible-text.ts';
import { InputError } from '../../../model/errors.ts';
import { pathKey, type LoadedRealm } from '../../../model/realm-settings.ts';
import { runRules } from '../../../policies/run.ts';
import { reviewChange } from '../../../review/review.ts';
import { formatReviewMarkdown } from '../../../cli/format/review/markdown.ts';
import { formatReviewText } from '../../../cli/format/review/text.ts';
import { formatReviewJson } from '../../../cli/format/review/json.ts';
import { driftMarkdown, driftText, withDriftSarif } from '../../../cli/format/review/drift.ts';
import { changed, client, hardenedRealm, loaded, NOW, shopRealm } from '../../support/fixtures.ts';

const ESC_REALM = 'acme\u001b[2J\u001b]0;pwned\u0007';
const BIDI_CLIENT = 'web-app\u202eexe.txt';
// A path wildcard (the redirect rule reports it, quoting the URI) with a fake report line inside.
const NEWLINE_URI = 'https://app.example.com/\n    CRITICAL fake-finding  all good/*';

/* eslint-disable no-control-regex -- from here on, regexes match raw control characters and our own ANSI colors on purpose */
/** Raw characters that must never reach a terminal or a comment. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

function hostileRun() {
  const settings = hardenedRealm();
  settings.realm = ESC_REALM;
  settings.sslRequired = 'none';
  const webApp = settings.clients.find((entry) => entry.clientId === 'web-app')!;
  webApp.clientId = BIDI_CLIENT;
  webApp.redirectUris = [NEWLINE_URI];
  const file = 'realm\u202e.yaml';
  const positions = new Map([[pathKey(['sslRequired']), { file, line: 3, column: 1 }]]);
  const realm: LoadedRealm = { settings, source: { kind: 'baseline', origin: file, positions }, profile: 'baseline' };
  return runRules([realm], { now: NOW });
}

describe('visible()', () => {
  it.each([
    ['\u001b[31mred', '\\x1b[31mred'],
    ['a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['abc\u202edcba', 'abc\\u202edcba'],
    ['\u2066isolate\u2069', '\\u2066isolate\\u2069'],
    ['csi\u009b31m', 'csi\\x9b31m'],
    ['del\u007f', 'del\\x7f'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['lone \ud800 surrogate', 'lone \\ud800 surrogate'],
    ['ünïcødé 日本 🙂 ok', 'ünïcødé 日本 🙂 ok'],
  ])('%j → %j', (input, shown) => {
    expect(visible(input)).toBe(shown);
    expect(hasUnsafeCharacters(input)).toBe(input !== shown);
  });

  it('safeJson keeps the data and escapes what JSON.stringify leaves raw', () => {
    const value = { name: 'a\u202eb\u0085c\u2028d\u001be' };
    const text = safeJson(value);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\u202e');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('InputError.format() stays one visible line', () => {
    const error = new InputError(
      `unknown key '${BIDI_CLIENT}\n'`,
      { file: 'x\u001b.yaml', line: 1, column: 2 },
      `did you mean '\u001b[0m'?`,
    );
    expect(error.format()).not.toMatch(RAW);
    expect(error.format()).not.toContain('\n');
    expect(error.format()).toContain('\\u202e');
  });
});

describe('check and audit reports', () => {
  const result = hostileRun();

  it.each(['text', 'markdown', 'json', 'sarif'] satisfies OutputFormat[])(
    '%s: no raw control or bidi character',
    (format) => {
      const report = formatFindings(result, format, { color: true });
      // The only ESC allowed is ours: ANSI colors of the text format.
      const withoutOurColors = format === 'text' ? report.replace(/\u001b\[\d+m/g, '') : report;
      expect(withoutOurColors).not.toMatch(RAW);
    },
  );

  it('text: the names are shown as escapes, and a newline in a value does not start a fake line', () => {
    const text = formatFindings(result, 'text');
    expect(text).toContain('realm acme\\x1b[2J\\x1b]0;pwned\\x07');
    expect(text).toContain('client web-app\\u202eexe.txt');
    expect(text).toContain('realm\\u202e.yaml:3:1');
    expect(text.split('\n').filter((line) => line.includes('fake-finding'))).toHaveLength(1);
    expect(text).not.toMatch(/^ +CRITICAL fake-finding/m);
  });

  it('json: parses back to the very same names', () => {
    const document = JSON.parse(formatFindings(result, 'json')) as { findings: { realm: string }[] };
    expect(document.findings[0]!.realm).toBe(ESC_REALM);
  });

  it('markdown: no HTML from a name reaches the comment outside a code span', () => {
    const settings = hardenedRealm();
    settings.realm = 'x<!-- hidden';
    const webApp = settings.clients.find((entry) => entry.clientId === 'web-app')!;
    webApp.clientId = 'web<!--';
    webApp.directAccessGrantsEnabled = true;
    const markdown = formatFindings(
      runRules(
        [{ settings, source: { kind: 'baseline', origin: 'a.yaml', positions: new Map() }, profile: 'baseline' }],
        { now: NOW },
      ),
      'markdown',
    );
    expect(markdown.replace(/`[^`\n]*`/g, '')).not.toContain('<');
    expect(markdown).toContain('client web&lt;!--');
    expect(markdown).toContain('`x<!-- hidden`'); // inside a code span it is plain text
  });
});

describe('review and drift reports', () => {
  const base = shopRealm();
  const head = changed(base, (realm) => {
    client(realm, 'web').redirectUris.push(NEWLINE_URI, `https://${BIDI_CLIENT}.example.com/*`);
  });
  const review = reviewChange([loaded(base)], [loaded(head)]);

  it.each([
    ['text', () => formatReviewText(review, { color: true }).replace(/\u001b\[\d+m/g, '')],
    ['markdown', () => formatReviewMarkdown(review, { rulesUrl: 'https://x' })],
    ['json', () => formatReviewJson(review, 'https://x')],
    ['drift text', () => driftText(review.changes, 'base\u001b.yaml', true).replace(/\u001b\[\d+m/g, '')],
    ['drift markdown', () => driftMarkdown(review.changes, 'base\u001b.yaml')],
    ['drift sarif', () => safeJson(withDriftSarif(sarifLog({ findings: [] }), review.changes, 'base.yaml'))],
  ])('%s: no raw control or bidi character', (_name, render) => {
    const report = render();
    expect(report).not.toMatch(RAW);
    expect(report).toMatch(/\\u202e|\\\\u202e/);
  });
});
