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
    "A SAML client's valid redirect URIs decide where Keycloak posts assertions and logout responses when the request names its own AssertionConsumerServiceURL; Keycloak matches them as it matches OpenID Connect redirect URIs. " +
    '`*` alone accepts every URL: anyone can have a signed assertion for a user posted to a host they control. A trailing path wildcard (`https://sp.example.com/*`, and `https://sp.example.com*`, read as that since 26.4.13, 26.6.3 and 26.7.0) exposes every page of the service provider; a `*` inside the host is compared literally: a dead entry.',
  remediation: { baselineKey: 'clients[].redirectUris', value: ['https://sp.example.com/saml/acs'] },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: WILDCARD_MESSAGES,
  *check(realm) {
    for (const client of samlClients(realm)) {
      for (const [index, uri] of client.redirectUris.entries()) {
        const violation = wildcardViolation(
          uri,
          clientPath(client, 'redirectUris', String(index)),
          realm.keycloakVersion,
        );
        if (violation) yield violation;
      }
    }
  },
});
