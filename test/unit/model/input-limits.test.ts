/**
 * Issue 10 item 5: inputs that cannot hurt. Nesting deeper than the limit, bytes that are not
 * UTF-8 and numbers beyond 2^53 are each refused with file:line:column, through the loaders, the
 * policy config and the real command line (exit 2, no "internal error").
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { loadRealmText } from '../../../model/load.ts';
import { MAX_NESTING_DEPTH } from '../../../model/source/limits.ts';
import { readTextFile } from '../../../model/source/read-file.ts';
import { decodeUtf8 } from '../../../model/source/utf8.ts';
import { parsePolicyConfig } from '../../../policies/config.ts';
import { crashOf, runMain } from '../fuzz/run-main.ts';

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.format();
    if (error instanceof InputErrors) return error.message;
    throw error;
  }
  throw new Error('no input error');
}

const DEEP = 20_000;

describe('nesting limit', () => {
  it.each([
    [
      'deep.json',
      `{"realm": "x", "clients": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
      /^deep\.json:1:\d+: lists and mappings nest more than 100 levels deep here/,
    ],
    [
      'deep.yaml',
      `realm: x\nclients: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
      /^deep\.yaml:2:\d+: lists and mappings nest more than 100 levels/,
    ],
    [
      'block.yaml',
      `realm: x\nclients:\n${Array.from({ length: 500 }, (_, index) => `${' '.repeat(index + 1)}- `).join('\n')}x\n`,
      /^block\.yaml:\d+:\d+: lists and mappings nest more than 100/,
    ],
    ['compact.yaml', `${'- '.repeat(DEEP)}x\n`, /^compact\.yaml:1:\d+: lists and mappings nest more than 100/],
    ['flowmap.yaml', '{a: '.repeat(DEEP), /^flowmap\.yaml:1:\d+: lists and mappings nest/],
    ['objects.json', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`, /^objects\.json:1:\d+: lists and mappings nest/],
  ])('%s: one located error, no stack overflow', (file, text, expected) => {
    expect(problemOf(() => loadRealmText(text, file))).toMatch(expected);
  });

  it('the limit itself is accepted: 100 levels load, 101 do not', () => {
    const nested = (depth: number) => `{"realm": "x", "attributes": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    expect(loadRealmText(nested(MAX_NESTING_DEPTH), 'ok.json')).toHaveLength(1);
    expect(problemOf(() => loadRealmText(nested(MAX_NESTING_DEPTH + 1), 'no.json'))).toMatch(
      /^no\.json:1:129: lists and mappings nest more than 100/,
    );
  });

  it('the policy config has the same limit', () => {
    expect(problemOf(() => parsePolicyConfig(`rules: ${'['.repeat(DEEP)}`, 'config.yaml'))).toMatch(
      /^config\.yaml:1:\d+: lists and mappings nest more than 100/,
    );
  });
});

describe('numbers beyond 2^53', () => {
  it.each([
    [
      'big.json',
      '{"realm": "x",\n  "accessTokenLifespan": 9223372036854775808}',
      'big.json:2:26: accessTokenLifespan: the number 9223372036854775808 is too large to be read exactly',
    ],
    [
      'big.yaml',
      'realm: x\naccessTokenLifespan: 9223372036854775808\n',
      'big.yaml:2:22: accessTokenLifespan: the number 9223372036854775808 is too large',
    ],
    [
      'float.json',
      '{"realm": "x", "clients": [{"clientId": "a", "notBefore": 1e400}]}',
      'float.json:1:59: clients[0].notBefore: the number 1e400 is too large',
    ],
    [
      'nearly.json',
      '{"realm": "x", "accessTokenLifespan": 9007199254740993}',
      'nearly.json:1:39: accessTokenLifespan: the number 9007199254740993 is too large',
    ],
    ['key.yaml', 'realm: x\n99999999999999999999: 1\n', 'key.yaml:2:1: the number 99999999999999999999 is too large'],
  ])('%s: refused with its position, never rounded', (file, text, expected) => {
    expect(problemOf(() => loadRealmText(text, file))).toContain(expected);
  });

  it('the largest safe integer is read as it is', () => {
    // Not a valid lifespan (the schema or durations refuse it later), but not rounded either.
    expect(() => loadRealmText('{"realm": "x", "notBefore": 9007199254740991}', 'safe.json')).not.toThrow(
      /too large to be read exactly/,
    );
  });
});

describe('UTF-8', () => {
  const latin1 = Buffer.concat([
    Buffer.from('realm: acme\nclients:\n  - clientId: caf'),
    Buffer.from([0xe9]),
    Buffer.from('\n'),
  ]);

  it.each([
    ['Latin-1', latin1, 'latin1.yaml:3:18: is not UTF-8 text: the bytes at offset 38 (e9 0a) do not decode'],
    [
      'UTF-16 with a BOM',
      Buffer.from('\ufeffrealm: x\n', 'utf16le'),
      'utf16.yaml:1:1: is not UTF-8 text (it looks like UTF-16)',
    ],
    [
      'a sequence cut off at the end',
      Buffer.concat([Buffer.from('realm: x\n#'), Buffer.from([0xe2, 0x82])]),
      'cut.yaml:2:2: is not UTF-8 text: the bytes at offset 10 (e2 82)',
    ],
    [
      'an encoded surrogate',
      Buffer.concat([Buffer.from('realm: "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"\n')]),
      'surrogate.yaml:1:9: is not UTF-8 text',
    ],
  ])('%s: refused at the first bad byte', (_name, bytes, expected) => {
    const file = expected.split(':')[0]!;
    expect(problemOf(() => decodeUtf8(bytes, file))).toContain(expected);
  });

  it('a byte-order mark is dropped and multi-byte text kept', () => {
    expect(decodeUtf8(Buffer.from('\ufeffrealm: café 日本\n'), 'bom.yaml')).toBe('realm: café 日本\n');
  });

  it('a bad byte far into a large file is located by line', () => {
    const bytes = Buffer.concat([Buffer.from(`${'x'.repeat(200_000)}\n\n\n`), Buffer.from([0xc0, 0xaf])]);
    expect(problemOf(() => decodeUtf8(bytes, 'big.yaml'))).toContain(
      'big.yaml:4:1: is not UTF-8 text: the bytes at offset 200003 (c0 af)',
    );
  });
});

describe('through the real command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'realmguard-limits-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    [
      'deep.json',
      `{"realm": "x", "clients": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`,
      'lists and mappings nest more than 100 levels',
    ],
    [
      'deep.yaml',
      `realm: x\nclients: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
      'lists and mappings nest more than 100 levels',
    ],
    [
      'latin1.yaml',
      Buffer.concat([Buffer.from('realm: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'latin1.yaml:1:11: is not UTF-8 text',
    ],
    [
      'big.json',
      '{"realm": "x", "accessTokenLifespan": 9223372036854775808}',
      'the number 9223372036854775808 is too large',
    ],
  ])('validate and check %s: exit 2, one located line, no internal error', async (name, content, expected) => {
    const file = join(dir, name);
    await writeFile(file, content);
    for (const args of [
      ['validate', file],
      ['check', file],
      ['check', '--format', 'json', file],
    ]) {
      const run = await runMain(args);
      expect(crashOf(run)).toBeUndefined();
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(expected);
    }
  });

  it('the policy config: a Latin-1 file is refused with its position', async () => {
    const config = join(dir, 'config.yaml');
    await writeFile(
      config,
      Buffer.concat([
        Buffer.from('suppressions:\n  - { rule: password-grant, reason: "caf'),
        Buffer.from([0xe9]),
        Buffer.from('" }\n'),
      ]),
    );
    const run = await runMain(['check', '--config', config, 'baselines/hardened.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('config.yaml:2:41: is not UTF-8 text');
  });

  it('readTextFile reads a valid file unchanged', async () => {
    const file = join(dir, 'ok.yaml');
    await writeFile(file, 'realm: ok # ünïcødé\n');
    expect(await readTextFile(file)).toBe('realm: ok # ünïcødé\n');
  });
});
