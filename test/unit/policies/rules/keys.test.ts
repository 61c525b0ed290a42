import activeSigningKey from '../../../../policies/rules/keys/active-signing-key.ts';
import compromisedKey from '../../../../policies/rules/keys/compromised-key.ts';
import ecCurve from '../../../../policies/rules/keys/ec-curve.ts';
import encryptionAlgorithm from '../../../../policies/rules/keys/encryption-algorithm.ts';
import hmacSecretSize from '../../../../policies/rules/keys/hmac-secret-size.ts';
import passiveKeyRetention from '../../../../policies/rules/keys/passive-key-retention.ts';
import rsaKeySize from '../../../../policies/rules/keys/rsa-key-size.ts';
import type { Rule } from '../../../../policies/define-rule.ts';
import { key, ruleTable } from '../rule-table.ts';

const rule = (r: unknown) => r as Rule;

ruleTable(rule(activeSigningKey), {
  valid: [
    {
      name: 'no key providers declared (Keycloak generates them)',
      change: (r) => {
        r.keyProviders = [];
      },
    },
    {
      name: 'an RSA provider without explicit algorithm signs RS256',
      change: (r) => {
        r.defaultSignatureAlgorithm = 'RS256';
        key(r, 'rsa-ps256').algorithm = undefined;
      },
    },
  ],
  invalid: [
    {
      name: 'the PS256 key made passive',
      change: (r) => {
        key(r, 'rsa-ps256').active = false;
      },
      errors: [{ messageId: 'none', path: ['keyProviders'] }],
    },
    {
      name: 'the PS256 provider disabled',
      change: (r) => {
        key(r, 'rsa-ps256').enabled = false;
      },
      errors: [{ messageId: 'none', path: ['keyProviders'] }],
    },
    {
      name: 'realm algorithm switched to ES384 with only an ES256 key',
      change: (r) => {
        r.defaultSignatureAlgorithm = 'ES384';
      },
      errors: [{ messageId: 'none', path: ['keyProviders'] }],
    },
  ],
});

ruleTable(rule(rsaKeySize), {
  valid: [
    {
      name: '2048 bits under baseline',
      change: (r) => {
        key(r, 'rsa-ps256').keySize = 2048;
      },
    },
    {
      name: 'a disabled 1024-bit provider',
      change: (r) => {
        key(r, 'rsa-ps256-previous').keySize = 1024;
        key(r, 'rsa-ps256-previous').enabled = false;
      },
    },
  ],
  invalid: [
    {
      name: '1024 bits',
      change: (r) => {
        key(r, 'rsa-ps256').keySize = 1024;
      },
      errors: [{ messageId: 'tooSmall', path: ['keyProviders', 'rsa-ps256', 'keySize'] }],
    },
    {
      name: '2048 bits under strict',
      profile: 'strict',
      change: (r) => {
        key(r, 'rsa-oaep').keySize = 2048;
      },
      errors: [{ messageId: 'belowPreferred', path: ['keyProviders', 'rsa-oaep', 'keySize'], severity: 'low' }],
    },
    // The rule's own list of RSA types once lacked 'rsa-enc' (an imported encryption key).
    {
      name: 'an imported 1024-bit rsa-enc key',
      change: (r) => {
        key(r, 'rsa-oaep').providerId = 'rsa-enc';
        key(r, 'rsa-oaep').keySize = 1024;
      },
      errors: [{ messageId: 'tooSmall', path: ['keyProviders', 'rsa-oaep', 'keySize'] }],
    },
  ],
});

ruleTable(rule(ecCurve), {
  valid: [
    {
      name: 'P-384',
      change: (r) => {
        key(r, 'ecdsa-es256').ellipticCurve = 'P-384';
      },
    },
  ],
  invalid: [
    {
      name: 'secp192r1',
      change: (r) => {
        key(r, 'ecdsa-es256').ellipticCurve = 'P-192';
      },
      errors: [{ messageId: 'weakCurve', path: ['keyProviders', 'ecdsa-es256', 'ellipticCurve'] }],
    },
  ],
});

ruleTable(rule(hmacSecretSize), {
  valid: [
    {
      name: 'HS256 with 32 bytes',
      change: (r) => {
        key(r, 'hmac-hs512').algorithm = 'HS256';
        key(r, 'hmac-hs512').secretSize = 32;
      },
    },
  ],
  invalid: [
    {
      name: 'HS512 with 32 bytes',
      change: (r) => {
        key(r, 'hmac-hs512').secretSize = 32;
      },
      errors: [{ messageId: 'tooShort', path: ['keyProviders', 'hmac-hs512', 'secretSize'] }],
    },
    {
      name: 'default algorithm (HS512) with 16 bytes',
      change: (r) => {
        key(r, 'hmac-hs512').algorithm = undefined;
        key(r, 'hmac-hs512').secretSize = 16;
      },
      errors: [{ messageId: 'tooShort', path: ['keyProviders', 'hmac-hs512', 'secretSize'] }],
    },
  ],
});

ruleTable(rule(encryptionAlgorithm), {
  valid: [
    {
      name: 'RSA-OAEP-256',
      change: (r) => {
        key(r, 'rsa-oaep').algorithm = 'RSA-OAEP-256';
      },
    },
  ],
  invalid: [
    {
      name: 'RSA1_5',
      change: (r) => {
        key(r, 'rsa-oaep').algorithm = 'RSA1_5';
      },
      errors: [{ messageId: 'forbidden', path: ['keyProviders', 'rsa-oaep', 'algorithm'] }],
    },
  ],
});

ruleTable(rule(compromisedKey), {
  valid: [
    {
      name: 'compromised keys listed but absent',
      change: (r) => {
        r.compromisedKeys = ['something-else'];
      },
    },
  ],
  invalid: [
    {
      name: 'an active provider listed by name',
      change: (r) => {
        r.compromisedKeys.push('rsa-ps256');
      },
      errors: [{ messageId: 'present', path: ['keyProviders', 'rsa-ps256'] }],
    },
    {
      name: 'a passive provider listed by kid',
      change: (r) => {
        key(r, 'rsa-ps256-previous').kids = ['kid-0badc0de'];
      },
      errors: [{ messageId: 'present', path: ['keyProviders', 'rsa-ps256-previous'] }],
    },
    {
      name: 'a disabled provider listed by component id',
      change: (r) => {
        const k = key(r, 'aes');
        k.id = 'c0ffee';
        k.enabled = false;
        r.compromisedKeys.push('c0ffee');
      },
      errors: [{ messageId: 'present', path: ['keyProviders', 'aes'] }],
    },
  ],
});

ruleTable(rule(passiveKeyRetention), {
  valid: [
    { name: 'passive for 60 days', now: new Date('2026-12-31T00:00:00Z') },
    {
      name: 'passive without a date',
      change: (r) => {
        delete key(r, 'rsa-ps256-previous').passiveSince;
      },
      now: new Date('2030-01-01T00:00:00Z'),
    },
  ],
  invalid: [
    {
      name: 'passive for 61 days',
      now: new Date('2027-01-01T00:00:00Z'),
      errors: [{ messageId: 'tooOld', path: ['keyProviders', 'rsa-ps256-previous', 'passiveSince'] }],
    },
    {
      name: 'passive for 30 days with maxDays 14',
      params: { maxDays: 14 },
      now: new Date('2026-12-01T00:00:00Z'),
      errors: [{ messageId: 'tooOld', path: ['keyProviders', 'rsa-ps256-previous', 'passiveSince'] }],
    },
  ],
});
