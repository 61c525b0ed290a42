/**
 * One test over all rules (typescript-eslint's and kcwarden's lessons): the catalogue is
 * complete, the index is the directory, the metadata is whole, the docs are current.
 */
import { readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { BaselineSchema } from '../../../model/baseline/schema.ts';
import { renderRuleDocs, RULE_DOCS_PATH } from '../../../scripts/generate-rule-docs.ts';
import { RULE_DOCS_URL } from '../../../policies/define-rule.ts';
import { SEVERITIES } from '../../../policies/finding.ts';
import { renderIndex, ruleFiles } from '../../../policies/rules/generate-index.ts';
import { allRules } from '../../../policies/rules/index.ts';

/** Every id of notes/rule-catalogue.md, by table. */
const CATALOGUE = {
  realm: [
    'ssl-required',
    'access-token-lifespan',
    'access-code-lifespan',
    'action-token-lifespan',
    'sso-session-idle',
    'sso-session-max',
    'remember-me-session',
    'client-session-bounds',
    'refresh-token-rotation',
    'refresh-token-reuse',
    'offline-session-max',
    'offline-session-idle',
    'login-events',
    'admin-events',
    'brute-force-protection',
    'password-policy',
    'signature-algorithm',
    'security-headers',
    'watch-events',
    'keycloak-version',
    'self-registration',
    'email-verification',
    'password-hashing',
    'otp-code-reuse',
    'otp-digits',
    'otp-time-step',
    'otp-look-ahead',
  ],
  keys: [
    'active-signing-key',
    'rsa-key-size',
    'ec-curve',
    'hmac-secret-size',
    'encryption-algorithm',
    'compromised-key',
    'passive-key-retention',
  ],
  clients: [
    'implicit-flow',
    'password-grant',
    'pkce-required',
    'pkce-plain',
    'redirect-uri-wildcard',
    'redirect-uri-scheme',
    'web-origins-wildcard',
    'client-authentication',
    'sender-constrained-tokens',
    'client-refresh-tokens',
    'client-token-lifespan',
    'client-session-lifespan',
    'offline-access-default',
    'full-scope-allowed',
    'par-required',
    'client-policy-profile',
    'service-account-mixed',
    'redirect-uris-missing',
    'web-origins-bare',
    'redirect-uri-unresolvable',
    'offline-access-optional',
    'token-exchange-public',
    'saml-redirect-uri-wildcard',
    'saml-assertion-signature',
    'saml-client-signature',
    'saml-assertion-encryption',
    'saml-signature-algorithm',
    'saml-one-time-use',
  ],
  'identity-providers': [
    'idp-signature-validation',
    'idp-pkce',
    'saml-idp-signed-assertions',
    'saml-idp-encrypted-assertions',
    'saml-idp-signed-authn-requests',
    'saml-idp-post-binding',
    'idp-sync-mode',
    'idp-mapper-sync',
    'idp-first-login-auto-link',
  ],
} as const;

/** Whether a dotted baseline key ('clients[].pkce') exists in the baseline JSON Schema. */
function baselineKeyExists(key: string): boolean {
  let schema: TSchema | undefined = BaselineSchema;
  for (const part of key.split('.')) {
    const name = part.replace(/\[\]$/, '');
    schema = (schema.properties as Record<string, TSchema> | undefined)?.[name];
    if (schema && part.endsWith('[]')) schema = schema.items as TSchema | undefined;
    if (!schema) return false;
  }
  return true;
}

describe('the rule catalogue', () => {
  it('implements every catalogue id in its category, and nothing else', () => {
    for (const [category, ids] of Object.entries(CATALOGUE)) {
      expect(
        allRules
          .filter((rule) => rule.category === category)
          .map((rule) => rule.id)
          .sort(),
        category,
      ).toEqual([...ids].sort());
    }
  });

  it('has unique ids, each in a file of its own name under its category folder', () => {
    const ids = allRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ruleFiles().sort()).toEqual(allRules.map((rule) => `${rule.category}/${rule.id}`).sort());
  });

  it('indexes every rule file (run `tsx policies/rules/generate-index.ts` when this fails)', () => {
    const current = readFileSync(new URL('../../../policies/rules/index.ts', import.meta.url), 'utf8');
    expect(current).toBe(renderIndex(ruleFiles()));
  });

  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s: metadata is complete', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.why.length).toBeGreaterThan(40);
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const source of rule.sources) {
      expect(source.document).not.toBe('');
      expect(source.section).not.toBe('');
    }
    const fix = rule.remediation;
    if ('action' in fix) expect(fix.action).toMatch(/^[A-Z].{20,}\.$/);
    else {
      expect(baselineKeyExists(fix.baselineKey), fix.baselineKey).toBe(true);
      expect(fix.value).toBeDefined();
    }
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(Object.keys(rule.params.strict).sort()).toEqual(Object.keys(rule.params.baseline).sort());
    for (const [key, example] of Object.entries(rule.params.baseline)) {
      expect(typeof rule.params.strict[key], `${key} has one type in both profiles`).toBe(typeof example);
      expect(rule.paramDocs[key], `${key} is documented`).toMatch(/\w/);
    }
    expect(rule.docsAnchor).toBe(`${RULE_DOCS_URL}#${rule.id}`);
  });
});

describe('docs/rules.md', () => {
  const docs = readFileSync(RULE_DOCS_PATH, 'utf8');

  it('is generated from the current metadata (run `npm run docs:rules` when this fails)', () => {
    expect(docs).toBe(renderRuleDocs(allRules));
  });

  it('has a section, the anchor SARIF and findings link to, for every rule', () => {
    for (const rule of allRules) expect(docs, rule.id).toContain(`\n### ${rule.id}\n`);
  });
});
