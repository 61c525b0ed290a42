/** The identity-provider rules in the CrossGuard pack: judged on keycloak.oidc/saml.IdentityProvider inputs (Pulumi's policy args, no CLI). */
import type { ResourceValidationPolicy } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { IDENTITY_PROVIDER_TYPES } from '../../../../policies/pack/assemble.ts';
import { buildPolicies } from '../../../../policies/pack/policies.ts';
import { packTarget } from '../../../../policies/pack/targets.ts';
import { allRules } from '../../../../policies/rules/index.ts';
import { NOW } from '../../../support/fixtures.ts';
import { UNKNOWN, validateResource, type Resource } from './pack-args.ts';

const OIDC_IDP_TYPE = 'keycloak:oidc/identityProvider:IdentityProvider';
const SAML_IDP_TYPE = 'keycloak:saml/identityProvider:IdentityProvider';

const policies = buildPolicies(allRules, () => NOW);
const resourcePolicy = (name: string) => policies.find((policy) => policy.name === name) as ResourceValidationPolicy;

/** Rules judged on one identity provider resource (the others read flows or mappers too: stack policies). */
const IDP_RULES = allRules.filter(
  (rule) => rule.category === 'identity-providers' && packTarget(rule).kind === 'resource',
);

/** keycloak.oidc.IdentityProvider as a hardened program declares it. */
const oidcIdp = (props: Record<string, unknown> = {}): Resource => ({
  type: OIDC_IDP_TYPE,
  name: 'corp-oidc',
  props: {
    realm: 'acme',
    alias: 'corp-oidc',
    authorizationUrl: 'https://idp.example.com/authorize',
    tokenUrl: 'https://idp.example.com/token',
    jwksUrl: 'https://idp.example.com/jwks',
    clientId: 'acme',
    clientSecret: 'never-shown-secret',
    validateSignature: true,
    syncMode: 'FORCE',
    extraConfig: { pkceEnabled: 'true', pkceMethod: 'S256' },
    ...props,
  },
});

/** keycloak.saml.IdentityProvider as a hardened program declares it. */
const samlIdp = (props: Record<string, unknown> = {}): Resource => ({
  type: SAML_IDP_TYPE,
  name: 'corp-saml',
  props: {
    realm: 'acme',
    alias: 'corp-saml',
    entityId: 'https://acme.example.com/realms/acme',
    singleSignOnServiceUrl: 'https://idp.example.com/saml/sso',
    validateSignature: true,
    wantAssertionsSigned: true,
    wantAssertionsEncrypted: true,
    postBindingResponse: true,
    signatureAlgorithm: 'RSA_SHA256',
    syncMode: 'FORCE',
    ...props,
  },
});

describe('identity-provider rules in the pack', () => {
  it('run on both identity provider resource types', () => {
    // idp-mapper-sync judges mappers, resources of their own, with their identity provider: a stack policy.
    expect(IDP_RULES.map((rule) => rule.id).sort()).toEqual([
      'idp-pkce',
      'idp-signature-validation',
      'idp-sync-mode',
      'saml-idp-encrypted-assertions',
      'saml-idp-post-binding',
      'saml-idp-signed-assertions',
      'saml-idp-signed-authn-requests',
    ]);
    for (const rule of IDP_RULES)
      expect(packTarget(rule), rule.id).toEqual({ kind: 'resource', types: IDENTITY_PROVIDER_TYPES });
  });

  it.each([
    ['OIDC', oidcIdp()],
    ['SAML', samlIdp()],
  ])('a hardened %s identity provider passes every rule, under the strict profile too', async (_kind, idp) => {
    for (const rule of IDP_RULES) {
      await expect(validateResource(resourcePolicy(rule.id), idp), rule.id).resolves.toEqual([]);
      await expect(validateResource(resourcePolicy(rule.id), idp, { profile: 'strict' }), rule.id).resolves.toEqual([]);
    }
  });

  it.each([
    [
      'idp-signature-validation',
      oidcIdp({ validateSignature: false }),
      /token signatures of OpenID Connect identity provider 'corp-oidc' \(validateSignature is 'false'\)/,
    ],
    ['idp-signature-validation', oidcIdp({ validateSignature: undefined }), /validateSignature is 'false'/],
    [
      'idp-signature-validation',
      oidcIdp({ providerId: 'keycloak-oidc', validateSignature: false }),
      /OpenID Connect identity provider/,
    ],
    [
      'idp-signature-validation',
      samlIdp({ validateSignature: undefined }),
      /signatures of SAML identity provider 'corp-saml'/,
    ],
    ['idp-pkce', oidcIdp({ extraConfig: {} }), /pkceEnabled is unset/],
    ['idp-pkce', oidcIdp({ extraConfig: { pkceEnabled: 'true', pkceMethod: 'plain' } }), /pkceMethod 'plain'/],
    ['idp-sync-mode', oidcIdp({ syncMode: undefined }), /sync mode 'LEGACY'/],
    ['idp-sync-mode', samlIdp({ syncMode: 'IMPORT' }), /sync mode 'IMPORT'/],
    ['saml-idp-signed-assertions', samlIdp({ wantAssertionsSigned: undefined }), /corp-saml/],
    ['saml-idp-encrypted-assertions', samlIdp({ wantAssertionsEncrypted: false }), /unencrypted assertions/],
    ['saml-idp-post-binding', samlIdp({ postBindingResponse: undefined }), /HTTP-Redirect binding/],
    ['saml-idp-signed-authn-requests', samlIdp({ signatureAlgorithm: undefined }), /unsigned AuthnRequests/],
    ['saml-idp-signed-authn-requests', samlIdp({ wantAuthnRequestsSigned: false }), /unsigned AuthnRequests/],
  ])('%s: a weak argument gives its violation (%#)', async (ruleId, idp, message) => {
    const violations = await validateResource(resourcePolicy(ruleId), idp);
    expect(violations).toHaveLength(1);
    expect(violations[0]!.message).toMatch(message);
    expect(violations[0]!.message).not.toContain('never-shown-secret');
  });

  it('a disabled identity provider is not judged', async () => {
    expect(
      await validateResource(
        resourcePolicy('idp-signature-validation'),
        oidcIdp({ enabled: false, validateSignature: false }),
      ),
    ).toEqual([]);
  });

  it.each([
    ['idp-signature-validation', oidcIdp({ validateSignature: UNKNOWN })],
    ['idp-signature-validation', samlIdp({ validateSignature: UNKNOWN })],
    ['idp-pkce', oidcIdp({ extraConfig: UNKNOWN })],
    ['idp-sync-mode', oidcIdp({ syncMode: UNKNOWN })],
    ['saml-idp-signed-authn-requests', samlIdp({ signatureAlgorithm: UNKNOWN })],
  ])('an unknown value is never judged: %s (%#)', async (ruleId, idp) => {
    expect(await validateResource(resourcePolicy(ruleId), idp)).toEqual([]);
  });

  it('a weak argument is still judged when only the alias and realm are unknown', async () => {
    const violations = await validateResource(
      resourcePolicy('idp-signature-validation'),
      oidcIdp({ alias: UNKNOWN, realm: UNKNOWN, validateSignature: false }),
    );
    expect(violations).toHaveLength(1);
  });
});
