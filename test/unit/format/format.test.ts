import { readFileSync } from 'node:fs';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { formatFindings, isOutputFormat, shouldColor } from '../../../cli/format/index.ts';
import { allRules } from '../../../policies/rules/index.ts';
import { sampleRun } from './sample-result.ts';

// Both are CommonJS: under NodeNext their export sits on `default`.
type AjvDraft04 = typeof AjvDraft04Module.default;
const Ajv: AjvDraft04 =
  (AjvDraft04Module as unknown as { default?: AjvDraft04 }).default ?? (AjvDraft04Module as unknown as AjvDraft04);
type FormatsPlugin = (ajv: InstanceType<AjvDraft04>) => unknown;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

const result = sampleRun();
const ESC = '\u001b[';

describe('the sample run', () => {
  it('has what the formatters must show: positions, a suppression, an expired one', () => {
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining(['ssl-required', 'rsa-key-size', 'redirect-uri-wildcard', 'access-code-lifespan']),
    );
    expect(result.suppressed.map((finding) => finding.ruleId)).toEqual(['password-grant']);
    expect(result.expiredSuppressions.map(({ suppression, findings }) => [suppression.rule, findings.length])).toEqual([
      ['access-code-lifespan', 1],
    ]);
  });
});

describe('text', () => {
  const text = formatFindings(result, 'text', { color: false });

  it('groups by realm, then entity, each finding with file:line', () => {
    const lines = text.split('\n');
    const realmLine = lines.findIndex((line) => line.startsWith('realm acme'));
    const realmSettings = lines.indexOf('  realm settings');
    const webApp = lines.indexOf('  client web-app');
    const key = lines.indexOf('  key provider rsa-ps256');
    expect(realmLine).toBeGreaterThanOrEqual(0);
    expect(Math.min(realmSettings, webApp, key)).toBeGreaterThan(realmLine);
    expect(text).toMatch(/CRITICAL +ssl-required +sslRequired is 'none'.*\n +baselines\/acme\.yaml:7:16/);
    expect(text).toMatch(/MEDIUM +redirect-uri-wildcard .*\n +baselines\/acme\.yaml:34:9/);
    // No position of its own: the realm's file.
    expect(text).toMatch(/HIGH +rsa-key-size .*\n +baselines\/acme\.yaml\n/);
  });

  it('says what was suppressed and which suppression expired', () => {
    expect(text).toMatch(/suppression of access-code-lifespan expired on 2026-01-01/);
    expect(text).toMatch(/1 suppressed, 1 expired suppression/);
  });

  it('colors only when asked', () => {
    expect(text).not.toContain(ESC);
    expect(formatFindings(result, 'text', { color: true })).toContain(ESC);
  });

  it('colors on a TTY unless NO_COLOR is set', () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({}, {})).toBe(false);
  });

  it('says so when there is nothing', () => {
    expect(formatFindings({ findings: [] }, 'text')).toBe('No findings.\n');
  });

  it('names each realm that had no findings', () => {
    const clean = {
      findings: [],
      realms: [{ realm: 'bank', profile: 'strict' as const, origin: 'baselines/bank.yaml' }],
    };
    expect(formatFindings(clean, 'text')).toBe(
      'realm bank (baselines/bank.yaml, profile strict): no findings\n\nNo findings.\n',
    );
    expect(formatFindings(clean, 'markdown')).toContain('No findings in `bank` (`baselines/bank.yaml`).');
  });
});

describe('json', () => {
  const document = JSON.parse(formatFindings(result, 'json')) as {
    formatVersion: number;
    summary: Record<string, number>;
    findings: Array<{ ruleId: string; severity: string; fingerprint: string; location: unknown; helpUri: string }>;
    suppressed: Array<{ ruleId: string; reason: string }>;
    expiredSuppressions: Array<{ rule: string; findings: string[] }>;
  };

  it('is a versioned document whose findings carry ruleId and severity', () => {
    expect(document.formatVersion).toBe(1);
    expect(document.findings).toHaveLength(result.findings.length);
    for (const finding of document.findings) {
      expect(allRules.map((rule) => rule.id)).toContain(finding.ruleId);
      expect(['critical', 'high', 'medium', 'low', 'info']).toContain(finding.severity);
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(finding.helpUri).toMatch(new RegExp(`docs/rules\\.md#${finding.ruleId}$`));
    }
    expect(document.summary.total).toBe(result.findings.length);
    expect(document.summary.critical).toBe(result.findings.filter((finding) => finding.severity === 'critical').length);
    expect(document.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'password-grant', reason: 'legacy CLI | migrating' }),
    ]);
    expect(document.expiredSuppressions).toEqual([
      expect.objectContaining({ rule: 'access-code-lifespan', findings: [expect.any(String)] }),
    ]);
  });

  it('is byte-identical across runs', () => {
    expect(formatFindings(sampleRun(), 'json')).toBe(formatFindings(sampleRun(), 'json'));
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatFindings(result, 'sarif')) as Log;

  it('validates against the SARIF 2.1.0 JSON schema', () => {
    // The OASIS schema (2.1.0-rtm.5, draft-04) as shipped in @microsoft/jest-sarif 1.0.0-beta.0.
    const schema = JSON.parse(
      readFileSync(new URL('fixtures/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
    ) as object;
    // unicodeRegExp off: the schema's `language` pattern has a stray ']' that only the u flag rejects.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // And the schema does catch a broken log.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('carries rule metadata for code scanning', () => {
    const driver = log.runs[0]!.tool.driver;
    expect(driver.rules?.map((rule) => rule.id)).toEqual(allRules.map((rule) => rule.id));
    for (const descriptor of driver.rules ?? []) {
      expect(descriptor.helpUri).toMatch(new RegExp(`docs/rules\\.md#${descriptor.id}$`));
      expect(descriptor.help?.text).toContain('Remediation');
      expect(descriptor.shortDescription?.text).toBeTruthy();
    }
    const ssl = driver.rules!.find((rule) => rule.id === 'ssl-required')!;
    expect(ssl.properties?.['security-severity']).toBe('9.5');
    expect(ssl.defaultConfiguration?.level).toBe('error');
  });

  it('locates each result in the file, with a stable fingerprint', () => {
    const results = log.runs[0]!.results!;
    expect(results).toHaveLength(result.findings.length + result.suppressed.length);
    const ssl = results.find((entry) => entry.ruleId === 'ssl-required')!;
    expect(driverRuleAt(ssl.ruleIndex!)).toBe('ssl-required');
    expect(ssl.level).toBe('error');
    expect(ssl.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'baselines/acme.yaml' },
      region: { startLine: 7, startColumn: 16 },
    });
    expect(ssl.partialFingerprints?.['realmguard/v1']).toBe(
      result.findings.find((finding) => finding.ruleId === 'ssl-required')!.fingerprint,
    );
    const suppressed = results.find((entry) => entry.ruleId === 'password-grant')!;
    expect(suppressed.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'legacy CLI | migrating' },
    ]);
  });

  function driverRuleAt(index: number): string | undefined {
    return log.runs[0]!.tool.driver.rules?.[index]?.id;
  }
});

describe('markdown', () => {
  const markdown = formatFindings(result, 'markdown', { title: 'realmguard check' });

  it('is a heading, a summary and one table row per finding', () => {
    expect(markdown).toMatch(/^### realmguard check\n\n\*\*\d+ findings: /);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ') && /\| (🔴|🟠|🟡|🔵|⚪) /.test(line));
    expect(rows).toHaveLength(result.findings.length);
    expect(markdown).toContain('[ssl-required](');
  });

  it('keeps cell contents inside their cells', () => {
    const row = markdown.split('\n').find((line) => line.includes('a|b.example.com'));
    expect(row).toBeUndefined(); // the raw pipe never appears…
    expect(markdown).toContain('a\\|b.example.com'); // …only escaped
    for (const line of markdown.split('\n').filter((entry) => entry.startsWith('| ') && entry.includes('🔴'))) {
      expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(8);
    }
  });

  it('lists suppressions and expired ones', () => {
    expect(markdown).toContain('<summary>Suppressed findings</summary>');
    expect(markdown).toContain('legacy CLI \\| migrating');
    expect(markdown).toMatch(/suppression of `access-code-lifespan` expired on 2026-01-01/);
  });
});

it('knows its formats', () => {
  expect(['text', 'json', 'sarif', 'markdown'].every(isOutputFormat)).toBe(true);
  expect(isOutputFormat('xml')).toBe(false);
});
