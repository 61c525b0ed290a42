import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, isOn } from '../../entities.ts';
import { SAML_METADATA, SAML_PROFILES } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'saml-idp-signed-assertions',
  title: 'SAML identity providers sign their assertions',
  severity: 'low',
  sources: [
    SAML_METADATA('§2.4.4 (WantAssertionsSigned)'),
    SAML_PROFILES('§4.1.4.5 (an assertion is protected by its own signature or by the response signature)'),
  ],
  why:
    "With `validateSignature` on, Keycloak refuses a response in which nothing is signed and takes an unsigned assertion only inside a signed response, which the SAML profile accepts; `wantAssertionsSigned` makes it insist on the assertion's own signature, which survives when the assertion is handled apart from its response (each shown on Keycloak 26.7.3). " +
    'Without signature validation, `wantAssertionsSigned` checks only that a signature is present, not that it is valid: that case is the finding of idp-signature-validation.',
  remediation: {
    action: "Set wantAssertionsSigned to 'true' on the SAML identity provider.",
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    responseOnly:
      "Keycloak accepts assertions from SAML identity provider '{{alias}}' that are signed only through their response (wantAssertionsSigned is not 'true').",
  },
  *check(realm) {
    for (const idp of identityProviders(realm, ['saml'])) {
      if (!isOn(idp.config.validateSignature) || isOn(idp.config.wantAssertionsSigned)) continue;
      yield { path: idpConfigPath(idp, 'wantAssertionsSigned'), messageId: 'responseOnly', data: { alias: idp.alias } };
    }
  },
});
