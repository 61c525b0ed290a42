import { mkdtemp, writeFile, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { loadRealmFile, loadRealmText } from '../../../model/load.ts';
import { BAD_INPUTS } from './bad-inputs.ts';

/** The problems a call reports, formatted as validate prints them; fails the test if it succeeds or crashes. */
export function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputErrors) return error.errors.map((problem) => problem.format());
    if (error instanceof InputError) return [error.format()];
    throw error;
  }
  throw new Error('expected an input error, but the input loaded');
}

describe('every kind of bad input is one clear InputError with file, line, column and key', () => {
  it.each(BAD_INPUTS.map((input) => [input.kind, input] as const))('%s', (_kind, input) => {
    const problems = problemsOf(() => loadRealmText(input.text, input.file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(input.expected);
  });
});

describe('a mapping key that is not plain text is refused before conversion', () => {
  const cases = [
    [
      'a list (block)',
      'list.yaml',
      'realm: acme\n? [a, b]\n: 1\n',
      /^list\.yaml:2:3: mapping keys must be plain text, not a list — /,
    ],
    [
      'a list (flow)',
      'flow.yaml',
      'realm: acme\nsessions: {[a]: 1}\n',
      /^flow\.yaml:2:12: sessions: mapping keys must be plain text, not a list — /,
    ],
    [
      'a mapping in a realm export',
      'export.yaml',
      '- realm: acme\n  id: acme\n  ? {a: 1}\n  : 2\n',
      /^export\.yaml:3:5: \[0\]: mapping keys must be plain text, not a mapping — /,
    ],
    [
      'binary data',
      'binary.yaml',
      'realm: acme\n!!binary cmVhbG0=: x\n',
      /^binary\.yaml:2:10: mapping keys must be plain text, not binary data — /,
    ],
    [
      'a timestamp',
      'date.yaml',
      'realm: acme\n!!timestamp 2001-12-14: x\n',
      /^date\.yaml:2:13: mapping keys must be plain text, not a timestamp — /,
    ],
  ] as const;

  it.each(cases)('%s: one InputError, and yaml prints no "stringified" warning', (_what, file, text, expected) => {
    // yaml warns through process.emitWarning when toJS meets an object key; the loader must refuse it first.
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      const problems = problemsOf(() => loadRealmText(text, file));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(expected);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('numbers, booleans and null keys stay plain scalars (no error, no warning)', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      // Unknown keys, so a schema error, but not a key-form error.
      const problems = problemsOf(() => loadRealmText('realm: acme\n1: x\ntrue: y\n~: z\n', 'scalars.yaml'));
      expect(problems.join('\n')).not.toContain('mapping keys must be plain text');
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('all schema problems of a file are reported together', () => {
  it('collects unknown keys, wrong types and bad durations in document order', () => {
    const text = [
      'realm: acme',
      'profil: strict',
      'tokens:',
      '  accessTokenLifespan: 5x',
      '  revokeRefreshToken: yes',
      'clients:',
      '  - clientId: web',
      '    pkce: s256',
      '    redirectUris: https://one.example',
    ].join('\n');
    const problems = problemsOf(() => loadRealmText(text, 'many.yaml'));
    expect(problems).toEqual([
      "many.yaml:2:1: profil: unknown key 'profil' — did you mean 'profile'?",
      expect.stringMatching(/^many\.yaml:4:3: tokens\.accessTokenLifespan: bad duration '5x' — /),
      expect.stringMatching(/^many\.yaml:5:3: tokens\.revokeRefreshToken: expected true or false, got the text 'yes'/),
      expect.stringMatching(
        /^many\.yaml:8:5: clients\[0\]\.pkce: the text 's256' is not allowed here — did you mean 'S256'\?/,
      ),
      expect.stringMatching(
        /^many\.yaml:9:5: clients\[0\]\.redirectUris: expected a list, got the text 'https:\/\/one\.example'/,
      ),
    ]);
  });

  it('collects the problems of every realm in a multi-realm export', () => {
    const text = JSON.stringify(
      [
        { realm: 'a', enabled: 'yes' },
        { realm: 'b', clients: [{ clientId: 7 }] },
      ],
      null,
      2,
    );
    const problems = problemsOf(() => loadRealmText(text, 'two.json'));
    expect(problems).toEqual([
      expect.stringMatching(/^two\.json:4:5: \[0\]\.enabled: expected true or false/),
      expect.stringMatching(/^two\.json:10:9: \[1\]\.clients\[0\]\.clientId: expected text, got number 7/),
    ]);
  });

  it('semantic problems (after the schema) are collected too', () => {
    const text = [
      'realm: acme',
      'keys:',
      '  providers:',
      '    - name: k1',
      '      state: active',
      '      passiveSince: 2026-01-01',
      '    - name: k1',
      'clients:',
      '  - clientId: spa',
      '    type: public',
      '    authenticator: client-jwt',
      '    attributes:',
      '      pkce.code.challenge.method: S256',
      'tokenVersionClaim:',
      '  clients: [sap]',
    ].join('\n');
    const problems = problemsOf(() => loadRealmText(text, 'semantic.yaml'));
    expect(problems).toEqual([
      expect.stringMatching(/^semantic\.yaml:7:7: keys\.providers\[1\]\.name: key provider 'k1' is declared twice/),
      expect.stringMatching(
        /^semantic\.yaml:6:7: keys\.providers\[0\]\.passiveSince: 'passiveSince' is only meaningful for a passive key \(this one is active\)/,
      ),
      expect.stringMatching(/^semantic\.yaml:11:5: clients\[0\]\.authenticator: a public client does not authenticate/),
      "semantic.yaml:13:7: clients[0].attributes[\"pkce.code.challenge.method\"]: the attribute 'pkce.code.challenge.method' is set through the client option 'pkce' — write pkce: … instead",
      "semantic.yaml:15:13: tokenVersionClaim.clients[0]: 'sap' is not a client of this baseline — did you mean 'spa'?",
    ]);
  });
});

describe('file-system problems', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'realmguard-model-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing file', async () => {
    await expect(loadRealmFile(join(dir, 'nope.yaml'))).rejects.toThrow(InputError);
    await expect(loadRealmFile(join(dir, 'nope.yaml'))).rejects.toMatchObject({ message: 'no such file' });
  });

  it('a directory', async () => {
    await mkdir(join(dir, 'sub'));
    await expect(loadRealmFile(join(dir, 'sub'))).rejects.toMatchObject({ message: 'is a directory, not a file' });
  });

  it('a binary file', async () => {
    await writeFile(join(dir, 'bin.yaml'), Buffer.from([0x72, 0x00, 0x01, 0xff]));
    await expect(loadRealmFile(join(dir, 'bin.yaml'))).rejects.toMatchObject({
      message: 'is a binary file, not YAML or JSON text',
    });
  });

  it('a UTF-8 byte-order mark is ignored', async () => {
    await writeFile(join(dir, 'bom.yaml'), '\ufeffrealm: bom\n');
    const [loaded] = await loadRealmFile(join(dir, 'bom.yaml'));
    expect(loaded?.settings.realm).toBe('bom');
  });
});

describe('a value under a secret key is never repeated in a message', () => {
  it.each([
    ['an HMAC secret', 'secret'],
    ['a private key', 'privateKey'],
    ['a keystore password', 'keystorePassword'],
  ])('%s given as text instead of a list', (_what, key) => {
    const secret = 'Zx9S3cr3tKeyMaterial0123456789abcdefghijklmnop';
    const text = JSON.stringify(
      {
        realm: 'acme',
        components: {
          'org.keycloak.keys.KeyProvider': [{ name: 'k', providerId: 'hmac-generated', config: { [key]: secret } }],
        },
      },
      null,
      2,
    );
    const problems = problemsOf(() => loadRealmText(text, 'export.json'));
    expect(problems).toEqual([
      `export.json:9:11: components["org.keycloak.keys.KeyProvider"][0].config.${key}: expected a list, got text (not shown: a secret) — write a list, e.g. [a, b] or one "- item" per line`,
    ]);
    expect(problems.join('\n')).not.toContain(secret.slice(0, 12));
  });

  it('values of keys that only sound secret are still shown', () => {
    const text = 'realm: acme\nkeys:\n  providers:\n    - name: h\n      type: hmac-generated\n      secretSize: big\n';
    expect(problemsOf(() => loadRealmText(text, 'baseline.yaml'))).toEqual([
      expect.stringContaining("got the text 'big'"),
    ]);
  });
});
