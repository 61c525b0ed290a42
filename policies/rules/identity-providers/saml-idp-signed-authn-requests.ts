import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, isOn } from '../../entities.ts';
import { SAML_METADATA } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'saml-idp-signed-authn-requests',
  title: 'Keycloak signs its AuthnRequests to SAML identity providers',
  severity: 'medium',
  sources: [SAML_METADATA('§2.4.3 (WantAuthnRequestsSigned)')],
  why: "Unsigned, Keycloak's AuthnRequests cannot be told from requests anyone writes in its name: the identity provider cannot trust the requested ACS URL, NameID policy or ForceAuthn. The identity provider still answers only to the ACS URLs it knows for Keycloak, so this is low under the baseline profile.",
  remediation: {
    action:
      "Set wantAuthnRequestsSigned to 'true' on the SAML identity provider and give the provider Keycloak's signing certificate.",
  },
  params: { baseline: { severity: 'low' }, strict: { severity: 'medium' } },
  paramDocs: { severity: "How severe unsigned AuthnRequests are: 'low' (baseline) or 'medium' (strict)." },
  messages: {
    unsigned:
      "Keycloak sends unsigned AuthnRequests to SAML identity provider '{{alias}}' (wantAuthnRequestsSigned is not 'true').",
  },
  *check(realm, { severity }) {
    for (const idp of identityProviders(realm, ['saml'])) {
      if (isOn(idp.config.wantAuthnRequestsSigned)) continue;
      yield {
        path: idpConfigPath(idp, 'wantAuthnRequestsSigned'),
        messageId: 'unsigned',
        data: { alias: idp.alias },
        severity: severity === 'medium' ? 'medium' : 'low',
      };
    }
  },
});
