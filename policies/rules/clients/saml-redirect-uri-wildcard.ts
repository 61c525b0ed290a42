import { defineRule } from '../../define-rule.ts';
import { clientPath, samlClients } from '../../entities.ts';
import { WILDCARD_MESSAGES, wildcardViolation } from '../../redirect-wildcard-findings.ts';
import { SAML_PROFILES } from '../../sources.ts';

export default defineRule('clients', {
  id: 'saml-redirect-uri-wildcard',
  title: 'SAML redirect URIs are exact',
  severity: 'critical',
  sources: [
    SAML_PROFILES(
      '§4.1.4.1 (the identity provider must establish that the AssertionConsumerServiceURL belongs to the service provider)',
    ),
  ],
  why:
    "A SAML client's valid redirect URIs decide which AssertionConsumerServiceURL an AuthnRequest may name, and Keycloak matches them as it matches OpenID Connect redirect URIs. " +
    "`*` alone accepts every URL: whoever can send an AuthnRequest in the client's name has the assertion for a logged-in user posted to a host they control. A trailing path wildcard (`https://sp.example.com/*`, and `https://sp.example.com*`, read as that since 26.4.13, 26.6.3 and 26.7.0) exposes every page of the service provider; a `*` inside the host is compared literally: a dead entry. " +
    "While the client must sign its requests (`saml.client.signature`, Keycloak's default), Keycloak refuses an unsigned AuthnRequest whatever URL it names, so only the service provider itself can pick one: low.",
  remediation: { baselineKey: 'clients[].redirectUris', value: ['https://sp.example.com/saml/acs'] },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    ...WILDCARD_MESSAGES,
    signedRequests:
      "Redirect URI '{{uri}}' is a wildcard; Keycloak takes it only from AuthnRequests this client signs (saml.client.signature), so no one else can choose the URL.",
  },
  *check(realm) {
    for (const client of samlClients(realm)) {
      // Unset reads as required, as Keycloak creates SAML clients.
      const signedRequests = client.attributes['saml.client.signature']?.toLowerCase() !== 'false';
      for (const [index, uri] of client.redirectUris.entries()) {
        const path = clientPath(client, 'redirectUris', String(index));
        const violation = wildcardViolation(uri, path, realm.keycloakVersion);
        if (!violation) continue;
        if (signedRequests && violation.messageId !== 'dead')
          yield { path, messageId: 'signedRequests', data: { uri }, severity: 'low' };
        else yield violation;
      }
    }
  },
});
