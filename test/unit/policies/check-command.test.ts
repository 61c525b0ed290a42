/**
 * `realmguard check` end to end: real files through the CLI's own main() (in-process, to spare
 * the shared CPU), plus the real binary for the exit code; every option, exit codes 0 / 1 / 2,
 * and one clear line for each bad input.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'realmguard-check-'));

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function realmguard(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((stderr += String(chunk)), true),
  );
  process.exitCode = undefined;
  const code = await main(['node', 'realmguard', 'check', ...args]);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('realmguard check', () => {
  it('exits 0 on the hardened baseline (nothing at medium or above) and 1 on the weak one', async () => {
    const hardened = await realmguard(['baselines/hardened.yaml']);
    expect(hardened.code).toBe(0);
    expect(hardened.stdout).not.toMatch(/CRITICAL|HIGH|MEDIUM/);
    expect(hardened.stdout).toMatch(/realm acme \(baselines\/hardened\.yaml, profile baseline\)/);
    const weak = await realmguard(['baselines/weak-legacy.yaml']);
    expect(weak.code).toBe(1);
    expect(weak.stdout).toMatch(/CRITICAL ssl-required .*\n +baselines\/weak-legacy\.yaml:25:3/);
  });

  it('--fail-on moves the threshold; none never fails', async () => {
    expect((await realmguard(['test/fixtures/exports/stock-realm.json', '--fail-on', 'low'])).code).toBe(1);
    expect((await realmguard(['baselines/weak-legacy.yaml', '--fail-on', 'none'])).code).toBe(0);
    expect((await realmguard(['test/fixtures/exports/stock-realm.json', '--fail-on', 'critical'])).code).toBe(0);
    expect((await realmguard(['test/fixtures/exports/stock-realm.json', '--fail-on', 'high'])).code).toBe(1);
  });

  it('--profile strict overrides the file’s own profile', async () => {
    const strict = await realmguard(['baselines/hardened.yaml', '--profile', 'strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('profile strict');
  });

  it('checks several files, baselines and exports, in one run', async () => {
    const result = await realmguard([
      'baselines/hardened.yaml',
      'test/fixtures/exports/stock-realm.json',
      '--format',
      'json',
    ]);
    const document = JSON.parse(result.stdout) as {
      realms: Array<{ realm: string }>;
      findings: Array<{ realm: string }>;
    };
    expect(document.realms.map((realm) => realm.realm)).toEqual(['acme', 'stock']);
    expect(new Set(document.findings.map((finding) => finding.realm))).toEqual(new Set(['acme', 'stock']));
  });

  it('writes any format to --output, without color', async () => {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const output = join(dir, `report.${format}`);
      const result = await realmguard(['baselines/weak-legacy.yaml', '--format', format, '--output', output]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const report = readFileSync(output, 'utf8');
      expect(report).not.toContain('\u001b[');
      if (format === 'json' || format === 'sarif') expect((): unknown => JSON.parse(report)).not.toThrow();
    }
    expect(readFileSync(join(dir, 'report.sarif'), 'utf8')).toContain('"version": "2.1.0"');
    expect(readFileSync(join(dir, 'report.markdown'), 'utf8')).toMatch(/^### realmguard check/);
  });

  it('applies --config: parameters, disabled rules, suppressions; reports an expired one', async () => {
    type Report = {
      findings: Array<{ ruleId: string; entity: { id: string } | null }>;
      suppressed: Array<{ ruleId: string; reason: string }>;
      expiredSuppressions: Array<{ rule: string }>;
    };
    const ids = (report: Report) =>
      report.findings.map((finding) => `${finding.ruleId}${finding.entity ? ` @${finding.entity.id}` : ''}`);
    const config = file(
      'config.yaml',
      [
        'rules:',
        '  access-token-lifespan: { max: 7200 }',
        '  client-authentication: disabled',
        'suppressions:',
        '  - { rule: password-grant, entity: legacy-portal, reason: "vendor CLI, replaced in Q1", expires: 2999-12-31 }',
        '  - { rule: implicit-flow, entity: legacy-portal, reason: "expired on purpose", expires: 2020-01-01 }',
      ].join('\n'),
    );
    const plain = JSON.parse((await realmguard(['baselines/weak-legacy.yaml', '--format', 'json'])).stdout) as Report;
    const result = await realmguard(['baselines/weak-legacy.yaml', '--config', config, '--format', 'json']);
    const configured = JSON.parse(result.stdout) as Report;
    expect(ids(plain)).toEqual(
      expect.arrayContaining([
        'access-token-lifespan',
        'client-authentication @partner-sso',
        'password-grant @legacy-portal',
        'implicit-flow @legacy-portal',
      ]),
    );
    const removed = ['access-token-lifespan', 'client-authentication @partner-sso', 'password-grant @legacy-portal'];
    expect(ids(configured)).toEqual(ids(plain).filter((id) => !removed.includes(id)));
    expect(configured.suppressed).toEqual([
      expect.objectContaining({ ruleId: 'password-grant', reason: 'vendor CLI, replaced in Q1' }),
    ]);
    expect(configured.expiredSuppressions.map((entry) => entry.rule)).toEqual(['implicit-flow']);
    expect(result.stderr).toContain('suppression of implicit-flow for legacy-portal expired on 2020-01-01');
    expect(result.code).toBe(1);
  });

  it.each([
    ['an unknown --format', ['baselines/hardened.yaml', '--format', 'xml'], /argument 'xml' is invalid/],
    ['an unknown --fail-on', ['baselines/hardened.yaml', '--fail-on', 'severe'], /argument 'severe' is invalid/],
    ['an unknown --profile', ['baselines/hardened.yaml', '--profile', 'paranoid'], /argument 'paranoid' is invalid/],
    ['no file', [], /missing required argument/],
    ['a missing file', ['baselines/nope.yaml'], /baselines\/nope\.yaml/],
    ['a missing config', ['baselines/hardened.yaml', '--config', 'nope.yaml'], /nope\.yaml: config file not found/],
  ])('exits 2 on %s', async (_name, args, message) => {
    const result = await realmguard(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a bad config with file, line and key, checking nothing', async () => {
    const config = file('bad.yaml', 'rules:\n  access-token-lifespan:\n    maximum: 600\n');
    const result = await realmguard(['baselines/weak-legacy.yaml', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      `realmguard: ${config}:3:5: rules.access-token-lifespan.maximum: rule 'access-token-lifespan' has no parameter 'maximum' — did you mean 'max'? (it takes enforcementLevel, max)`,
    );
    expect(result.stdout).toBe('');
  });

  it('exits 2 listing every bad file when several are bad, checking none', async () => {
    const broken = file('broken.json', '{ "realm": ');
    const result = await realmguard(['baselines/weak-legacy.yaml', broken, 'baselines/nope.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broken.json');
    expect(result.stderr).toContain('nope.yaml');
    expect(result.stdout).toBe('');
  });

  it('exits 2 when --output cannot be written', async () => {
    const result = await realmguard(['baselines/hardened.yaml', '--output', join(dir, 'no-such-dir', 'report.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write the report \(ENOENT\)/);
  });
});

describe('the realmguard binary', () => {
  const run = promisify(execFile);
  it('exits with the check’s code, and colors nothing when NO_COLOR is set', async () => {
    const failure = await run(process.execPath, ['bin/realmguard.js', 'check', 'baselines/weak-legacy.yaml'], {
      env: { ...process.env, NO_COLOR: '1' },
    }).catch((error: unknown) => error as { code: number; stdout: string });
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stdout: string }).stdout).toContain('CRITICAL ssl-required');
    expect((failure as { stdout: string }).stdout).not.toContain('\u001b[');
    const clean = await run(process.execPath, ['bin/realmguard.js', 'check', 'baselines/hardened.yaml']);
    expect(clean.stdout).not.toMatch(/CRITICAL|HIGH|MEDIUM/);
  });
});
