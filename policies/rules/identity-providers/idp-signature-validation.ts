import { defineRule } from '../../define-rule.ts';
import { identityProviders, idpConfigPath, isOn, OIDC_BROKER_TYPES, shown } from '../../entities.ts';
import { OIDC_CORE, SAML_PROFILES } from '../../sources.ts';

export default defineRule('identity-providers', {
  id: 'idp-signature-validation',
  title: 'Identity providers have their signatures validated',
  severity: 'critical',
  sources: [
    SAML_PROFILES('§4.1.4.3 (<Response> processing: the service provider verifies the signature)'),
    OIDC_CORE('§3.1.3.7 (ID Token Validation)'),
  ],
  why:
    "With `validateSignature` off (Keycloak's default for a new OpenID Connect or SAML identity provider) Keycloak does not check that what it receives was signed by the identity provider. " +
    'A SAML response reaches Keycloak through the browser, so anyone can post one asserting any user (shown on Keycloak 26.7.3: a forged, unsigned response is taken): critical. ' +
    'An OpenID Connect ID token fetched by Keycloak from the token endpoint is vouched for by TLS, but tokens that clients hand to Keycloak (token exchange, JWT authorization grants) have nothing else to vouch for them: high.',
  remediation: {
    action:
      "Set validateSignature to 'true' on the identity provider and give it the provider's keys (a JWKS URL or its signing certificate).",
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    saml: "Keycloak does not validate the signatures of SAML identity provider '{{alias}}' (validateSignature is {{actual}}).",
    oidc: "Keycloak does not validate the token signatures of OpenID Connect identity provider '{{alias}}' (validateSignature is {{actual}}).",
  },
  *check(realm) {
    for (const idp of identityProviders(realm, ['saml', ...OIDC_BROKER_TYPES])) {
      const actual = idp.config.validateSignature;
      if (isOn(actual)) continue;
      const saml = idp.providerId === 'saml';
      yield {
        path: idpConfigPath(idp, 'validateSignature'),
        messageId: saml ? 'saml' : 'oidc',
        data: { alias: idp.alias, actual: shown(actual) },
        severity: saml ? 'critical' : 'high',
      };
    }
  },
});
