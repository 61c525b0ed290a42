import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, samlClients } from '../../entities.ts';
import { SAML_METADATA, SAML_PROFILES } from '../../sources.ts';

const CLIENT_SIGNATURE = 'saml.client.signature';

export default defineRule('clients', {
  id: 'saml-client-signature',
  title: 'SAML clients sign their requests',
  severity: 'medium',
  sources: [
    SAML_METADATA('§2.4.3 (WantAuthnRequestsSigned)'),
    SAML_PROFILES('§4.1.4.1 (<AuthnRequest> usage: the identity provider must establish who sent it)'),
  ],
  why: "With `saml.client.signature` off (it is on by default), Keycloak accepts AuthnRequests that anyone could have written in the service provider's name: such a request picks the ACS URL among the client's redirect URIs, the NameID format and the authentication context. With it on, Keycloak refuses an unsigned AuthnRequest (both shown on Keycloak 26.7.3).",
  remediation: {
    action:
      "Set saml.client.signature back to 'true' on the SAML client and register the service provider's signing certificate.",
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    notRequired: `Keycloak accepts unsigned requests from this SAML client (${CLIENT_SIGNATURE} is 'false').`,
  },
  *check(realm) {
    for (const client of samlClients(realm)) {
      // Unset reads as required: Keycloak creates SAML clients with it on and treats only 'false' as off.
      if (client.attributes[CLIENT_SIGNATURE]?.toLowerCase() === 'false')
        yield { path: clientAttributePath(client, CLIENT_SIGNATURE), messageId: 'notRequired' };
    }
  },
});
