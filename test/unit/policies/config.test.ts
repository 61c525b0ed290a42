import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../model/errors.ts';
import { isExpired, loadPolicyConfig, parsePolicyConfig } from '../../../policies/config.ts';

const parse = (text: string) => parsePolicyConfig(text, 'realmguard.yaml');

function errorOf(text: string): InputError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('policy config', () => {
  it('reads enforcement levels, parameters and suppressions', () => {
    const config = parse(`
rules:
  all: advisory
  access-token-lifespan: { enforcementLevel: mandatory, max: 600 }
  service-account-mixed: disabled
  signature-algorithm:
    allowed: [PS256, ES256]
suppressions:
  - rule: password-grant
    entity: legacy-cli
    realm: acme
    reason: "vendor tool, replaced in Q1"
    expires: 2027-01-31
  - { rule: full-scope-allowed, reason: accepted }
`);
    expect(config.all).toBe('advisory');
    expect(config.rules['access-token-lifespan']).toEqual({ enforcementLevel: 'mandatory', params: { max: 600 } });
    expect(config.rules['service-account-mixed']).toEqual({ enforcementLevel: 'disabled', params: {} });
    expect(config.rules['signature-algorithm']).toEqual({ params: { allowed: ['PS256', 'ES256'] } });
    expect(config.suppressions).toEqual([
      {
        rule: 'password-grant',
        entity: 'legacy-cli',
        realm: 'acme',
        reason: 'vendor tool, replaced in Q1',
        expires: '2027-01-31',
        location: { file: 'realmguard.yaml', line: 9, column: 5 },
      },
      { rule: 'full-scope-allowed', reason: 'accepted', location: { file: 'realmguard.yaml', line: 14, column: 5 } },
    ]);
  });

  it('accepts an empty file', () => {
    expect(parse('')).toEqual({ file: 'realmguard.yaml', rules: {}, suppressions: [] });
  });

  it.each([
    [
      'an unknown rule, with a suggestion',
      'rules:\n  acess-token-lifespan: mandatory\n',
      2,
      'rules.acess-token-lifespan',
      /unknown rule 'acess-token-lifespan'/,
      /did you mean 'access-token-lifespan'/,
    ],
    [
      'an unknown parameter',
      'rules:\n  access-token-lifespan:\n    maximum: 600\n',
      3,
      'rules.access-token-lifespan.maximum',
      /has no parameter 'maximum'/,
      /did you mean 'max'/,
    ],
    [
      'a key every object inherits, not a parameter',
      'rules:\n  access-token-lifespan:\n    constructor: 5\n',
      3,
      'rules.access-token-lifespan.constructor',
      /has no parameter 'constructor'/,
      /it takes enforcementLevel, max/,
    ],
    [
      'a parameter of the wrong type',
      'rules:\n  access-token-lifespan:\n    max: ten minutes\n',
      3,
      'rules.access-token-lifespan.max',
      /expected a number/,
      undefined,
    ],
    [
      'a bad enforcement level',
      'rules:\n  all: block\n',
      2,
      'rules.all',
      /unknown enforcement level "block"/,
      /mandatory, advisory, disabled/,
    ],
    [
      'a suppression without reason',
      'suppressions:\n  - rule: password-grant\n    entity: cli\n',
      2,
      'suppressions[0].reason',
      /needs a `reason`/,
      /say why/,
    ],
    [
      'a suppression of an unknown rule',
      'suppressions:\n  - rule: pasword-grant\n    reason: x\n',
      2,
      'suppressions[0].rule',
      /unknown rule 'pasword-grant'/,
      /did you mean 'password-grant'/,
    ],
    [
      'a bad expiry date',
      'suppressions:\n  - rule: password-grant\n    reason: x\n    expires: 31.01.2027\n',
      4,
      'suppressions[0].expires',
      /is not a date/,
      /YYYY-MM-DD/,
    ],
    [
      'an impossible expiry date',
      'suppressions:\n  - rule: password-grant\n    reason: x\n    expires: 2027-02-30\n',
      4,
      'suppressions[0].expires',
      /is not a date/,
      undefined,
    ],
    ['an unknown top-level key', 'rule:\n  all: advisory\n', 1, 'rule', /unknown key 'rule'/, /rules/],
    ['broken YAML', 'rules: [\n', 2, undefined, /not valid YAML/, undefined],
  ])('rejects %s with file, line and key', (_name, text, line, keyPath, message, hint) => {
    const error = errorOf(text);
    expect(error.location.file).toBe('realmguard.yaml');
    expect(error.location.line).toBe(line);
    expect(error.location.keyPath).toBe(keyPath);
    expect(error.message).toMatch(message);
    if (hint) expect(error.hint).toMatch(hint);
  });

  it('names a missing file', async () => {
    await expect(loadPolicyConfig('/nonexistent/realmguard.yaml')).rejects.toMatchObject({
      message: 'config file not found',
      location: { file: '/nonexistent/realmguard.yaml' },
    });
  });

  it('loads from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'realmguard-config-'));
    const file = join(dir, 'config.yaml');
    writeFileSync(file, 'rules:\n  all: mandatory\n');
    expect((await loadPolicyConfig(file)).all).toBe('mandatory');
  });

  it('a suppression holds through its expiry day (UTC), then expires', () => {
    const suppression = { rule: 'password-grant', reason: 'x', expires: '2027-01-31' };
    expect(isExpired(suppression, new Date('2027-01-31T23:59:59Z'))).toBe(false);
    expect(isExpired(suppression, new Date('2027-02-01T00:00:00Z'))).toBe(true);
    expect(isExpired({ rule: 'password-grant', reason: 'x' }, new Date('2100-01-01T00:00:00Z'))).toBe(false);
  });
});
