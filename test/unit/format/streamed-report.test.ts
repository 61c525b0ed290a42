/**
 * Issue 13 item 3, end to end: the real binary streams the report of a big generated export (a
 * full `kc.sh export` of 1,500 clients, some 3,000 findings), and what it writes is the document
 * the formatters build as data, serialized whole by safeJson: parsed, the same value; as text,
 * the same bytes. Hostile names ride along, so escaping across piece boundaries is covered.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsDocument } from '../../../cli/format/json.ts';
import { sarifLog } from '../../../cli/format/sarif.ts';
import { loadRealmFile } from '../../../model/load.ts';
import { safeJson } from '../../../model/source/visible-text.ts';
import { runRules, type RuleRunResult } from '../../../policies/run.ts';
import { fullRealm } from '../../../bench/fixtures/full-export.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'realmguard-streamed-'));
const exportFile = join(dir, 'big-export.json');
let result: RuleRunResult;

beforeAll(async () => {
  const realm = fullRealm({ clients: 1_500, users: 50 });
  // Names that must come out as escapes in JSON: a bidi override, a C1 control, U+2028.
  const clients = realm.clients as Array<Record<string, unknown>>;
  for (const [index, client] of clients.slice(0, 30).entries()) client.clientId = `evil\u202e${index}\u0085\u2028x`;
  writeFileSync(exportFile, JSON.stringify(realm));
  result = runRules(await loadRealmFile(exportFile));
}, 60_000);

async function streamed(format: 'json' | 'sarif'): Promise<string> {
  const output = join(dir, `report.${format}`);
  await run(process.execPath, [
    'bin/realmguard.js',
    'check',
    exportFile,
    '--fail-on',
    'none',
    '--format',
    format,
    '--output',
    output,
  ]);
  return readFileSync(output, 'utf8');
}

describe('the streamed report of a big export', () => {
  it('has thousands of findings, some with hostile names', () => {
    expect(result.findings.length).toBeGreaterThan(2_000);
    expect(result.findings.some((finding) => finding.entity?.id.includes('\u202e'))).toBe(true);
  });

  it('json: parses to the document built as data, and is byte for byte its safeJson', async () => {
    const text = await streamed('json');
    const document = findingsDocument(result);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
    expect(text).toBe(`${safeJson(document)}\n`);
    expect(text).not.toMatch(/[\u202e\u0085\u2028]/);
  });

  it('sarif: parses to the log built as data, and is byte for byte its safeJson', async () => {
    const text = await streamed('sarif');
    const log = sarifLog(result);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(log)));
    expect(text).toBe(`${safeJson(log)}\n`);
  });
});
