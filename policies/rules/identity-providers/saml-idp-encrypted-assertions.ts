import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, isOn } from '../../entities.ts';
import { SAML_CORE } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'saml-idp-encrypted-assertions',
  title: 'SAML identity providers encrypt their assertions',
  severity: 'medium',
  sources: [SAML_CORE('§2.3.4 (EncryptedAssertion)'), SAML_CORE('§6 (SAML and XML Encryption)')],
  why: "An assertion from the identity provider travels through the user's browser: unencrypted, its attributes and NameID are readable there and in any log on the way. `wantAssertionsEncrypted` makes Keycloak refuse assertions not encrypted for its own key; Keycloak leaves it off by default.",
  remediation: {
    action:
      "Set wantAssertionsEncrypted to 'true' on the SAML identity provider and have it encrypt for Keycloak's encryption key.",
  },
  params: { baseline: { severity: 'low' }, strict: { severity: 'medium' } },
  paramDocs: { severity: "How severe accepting unencrypted assertions is: 'low' (baseline) or 'medium' (strict)." },
  messages: {
    off: "Keycloak accepts unencrypted assertions from SAML identity provider '{{alias}}' (wantAssertionsEncrypted is not 'true').",
  },
  *check(realm, { severity }) {
    for (const idp of identityProviders(realm, ['saml'])) {
      if (isOn(idp.config.wantAssertionsEncrypted)) continue;
      yield {
        path: idpConfigPath(idp, 'wantAssertionsEncrypted'),
        messageId: 'off',
        data: { alias: idp.alias },
        severity: severity === 'medium' ? 'medium' : 'low',
      };
    }
  },
});
