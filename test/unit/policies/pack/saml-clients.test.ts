/** The SAML client rules in the CrossGuard pack: judged on keycloak.saml.Client inputs (Pulumi's policy args, no CLI). */
import type { ResourceValidationPolicy } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { SAML_CLIENT_TYPE } from '../../../../policies/pack/assemble.ts';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import { allRules } from '../../../../policies/rules/index.ts';
import { NOW } from '../../../support/fixtures.ts';
import { UNKNOWN, validateResource, type Resource } from './pack-args.ts';

const policies = buildPolicies(allRules, () => NOW);
const resourcePolicy = (name: string) => policies.find((policy) => policy.name === name) as ResourceValidationPolicy;

/** keycloak.saml.Client as a hardened program declares it. */
const samlClient = (props: Record<string, unknown> = {}): Resource => ({
  type: SAML_CLIENT_TYPE,
  name: 'sp',
  props: {
    realmId: 'acme',
    clientId: 'https://sp.example.com/saml/metadata',
    validRedirectUris: ['https://sp.example.com/saml/acs'],
    fullScopeAllowed: false,
    signAssertions: true,
    encryptAssertions: true,
    signatureAlgorithm: 'RSA_SHA256',
    extraConfig: { 'saml.onetimeuse.condition': 'true' },
    ...props,
  },
});

const SAML_RULES = allRules.filter((rule) => rule.id.startsWith('saml-') && rule.category === 'clients');

describe('SAML client rules in the pack', () => {
  it('run on keycloak.saml.Client resources', () => {
    expect(SAML_RULES.map((rule) => rule.id).sort()).toEqual([
      'saml-assertion-encryption',
      'saml-assertion-signature',
      'saml-client-signature',
      'saml-one-time-use',
      'saml-redirect-uri-wildcard',
      'saml-signature-algorithm',
    ]);
  });

  it('a hardened SAML client passes every client rule', async () => {
    for (const rule of allRules.filter((candidate) => candidate.reads.length === 1 && candidate.reads[0] === 'clients'))
      await expect(validateResource(resourcePolicy(rule.id), samlClient()), rule.id).resolves.toEqual([]);
  });

  it.each([
    ['saml-assertion-signature', { signAssertions: false, signDocuments: false }, /signs neither/],
    ['saml-assertion-signature', { signAssertions: undefined }, /signs the SAML response but not the assertion/],
    ['saml-client-signature', { clientSignatureRequired: false }, /accepts unsigned requests/],
    ['saml-assertion-encryption', { encryptAssertions: undefined }, /unencrypted/],
    ['saml-signature-algorithm', { signatureAlgorithm: 'RSA_SHA1' }, /RSA_SHA1/],
    ['saml-one-time-use', { extraConfig: {} }, /OneTimeUse/],
    ['full-scope-allowed', { fullScopeAllowed: undefined }, /all of the user’s roles/],
    ['saml-redirect-uri-wildcard', { validRedirectUris: ['*'], clientSignatureRequired: false }, /accepts every URL/],
    ['saml-redirect-uri-wildcard', { validRedirectUris: ['*'] }, /only from AuthnRequests this client signs/],
  ])('%s: %o', async (ruleId, change, message) => {
    const violations = await validateResource(resourcePolicy(ruleId), samlClient(change));
    expect(violations).toHaveLength(1);
    expect(violations[0]!.message).toMatch(message);
  });

  it('an unknown value is never judged: a signature switch known only after apply gives no violation', async () => {
    expect(
      await validateResource(resourcePolicy('saml-client-signature'), samlClient({ clientSignatureRequired: UNKNOWN })),
    ).toEqual([]);
  });
});
