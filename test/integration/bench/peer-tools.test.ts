/**
 * The peer bench's tools really run on the generated full export and find something: kcwarden
 * (installed from PyPI into the cached virtualenv by scripts/kcwarden.sh; a missing Python,
 * venv module or PyPI fails here with what to install) and realmguard check through bin/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fullRealmExport } from '../../../bench/fixtures/full-export.ts';
import { kcwardenFindings, realmguardFindings } from '../../../bench/peer/findings.ts';
import { jsonParseFloor, kcwarden, kcwardenPath, outputOf, realmguard } from '../../../bench/peer/tools.ts';

describe('peer bench tools on a generated full export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'realmguard-peer-test-'));
  const file = join(dir, 'full.json');
  writeFileSync(file, fullRealmExport({ clients: 30, users: 10 }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('kcwarden audits it and reports findings on the generated clients', async () => {
    const stdout = await outputOf(kcwarden(await kcwardenPath()), file);
    expect(kcwardenFindings(stdout)).toBeGreaterThan(0);
    const entities = (JSON.parse(stdout) as Array<{ entity: string }>).map((finding) => finding.entity);
    expect(entities).toContain('client-0');
  }, 180_000);

  it('realmguard check reads it and reports findings', async () => {
    expect(realmguardFindings(await outputOf(realmguard, file))).toBeGreaterThan(0);
  }, 60_000);

  it('the JSON.parse floor parses it and fails on a file that is not JSON', async () => {
    await expect(outputOf(jsonParseFloor, file)).resolves.toBe('');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    await expect(outputOf(jsonParseFloor, broken)).rejects.toThrow();
  });
});
