/**
 * realmguard validate through the real command line (node bin/realmguard.js, Node 22) and
 * through its function: valid files print `FILE: valid (…)` and exit 0; every kind of bad input
 * prints one line `file:line:col: key: message — what to do` per problem and exits 2, with no
 * stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../../cli/commands/validate.ts';
import { InputErrors } from '../../../model/errors.ts';
import { BAD_INPUTS } from './bad-inputs.ts';

const BIN = fileURLToPath(new URL('../../../bin/realmguard.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function realmguard(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
beforeAll(async () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(22); // run through scripts/with-node22.sh
  dir = await mkdtemp(join(tmpdir(), 'realmguard-validate-'));
  for (const input of BAD_INPUTS) await writeFile(join(dir, input.file), input.text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('realmguard validate (CLI)', () => {
  it('valid baselines and a realm export: one line each, exit 0', async () => {
    const run = await realmguard(
      [
        'validate',
        'baselines/hardened.yaml',
        'baselines/strict-fapi.yaml',
        'baselines/weak-legacy.yaml',
        'test/fixtures/exports/stock-realm.json',
      ],
      ROOT,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n')).toEqual([
      "baselines/hardened.yaml: valid (1 realm: baseline 'acme', profile baseline)",
      "baselines/strict-fapi.yaml: valid (1 realm: baseline 'bank', profile strict)",
      "baselines/weak-legacy.yaml: valid (1 realm: baseline 'legacy', profile baseline)",
      "test/fixtures/exports/stock-realm.json: valid (1 realm: realm export 'stock')",
    ]);
    expect(run.code).toBe(0);
  });

  it.each(BAD_INPUTS.map((input) => [input.kind, input] as const))(
    '%s: one line, exit 2, no stack trace',
    async (_kind, input) => {
      const run = await realmguard(['validate', input.file], dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr
        .trim()
        .split('\n')
        .filter((line) => line.trim() !== 'realmguard:');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.replace(/^realmguard: /, '')).toMatch(input.expected);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    },
  );

  it('mapping keys that are lists, mappings, aliases or tagged values: one line each, exit 2, no yaml "stringified" warning', async () => {
    await writeFile(join(dir, 'datekey.yaml'), 'realm: acme\n!!timestamp 2001-12-14: x\n');
    const run = await realmguard(
      ['validate', 'listkey.yaml', 'mapkey-export.yaml', 'binkey.yaml', 'aliaskey.yaml', 'datekey.yaml'],
      dir,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(/stringified|Warning/);
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== 'realmguard:');
    expect(lines).toEqual([
      expect.stringMatching(/^listkey\.yaml:3:5: tokens: mapping keys must be plain text, not a list — /),
      expect.stringMatching(/^mapkey-export\.yaml:3:14: attributes: mapping keys must be plain text, not a mapping — /),
      expect.stringMatching(/^binkey\.yaml:2:10: mapping keys must be plain text, not binary data — /),
      expect.stringMatching(
        /^aliaskey\.yaml:4:5: clients\[0\]: mapping keys must be plain text, not an alias \(\*r\) — /,
      ),
      expect.stringMatching(/^datekey\.yaml:2:13: mapping keys must be plain text, not a timestamp — /),
    ]);
  });

  it('a missing file', async () => {
    const run = await realmguard(['validate', 'no-such-baseline.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'realmguard: no-such-baseline.yaml: no such file — check the path (it is relative to the current directory)\n',
    );
  });

  it('good and bad files together: the good ones are reported valid, every problem listed, exit 2', async () => {
    await writeFile(join(dir, 'good.yaml'), 'realm: good\n');
    const run = await realmguard(['validate', 'good.yaml', 'typo.yaml', 'dup.json', 'missing.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("good.yaml: valid (1 realm: baseline 'good', profile baseline)\n");
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((line) => line.trim() !== 'realmguard:');
    expect(lines).toEqual([
      expect.stringMatching(/^typo\.yaml:3:3: tokens\.acessTokenLifespan: unknown key/),
      expect.stringMatching(/^dup\.json:3:3: realm: duplicate key 'realm'/),
      expect.stringMatching(/^missing\.yaml: no such file/),
    ]);
  });

  it('no file at all is a usage error', async () => {
    const run = await realmguard(['validate'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument 'files'/);
  });
});

describe('validate() (the function)', () => {
  it('returns 0 and prints one line per valid file', async () => {
    const printed: string[] = [];
    await expect(validate([join(ROOT, 'baselines/hardened.yaml')], (line) => printed.push(line))).resolves.toBe(0);
    expect(printed).toEqual([
      `${join(ROOT, 'baselines/hardened.yaml')}: valid (1 realm: baseline 'acme', profile baseline)`,
    ]);
  });

  it('throws InputErrors with every problem of every file', async () => {
    const files = BAD_INPUTS.map((input) => join(dir, input.file));
    const error = await validate(files, () => {}).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(InputErrors);
    const lines = (error as InputErrors).errors.map((problem) => problem.format().replace(`${dir}/`, ''));
    expect(lines).toHaveLength(BAD_INPUTS.length);
    BAD_INPUTS.forEach((input, index) => expect(lines[index]).toMatch(input.expected));
  });
});
