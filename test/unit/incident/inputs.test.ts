/** Pure input handling: URLs, credentials, user lists, tokens, secrets, journal resume, confirmation. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../model/errors.ts';
import { parseUserList } from '../../../incident/bulk.ts';
import { confirmRealmWide } from '../../../cli/incident/confirm.ts';
import { readSecret, readToken } from '../../../cli/incident/inputs.ts';
import { authConfigFrom, checkServerUrl, credentialsFromEnv } from '../../../keycloak/auth.ts';
import { doneInputs } from '../../../incident/journal.ts';

const dir = mkdtempSync(join(tmpdir(), 'realmguard-incident-unit-'));

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('server URL', () => {
  it('accepts https anywhere and http on loopback', () => {
    expect(checkServerUrl('https://sso.example.com/', false)).toBe('https://sso.example.com');
    expect(checkServerUrl('http://127.0.0.1:8080', false)).toBe('http://127.0.0.1:8080');
    expect(checkServerUrl('http://localhost:8080/auth/', false)).toBe('http://localhost:8080/auth');
    expect(checkServerUrl('http://[::1]:8080', false)).toBe('http://[::1]:8080');
  });

  it('refuses http to another host unless allowed', () => {
    expect(inputError(() => checkServerUrl('http://sso.example.com', false)).format()).toBe(
      'KEYCLOAK_URL: refusing plain http:// to sso.example.com: tokens and credentials would cross the network unencrypted — use https://, or pass --allow-insecure-http if you accept that risk',
    );
    expect(checkServerUrl('http://sso.example.com', true)).toBe('http://sso.example.com');
  });

  it('names a missing or malformed URL', () => {
    expect(inputError(() => checkServerUrl(undefined, false)).message).toBe('no Keycloak URL given');
    expect(inputError(() => checkServerUrl('sso', false)).message).toBe("'sso' is not a URL");
    expect(inputError(() => checkServerUrl('ftp://x', false)).message).toMatch(/unsupported scheme/);
  });
});

describe('the connection from options and environment', () => {
  it('takes --url and --auth-realm over the environment; an empty KEYCLOAK_REALM means master', () => {
    const env = {
      KEYCLOAK_URL: 'https://env.example.com',
      KEYCLOAK_REALM: '',
      KEYCLOAK_CLIENT_ID: 'bot',
      KEYCLOAK_CLIENT_SECRET: 'from-env-secret',
    };
    expect(authConfigFrom(env)).toEqual({
      url: 'https://env.example.com',
      authRealm: 'master',
      credentials: { grant: 'client_credentials', clientId: 'bot', clientSecret: 'from-env-secret' },
    });
    expect(
      authConfigFrom(
        { ...env, KEYCLOAK_REALM: 'ops' },
        { url: 'https://flag.example.com', clientSecret: 'from-file-secret' },
      ),
    ).toEqual({
      url: 'https://flag.example.com',
      authRealm: 'ops',
      credentials: { grant: 'client_credentials', clientId: 'bot', clientSecret: 'from-file-secret' },
    });
    expect(authConfigFrom(env, { authRealm: 'admins' }).authRealm).toBe('admins');
    expect(authConfigFrom({ KEYCLOAK_URL: 'https://env.example.com' }).credentials).toBeUndefined();
    expect(inputError(() => authConfigFrom({ KEYCLOAK_URL: 'http://sso.example.com' })).message).toMatch(
      /refusing plain http/,
    );
  });
});

describe('credentials', () => {
  it('prefers client credentials, falls back to user + password with admin-cli', () => {
    expect(
      credentialsFromEnv({
        KEYCLOAK_CLIENT_ID: 'bot',
        KEYCLOAK_CLIENT_SECRET: 's',
        KEYCLOAK_USER: 'u',
        KEYCLOAK_PASSWORD: 'p',
      }),
    ).toEqual({ grant: 'client_credentials', clientId: 'bot', clientSecret: 's' });
    expect(credentialsFromEnv({ KEYCLOAK_USER: 'u', KEYCLOAK_PASSWORD: 'p' })).toEqual({
      grant: 'password',
      clientId: 'admin-cli',
      username: 'u',
      password: 'p',
    });
    expect(credentialsFromEnv({ KEYCLOAK_CLIENT_ID: 'bot' }, { clientSecret: 'from-file' })).toMatchObject({
      clientSecret: 'from-file',
    });
    expect(credentialsFromEnv({})).toBeUndefined();
  });
});

describe('user lists', () => {
  it('one per line, comments and blanks ignored, duplicates once', () => {
    expect(parseUserList('# incident 7\nalice\n\n bob  # on call\nalice\r\ncarol\n', 'users.txt')).toEqual([
      'alice',
      'bob',
      'carol',
    ]);
  });

  it('an empty list is an input error', () => {
    expect(inputError(() => parseUserList('# nothing\n\n', 'users.txt')).format()).toBe(
      'users.txt: no users listed — put one username or user id per line',
    );
  });
});

describe('tokens and secrets', () => {
  it('reads a token from a file or an environment variable, not both', () => {
    const file = join(dir, 'token');
    writeFileSync(file, 'eyJ.token.value\n');
    expect(readToken({ tokenFile: file }, {})).toBe('eyJ.token.value');
    expect(readToken({ tokenEnv: 'T' }, { T: 'from-env' })).toBe('from-env');
    expect(inputError(() => readToken({ tokenEnv: 'T' }, {})).message).toBe('environment variable T is empty or unset');
    expect(inputError(() => readToken({ tokenFile: file, tokenEnv: 'T' }, { T: 'x' })).message).toBe(
      'both --token-file and --token-env given',
    );
    expect(readToken({}, {})).toBeUndefined();
  });

  it('reads a secret from the first line of a file, else from the environment', () => {
    const file = join(dir, 'secret');
    writeFileSync(file, 's3cret-value\nignored\n');
    expect(readSecret(file, '--client-secret-file', { KEYCLOAK_CLIENT_SECRET: 'env' }, 'KEYCLOAK_CLIENT_SECRET')).toBe(
      's3cret-value',
    );
    expect(
      readSecret(undefined, '--client-secret-file', { KEYCLOAK_CLIENT_SECRET: 'env' }, 'KEYCLOAK_CLIENT_SECRET'),
    ).toBe('env');
    expect(inputError(() => readSecret(join(dir, 'missing'), '--client-secret-file', {}, 'X')).format()).toMatch(
      /missing: --client-secret-file: cannot read .*missing \(ENOENT\)/,
    );
    writeFileSync(join(dir, 'empty'), '\n');
    expect(inputError(() => readSecret(join(dir, 'empty'), '--password-file', {}, 'X')).message).toMatch(/is empty$/);
  });
});

describe('resume from the journal', () => {
  it('collects the inputs, names and ids done for this action and realm only', () => {
    const file = join(dir, 'journal.jsonl');
    const line = (entry: object) =>
      JSON.stringify({ time: 't', actor: 'a', server: 's', evidence: [], requests: [], ...entry });
    writeFileSync(
      file,
      [
        line({
          realm: 'shop',
          action: 'logout-user',
          input: 'alice',
          result: 'ok',
          targets: [{ type: 'user', name: 'alice', id: 'id-a' }],
        }),
        line({
          realm: 'shop',
          action: 'logout-user',
          input: 'bob',
          result: 'failed',
          targets: [{ type: 'user', name: 'bob' }],
        }),
        line({ realm: 'shop', action: 'logout-user', input: 'carol', result: 'dry-run', targets: [] }),
        line({ realm: 'other', action: 'logout-user', input: 'dave', result: 'ok', targets: [] }),
        line({ realm: 'shop', action: 'contain-user', input: 'erin', result: 'ok', targets: [] }),
        '',
      ].join('\n'),
    );
    expect([...doneInputs(file, 'logout-user', 'shop')].sort()).toEqual(['alice', 'id-a']);
  });

  it('a damaged line or a missing journal is an input error with the place', () => {
    const file = join(dir, 'broken.jsonl');
    writeFileSync(file, '{"action":"x"}\nnot json\n');
    expect(inputError(() => doneInputs(file, 'logout-user', 'shop')).format()).toBe(
      `${file}:2: not a JSON line — the journal is damaged here: remove or repair this line`,
    );
    expect(inputError(() => doneInputs(join(dir, 'nope.jsonl'), 'logout-user', 'shop')).message).toMatch(
      /does not exist/,
    );
  });

  it('a line that is JSON but no entry, or a journal that is a folder, is an input error too (no crash)', () => {
    const file = join(dir, 'odd.jsonl');
    writeFileSync(file, '{"action":"x"}\nnull\n');
    expect(inputError(() => doneInputs(file, 'logout-user', 'shop')).format()).toBe(
      `${file}:2: not a journal entry — the journal is damaged here: remove or repair this line`,
    );
    writeFileSync(file, '{"realm":"shop","action":"logout-user","result":"ok","targets":5}\n');
    expect(inputError(() => doneInputs(file, 'logout-user', 'shop')).format()).toBe(
      `${file}:1: not a journal entry — the journal is damaged here: remove or repair this line`,
    );
    expect(inputError(() => doneInputs(dir, 'logout-user', 'shop')).message).toBe('cannot read the journal (EISDIR)');
  });
});

describe('confirmation', () => {
  it('goes ahead with --yes or in a dry run; refuses without a terminal', async () => {
    expect(await confirmRealmWide('Log out everyone?', { yes: true, interactive: false })).toBe(true);
    expect(await confirmRealmWide('Log out everyone?', { dryRun: true, interactive: false })).toBe(true);
    await expect(confirmRealmWide('Log out everyone?', { interactive: false })).rejects.toThrow(
      /there is no terminal to confirm on/,
    );
  });
});
