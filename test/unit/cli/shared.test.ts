/** The pieces check, diff, audit and incident share: --fail-on, whole-number options, loading every file. */
import { describe, expect, it } from 'vitest';
import { failsAt, loadEveryFile, wholeNumber } from '../../../cli/commands/shared.ts';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { runCli } from '../review/run-cli.ts';

describe('failsAt', () => {
  const findings = [{ severity: 'medium' as const }, { severity: 'low' as const }];
  it('fails at or above the threshold, never with none', () => {
    expect(failsAt(findings, 'medium')).toBe(true);
    expect(failsAt(findings, 'high')).toBe(false);
    expect(failsAt(findings, 'none')).toBe(false);
    expect(failsAt([], 'info')).toBe(false);
  });
});

describe('wholeNumber', () => {
  it('takes whole numbers from the minimum up and names the option otherwise', () => {
    expect(wholeNumber('--retries', 0)('0')).toBe(0);
    expect(wholeNumber('--timeout', 1, 'milliseconds')('2500')).toBe(2500);
    expect(() => wholeNumber('--retries', 0)('-1')).toThrow("--retries must be a whole number, got '-1'");
    expect(() => wholeNumber('--concurrency', 1)('1.5')).toThrow(
      "--concurrency must be a positive whole number, got '1.5'",
    );
    expect(() => wholeNumber('--timeout', 1, 'milliseconds')('soon')).toThrow(InputError);
  });

  it('a bad incident --retries is one line and exit 2, nothing sent', { timeout: 60_000 }, async () => {
    const run = await runCli(['incident', 'sessions', '--realm', 'shop', '--user', 'alice', '--retries', 'many'], {
      env: { KEYCLOAK_URL: 'http://127.0.0.1:9' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe("realmguard: --retries must be a whole number, got 'many'");
  });
});

describe('loadEveryFile', () => {
  it('reports the problems of every file together', async () => {
    const error = await loadEveryFile(['/nonexistent/a.yaml', '/nonexistent/b.yaml']).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputErrors);
    expect((error as InputErrors).errors.map((item) => item.location.file)).toEqual([
      '/nonexistent/a.yaml',
      '/nonexistent/b.yaml',
    ]);
  });
});
