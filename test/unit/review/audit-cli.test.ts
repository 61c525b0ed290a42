/**
 * `realmguard audit` input errors that need no server: each is one line, exit code 2, and
 * nothing is sent (the URL points at a port nothing listens on, so a request would fail
 * differently). The live behaviour is proven in test/integration/review/audit.test.ts.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './run-cli.ts';

const SECRET = 'not-a-real-secret-0123456789';
const ENV = {
  KEYCLOAK_URL: 'http://127.0.0.1:1',
  KEYCLOAK_REALM: 'master',
  KEYCLOAK_CLIENT_ID: 'auditor',
  KEYCLOAK_CLIENT_SECRET: SECRET,
  KEYCLOAK_USER: '',
  KEYCLOAK_PASSWORD: '',
};

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'realmguard-audit-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function failsWith(args: string[], env: NodeJS.ProcessEnv, pattern: RegExp): Promise<void> {
  const run = await runCli(['audit', ...args], { env });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('(run with --help'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toContain(SECRET);
}

describe('realmguard audit: usage and input errors exit 2 with one line', { timeout: 120_000 }, () => {
  it('no --realm', async () => {
    await failsWith([], ENV, /required option '--realm <realm>' not specified/);
  });

  it('no KEYCLOAK_URL', async () => {
    await failsWith(['--realm', 'shop'], { ...ENV, KEYCLOAK_URL: '' }, /KEYCLOAK_URL: no Keycloak URL given/);
  });

  it('plain http to a non-loopback host, unless --allow-insecure-http', async () => {
    await failsWith(
      ['--realm', 'shop'],
      { ...ENV, KEYCLOAK_URL: 'http://sso.example.com' },
      /refusing plain http:\/\/ to sso\.example\.com.*--allow-insecure-http/,
    );
  });

  it('no credentials', async () => {
    await failsWith(
      ['--realm', 'shop'],
      { ...ENV, KEYCLOAK_CLIENT_ID: '', KEYCLOAK_CLIENT_SECRET: '' },
      /no admin credentials — set KEYCLOAK_CLIENT_ID and KEYCLOAK_CLIENT_SECRET/,
    );
  });

  it('a bad --format, --fail-on or --timeout', async () => {
    await failsWith(['--realm', 'shop', '--format', 'html'], ENV, /--format.*'html' is invalid/);
    await failsWith(['--realm', 'shop', '--fail-on', 'severe'], ENV, /--fail-on.*'severe' is invalid/);
    await failsWith(
      ['--realm', 'shop', '--timeout', '0'],
      ENV,
      /--timeout must be a positive whole number of milliseconds, got '0'/,
    );
  });

  it('a baseline that does not exist, or declares another realm', async () => {
    await failsWith(['--realm', 'shop', '--baseline', join(scratch, 'missing.yaml')], ENV, /missing\.yaml/);
    await failsWith(
      ['--realm', 'other', '--baseline', join(FIXTURES, 'shop-base.yaml')],
      ENV,
      /shop-base\.yaml: the baseline declares 'shop', not realm 'other'/,
    );
  });

  it('a broken baseline, with its line', async () => {
    const broken = join(scratch, 'broken.yaml');
    await writeFile(broken, 'realm: shop\nsecurity:\n  sslRequired: sometimes\n');
    await failsWith(['--realm', 'shop', '--baseline', broken], ENV, /broken\.yaml:3/);
  });
});
