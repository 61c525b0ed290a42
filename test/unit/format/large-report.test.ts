/**
 * Issue 13 item 3: text, JSON, SARIF and Markdown for tens of thousands of findings are built
 * once from the data, never by re-parsing a rendered report. Timing is the benchmark's job
 * (npm run bench); these tests pin the content and shape of a 30,000-finding report and that
 * no formatter parses JSON on the way.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatFindings, OUTPUT_FORMATS } from '../../../cli/format/index.ts';
import { findingsDocument } from '../../../cli/format/json.ts';
import { sarifLog } from '../../../cli/format/sarif.ts';
import { withDriftJson, withDriftSarif } from '../../../cli/format/review/drift.ts';
import { SEVERITIES, type Finding } from '../../../policies/finding.ts';
import type { SettingChange } from '../../../review/change.ts';
import { checkReport, sarifLog as readSarif } from '../../support/json-reports.ts';

const COUNT = 30_000;
const REALMS = ['north', 'south', 'east'];

function finding(index: number): Finding {
  const realm = REALMS[index % REALMS.length]!;
  return {
    ruleId: 'redirect-uri-wildcard',
    severity: SEVERITIES[index % SEVERITIES.length]!,
    realm,
    entity: { kind: 'client', id: `client-${index}` },
    path: ['clients', `client-${index}`, 'redirectUris', '0'],
    messageId: 'wildcard',
    message: `redirect URI of client-${index} has a wildcard`,
    fingerprint: `fp-${index}`,
    location: { file: `/repo/baselines/${realm}.yaml`, line: index + 1, column: 3 },
  };
}

const findings = Array.from({ length: COUNT }, (_, index) => finding(index));
const input = { findings };

afterEach(() => vi.restoreAllMocks());

describe(`a report of ${COUNT.toLocaleString('en')} findings`, () => {
  it.each(OUTPUT_FORMATS.map((format) => [format]))('%s is rendered without parsing JSON', (format) => {
    const parse = vi.spyOn(JSON, 'parse');
    const report = formatFindings(input, format);
    expect(parse).not.toHaveBeenCalled();
    expect(report.endsWith('\n')).toBe(true);
  });

  it('text: one line per finding, the first and the last among them', () => {
    const text = formatFindings(input, 'text');
    const lines = text.split('\n');
    expect(lines.filter((line) => /client client-\d+/.test(line))).toHaveLength(COUNT);
    expect(text).toContain('client-0');
    expect(text).toContain(`client-${COUNT - 1}`);
  });

  it('json: every finding, counted per severity', () => {
    const document = checkReport(formatFindings(input, 'json'));
    expect(document.findings).toHaveLength(COUNT);
    expect(document.summary.total).toBe(COUNT);
    for (const severity of SEVERITIES) expect(document.summary[severity]).toBe(COUNT / SEVERITIES.length);
    expect(new Set(document.findings.map((item) => item.fingerprint)).size).toBe(COUNT);
  });

  it('sarif: one result per finding, each at its own line', () => {
    const results = readSarif(formatFindings(input, 'sarif')).runs[0]?.results ?? [];
    expect(results).toHaveLength(COUNT);
    expect(results[COUNT - 1]?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(COUNT);
    expect(results[COUNT - 1]?.partialFingerprints?.['realmguard/v1']).toBe(`fp-${COUNT - 1}`);
  });

  it('markdown: one table row per finding, one table per realm', () => {
    const markdown = formatFindings(input, 'markdown');
    expect(markdown.split('\n').filter((line) => line.includes('[redirect-uri-wildcard]('))).toHaveLength(COUNT);
    for (const realm of REALMS) expect(markdown).toContain(`#### Realm \`${realm}\``);
  });

  it('audit adds drift to the JSON document and the SARIF log as data, with no parse', () => {
    const drift: SettingChange[] = Array.from({ length: COUNT }, (_, index) => ({
      realm: 'north',
      entity: { kind: 'client', id: `client-${index}` },
      path: ['clients', `client-${index}`, 'publicClient'],
      setting: 'publicClient',
      before: false,
      after: true,
      effect: 'weakens',
      reason: 'a public client has no secret',
    }));
    const parse = vi.spyOn(JSON, 'parse');
    const document = withDriftJson(findingsDocument(input), drift, '/repo/baselines/north.yaml');
    const log = withDriftSarif(sarifLog(input, undefined, '/repo'), drift, '/repo/baselines/north.yaml', '/repo');
    expect(parse).not.toHaveBeenCalled();
    expect(document.findings).toHaveLength(COUNT);
    expect(document.drift.changes).toHaveLength(COUNT);
    expect(log.runs[0]?.results).toHaveLength(2 * COUNT);
    expect(log.runs[0]?.results?.at(-1)?.ruleId).toBe('baseline-drift');
  });
});
