/** A bad issue-14 key through the real command line: one line naming file, line, column and key; exit 2; no stack trace. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnRealmguard } from '../../../support/realmguard-process.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'realmguard-entities-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('realmguard validate on a baseline with a bad entity key', () => {
  it('an IdP option misspelt and a secret in an IdP config: one line each, exit 2, the secret never printed', async () => {
    const file = join(dir, 'idp.yaml');
    await writeFile(
      file,
      [
        'realm: acme',
        'identityProviders:',
        '  - alias: corp',
        '    type: oidc',
        '    validateSignatures: true',
        '  - alias: gh',
        '    type: github',
        '    config: { clientSecret: hunter2 }',
        '',
      ].join('\n'),
    );
    const run = await spawnRealmguard(['validate', file], { env: { ...process.env, NO_COLOR: '1' } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((line) => line.replace(/^realmguard: /, ''))
      .filter((line) => line.trim() !== 'realmguard:');
    expect(lines).toEqual([
      expect.stringMatching(
        /idp\.yaml:5:5: identityProviders\[0\]\.validateSignatures: unknown key.*'validateSignature'/,
      ),
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    // the schema error stops the file before conversion; the secret is refused there next time, never echoed
    expect(run.stderr).not.toContain('hunter2');
  });
});
