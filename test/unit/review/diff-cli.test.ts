/**
 * `realmguard diff` through the real command line: formats, exit codes, and one clear line with
 * exit code 2 for each kind of bad input.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../../cli/format/review/markdown.ts';
import { diffReport } from '../../support/json-reports.ts';
import { FIXTURES, runCli } from './run-cli.ts';

const BASE = join(FIXTURES, 'shop-base.yaml');
const HEAD = join(FIXTURES, 'shop-head.yaml');
/** Each run starts node and tsx: seconds on a busy machine. */
const SLOW = { timeout: 120_000 };

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'realmguard-diff-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('realmguard diff: formats', SLOW, () => {
  it('markdown: marker, verdict line, change table, findings linked to --rules-url', async () => {
    const run = await runCli([
      'diff',
      BASE,
      HEAD,
      '--format',
      'markdown',
      '--rules-url',
      'https://example.org/rules.md',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[3]).toMatch(/^⚠️ \*\*weakens 4 settings, introduces 1 critical, \d+ high/);
    expect(run.stdout).toContain(
      '| ⚠️ weakens | shop | realm settings | `accessTokenLifespan` | `300 (5m)` → `3600 (1h)` |',
    );
    expect(run.stdout).toContain('| ⚠️ weakens | shop | client legacy | `(client)` |');
    expect(run.stdout).toContain('| 🛡️ strengthens | shop | client spa | `(client)` |');
    expect(run.stdout).toContain('[password-grant](https://example.org/rules.md#password-grant)');
    expect(run.stdout).toContain('#### Findings resolved');
  });

  it('json: a document with the summary, the changes and the findings', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--format', 'json']);
    expect(run.code).toBe(0);
    const document = diffReport(run.stdout);
    expect(document).toMatchObject({
      tool: 'realmguard',
      command: 'diff',
      summary: { weakens: 4, strengthens: 1, neutral: 0 },
    });
    expect(document.changes.map((change) => change.setting)).toContain('revokeRefreshToken');
    expect(document.findings.introduced.map((finding) => finding.ruleId)).toEqual(
      expect.arrayContaining([
        'redirect-uri-wildcard',
        'password-grant',
        'access-token-lifespan',
        'refresh-token-rotation',
      ]),
    );
  });

  it('text (the default): verdict and one line per change', async () => {
    const run = await runCli(['diff', BASE, HEAD]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^realmguard diff: weakens 4 settings/);
    expect(run.stdout).toContain('shop: client web: redirectUris: — → https://*');
  });

  it('two realm exports (JSON): realm settings, a key rotation, the findings they bring', async () => {
    const run = await runCli([
      'diff',
      join(FIXTURES, 'export-before.json'),
      join(FIXTURES, 'export-after.json'),
      '--format',
      'json',
      '--fail-on',
      'critical',
    ]);
    expect(run.code).toBe(1);
    const document = diffReport(run.stdout);
    const changes = document.changes.map((change) => `${change.entity.id} ${change.setting} ${change.effect}`);
    expect(changes).toEqual([
      'billing eventsEnabled weakens',
      'billing sslRequired weakens',
      'rsa-2026 active neutral',
      'rsa-2027 (key provider) neutral',
    ]);
    expect(document.findings.introduced.map((finding) => finding.ruleId)).toEqual([
      'ssl-required',
      'login-events',
      'watch-events',
    ]);
    expect(document.changes[1]!.location).toMatchObject({
      file: expect.stringMatching(/export-after\.json$/) as unknown,
      line: 5,
    });
  });

  it('--output writes the report to a file and prints nothing', async () => {
    const output = join(scratch, 'review.md');
    const run = await runCli(['diff', BASE, HEAD, '--format', 'markdown', '--output', output]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect((await readFile(output, 'utf8')).startsWith(COMMENT_MARKER)).toBe(true);
  });
});

describe('realmguard diff: exit codes', SLOW, () => {
  it('0 without a fail option, even when the change weakens', async () => {
    expect((await runCli(['diff', BASE, HEAD, '--format', 'json'])).code).toBe(0);
  });

  it('1 with --fail-on-weaken when a setting weakens; 0 when nothing does', async () => {
    expect((await runCli(['diff', BASE, HEAD, '--fail-on-weaken', '--format', 'json'])).code).toBe(1);
    // The reverse change only strengthens (and removes clients).
    expect((await runCli(['diff', HEAD, BASE, '--fail-on-weaken', '--format', 'json'])).code).toBe(0);
  });

  it('--fail-on SEVERITY: 1 when the change introduces a finding at or above it, else 0', async () => {
    expect((await runCli(['diff', BASE, HEAD, '--fail-on', 'critical', '--format', 'json'])).code).toBe(1);
    // Reversed, the change introduces a low finding (spa's unbound tokens) and an info one (spa may ask
    // for offline tokens again: offline-access-optional), and resolves the rest.
    const reverse = await runCli(['diff', HEAD, BASE, '--format', 'json']);
    const introduced = diffReport(reverse.stdout).findings.introduced.map((finding) => finding.severity);
    expect(introduced).toEqual(['low', 'info']);
    expect((await runCli(['diff', HEAD, BASE, '--fail-on', 'low', '--format', 'json'])).code).toBe(1);
    expect((await runCli(['diff', HEAD, BASE, '--fail-on', 'medium', '--format', 'json'])).code).toBe(0);
  });

  it('0 for identical inputs, with a verdict saying so', async () => {
    const run = await runCli(['diff', BASE, BASE, '--fail-on-weaken', '--fail-on', 'info', '--format', 'markdown']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✅ **no security-relevant change**');
  });
});

describe('realmguard diff --config: role grants judged with the configured sensitive roles', SLOW, () => {
  /** Base and head differ in one thing: group /staff gains orders-admin, an application role. */
  const sides = async () => {
    const file = async (name: string, text: string) => {
      const path = join(scratch, name);
      await writeFile(path, text);
      return path;
    };
    const realm = 'realm: shop\nroles:\n  realm:\n    - name: orders-admin\ngroups:\n  - name: staff\n';
    return {
      base: await file('grant-base.yaml', realm),
      head: await file('grant-head.yaml', `${realm}    realmRoles: [orders-admin]\n`),
      policy: await file(
        'grant-policy.yaml',
        'rules:\n  sensitive-role-group: { additionalSensitiveRoles: [orders-admin] }\n',
      ),
    };
  };
  const grant = (stdout: string) =>
    diffReport(stdout).changes.find((change) => change.entity.kind === 'group' && change.entity.id === '/staff');

  it('a group gaining a role the config lists weakens (exit 1 with --fail-on-weaken); without the config it is neutral', async () => {
    const { base, head, policy } = await sides();
    const plain = await runCli(['diff', base, head, '--format', 'json', '--fail-on-weaken']);
    expect(plain.code).toBe(0);
    expect(grant(plain.stdout)).toMatchObject({ after: 'orders-admin', effect: 'neutral' });
    const configured = await runCli(['diff', base, head, '--format', 'json', '--fail-on-weaken', '--config', policy]);
    expect(configured.stderr).toBe('');
    expect(configured.code).toBe(1);
    expect(grant(configured.stdout)).toMatchObject({ after: 'orders-admin', effect: 'weakens' });
  });
});

describe('realmguard diff: usage and input errors exit 2 with one clear line', SLOW, () => {
  const expectOneLine = (stderr: string, pattern: RegExp) => {
    const lines = stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('(run with --help'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
  };

  it('one file instead of two', async () => {
    const run = await runCli(['diff', BASE]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /diff needs exactly two files, BASE and HEAD \(got 1\)/);
  });

  it('a file that does not exist', async () => {
    const run = await runCli(['diff', BASE, join(scratch, 'missing.yaml')]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /missing\.yaml.*(not found|no such file|does not exist)/i);
  });

  it('a file that is not valid YAML, with its line', async () => {
    const broken = join(scratch, 'broken.yaml');
    await writeFile(broken, 'realm: shop\ntokens: [unclosed\n');
    const run = await runCli(['diff', BASE, broken]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /broken\.yaml:\d+/);
  });

  it('an unknown setting in a baseline, with its line', async () => {
    const typo = join(scratch, 'typo.yaml');
    await writeFile(typo, 'realm: shop\ntokens:\n  accessTokenLifespn: 5m\n');
    const run = await runCli(['diff', BASE, typo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/typo\.yaml:3/);
  });

  it('the same realm twice on one side', async () => {
    const twice = join(scratch, 'twice.json');
    await writeFile(
      twice,
      JSON.stringify([
        { realm: 'billing', id: 'a' },
        { realm: 'billing', id: 'b' },
      ]),
    );
    const run = await runCli(['diff', BASE, twice]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /twice\.json:1:\d+: \[1\]\.realm: realm 'billing' appears twice/);
  });

  it('a bad --format', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--format', 'html']);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /--format.*'html' is invalid/);
  });

  it('a bad --fail-on', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--fail-on', 'severe']);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /--fail-on.*'severe' is invalid/);
  });

  it('a bad --profile', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--profile', 'paranoid']);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /--profile.*'paranoid' is invalid/);
  });

  it('a --config that does not exist', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--config', join(scratch, 'policy.yaml')]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /policy\.yaml: config file not found — pass an existing YAML file to --config/);
  });

  it('a bad --rules-url', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--rules-url', 'docs/rules.md']);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /--rules-url must be an http\(s\) URL, got 'docs\/rules\.md'/);
  });

  it('an --output that cannot be written', async () => {
    const run = await runCli(['diff', BASE, HEAD, '--output', join(scratch, 'no-such-dir', 'x.md')]);
    expect(run.code).toBe(2);
    expectOneLine(run.stderr, /cannot write the report \(ENOENT\)/);
  });
});
