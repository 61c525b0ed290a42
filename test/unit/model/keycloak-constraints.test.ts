/**
 * model/constraints: every row of CONSTRAINT_CASES (the same rows the integration test proves
 * Keycloak refuses) is refused by our loaders first — one problem, at the offending line, with
 * the usual one-line message — and through `validate`, `check` and the Pulumi program alike.
 * The values just inside each limit load, so nothing Keycloak accepts is refused.
 */
import * as pulumi from '@pulumi/pulumi';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import program from '../../../index.ts';
import { InputError, InputErrors } from '../../../model/errors.ts';
import { loadRealmText } from '../../../model/load.ts';
import { keycloakConstraintViolations, keyViewOfSettings } from '../../../model/constraints/index.ts';
import {
  PASSWORD_POLICY_IDS,
  parsePasswordPolicy,
  passwordPolicyViolations,
} from '../../../model/constraints/password-policy.ts';
import { keyViolations } from '../../../model/constraints/keys.ts';
import { CONSTRAINT_CASES, lineOf } from '../../support/keycloak-constraint-cases.ts';
import { installMocks, registered, settle } from '../components/pulumi-mocks.ts';

function problemsOf(text: string, file: string): InputError[] {
  try {
    loadRealmText(text, file);
  } catch (error) {
    if (error instanceof InputErrors) return error.errors;
    if (error instanceof InputError) return [error];
    throw error;
  }
  return [];
}

describe('every Keycloak constraint is refused by the loaders first', () => {
  for (const row of CONSTRAINT_CASES) {
    it(`${row.id} (${row.keycloakSource})`, () => {
      const problems = problemsOf(row.file.text, row.file.name);
      expect(problems.map((problem) => problem.format())).toHaveLength(1);
      const [problem] = problems;
      expect(problem!.location).toMatchObject({
        file: row.file.name,
        line: lineOf(row.file.text, row.file.at),
        keyPath: row.file.keyPath,
      });
      expect(problem!.message).toContain(row.file.ours);
      expect(problem!.hint).toBeTruthy();
      expect(problem!.format()).not.toContain('\n');
    });
  }
});

describe('what Keycloak accepts still loads', () => {
  const loads = (text: string, file = 'ok.yaml'): void => {
    expect(problemsOf(text, file).map((problem) => problem.format())).toEqual([]);
  };

  it('client and realm session values equal to the SSO limits, and remember-me raising the limit', () => {
    loads(`realm: r
sessions:
  ssoSessionIdleTimeout: 30m
  ssoSessionMaxLifespan: 10h
  clientSessionIdleTimeout: 30m
  clientSessionMaxLifespan: 10h
clients:
  - clientId: app
    redirectUris: [https://app.example.com/cb]
    lifespans: { clientSessionIdle: 30m, clientSessionMax: 10h }
`);
    loads(`realm: r
sessions:
  rememberMe: true
  ssoSessionIdleTimeout: 30m
  ssoSessionIdleTimeoutRememberMe: 2h
  clientSessionIdleTimeout: 2h
clients:
  - clientId: app
    redirectUris: [https://app.example.com/cb]
    lifespans: { clientSessionIdle: 2h }
`);
  });

  it('offline session and access-token lifespans have no realm limit in Keycloak', () => {
    loads(`realm: r
sessions:
  offlineSessionIdleTimeout: 1d
clients:
  - clientId: app
    redirectUris: [https://app.example.com/cb]
    lifespans: { offlineSessionIdle: 30d, offlineSessionMax: 300d, accessToken: 1d }
`);
  });

  it('redirect URIs Keycloak accepts: wildcards, relative paths, custom schemes, IPv6 and non-ASCII hosts, post-logout keywords', () => {
    loads(`realm: r
clients:
  - clientId: app
    redirectUris: ['https://app.example.com/*', '/relative/*', 'com.example.app:/cb', 'http://[::1]:8080/cb', 'https://ü.example/ä?x=[1]']
    postLogoutRedirectUris: ['+', '-', 'https://app.example.com/bye']
`);
  });

  it('every key size, secret size and curve Keycloak offers', () => {
    for (const keySize of [1024, 2048, 3072, 4096])
      expect(keyViolations({ name: 'k', providerId: 'rsa-generated', keySize })).toEqual([]);
    for (const secretSize of [16, 24, 32, 64, 128, 256, 512]) {
      expect(keyViolations({ name: 'k', providerId: 'hmac-generated', secretSize })).toEqual([]);
      expect(keyViolations({ name: 'k', providerId: 'aes-generated', secretSize })).toEqual([]);
    }
    for (const curve of ['P-256', 'P-384', 'P-521']) {
      expect(keyViolations({ name: 'k', providerId: 'ecdsa-generated', ellipticCurve: curve })).toEqual([]);
      expect(keyViolations({ name: 'k', providerId: 'ecdh-generated', ellipticCurve: curve })).toEqual([]);
    }
    for (const curve of ['Ed25519', 'Ed448'])
      expect(keyViolations({ name: 'k', providerId: 'eddsa-generated', ellipticCurve: curve })).toEqual([]);
    // Keycloak checks no algorithm, and no size of imported keys.
    expect(
      keyViolations({ name: 'k', providerId: 'rsa-generated', priority: '-5', enabled: 'false', active: 'true' }),
    ).toEqual([]);
    expect(keyViolations({ name: 'k', providerId: 'rsa', keySize: 1536 })).toEqual([]);
  });

  it('every password policy Keycloak 26.7 knows, with and without a value', () => {
    const policy =
      'length(12) and maxLength(128) and digits(1) and lowerCase(1) and upperCase(1) and specialChars(1) and passwordHistory(-1) and passwordAge(365) and hashIterations(210000) and forceExpiredPasswordChange(90) and maxAuthAge(300) and recoveryCodesWarningThreshold(4) and hashAlgorithm(argon2) and regexPattern(^[^<>]*$) and notUsername() and notEmail and notContainsUsername and length';
    expect(passwordPolicyViolations(policy)).toEqual([]);
    expect(new Set(parsePasswordPolicy(policy).map((item) => item.name))).toEqual(
      new Set(PASSWORD_POLICY_IDS.filter((id) => id !== 'passwordBlacklist')),
    );
    // Java-only regex syntax is left to the server rather than refused on JavaScript's word.
    expect(passwordPolicyViolations('regexPattern(a*+b)')).toEqual([]);
  });

  it('the profiles themselves, with their default keys, break no constraint', () => {
    for (const profile of ['baseline', 'strict']) {
      const [realm] = loadRealmText(`realm: r\nprofile: ${profile}\n`, 'profile.yaml');
      expect(
        keycloakConstraintViolations(realm!.settings, realm!.settings.keyProviders.map(keyViewOfSettings)),
      ).toEqual([]);
    }
  });
});

describe('validate, check and the Pulumi program stop on a constraint', () => {
  const BIN = fileURLToPath(new URL('../../../bin/realmguard.js', import.meta.url));
  const row = CONSTRAINT_CASES.find((entry) => entry.id === 'client session idle above the realm SSO idle')!;
  let file: string;
  beforeAll(() => {
    file = join(mkdtempSync(join(tmpdir(), 'realmguard-constraints-')), 'baseline.yaml');
    writeFileSync(file, row.file.text);
  });
  const run = (args: string[]): Promise<{ code: number; stderr: string }> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        { env: { ...process.env, NO_COLOR: '1' } },
        (error, _stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
        },
      );
    });
  const expected = (): string => `${file}:${lineOf(row.file.text, row.file.at)}:`;

  for (const command of ['validate', 'check']) {
    it(`realmguard ${command}: exit 2, one line naming file:line:column and the key`, async () => {
      const result = await run([command, file]);
      expect(result.code).toBe(2);
      const line = result.stderr.split('\n').find((entry) => entry.includes(row.file.keyPath));
      expect(line).toContain(expected());
      expect(line).toContain(row.file.ours);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('the Pulumi program: a RunError with the same line, nothing created', async () => {
    await installMocks();
    registered.length = 0;
    pulumi.runtime.setAllConfig({
      'keycloak:url': 'http://127.0.0.1:8080',
      'realmguard:baselines': JSON.stringify([file]),
    });
    const failure = await program().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(pulumi.RunError);
    expect((failure as Error).message).toContain(expected());
    expect((failure as Error).message).toContain(row.file.ours);
    await settle();
    expect(registered.filter((item) => item.custom)).toEqual([]);
  });
});
