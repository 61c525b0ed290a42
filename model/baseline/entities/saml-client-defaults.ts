/**
 * What Keycloak 26.7.3 gives a SAML client created without these settings (shown on the server by
 * test/integration/model/saml-client-defaults.test.ts): a baseline SAML client that leaves an
 * option unset gets this, as the realm would.
 */
export const KEYCLOAK_SAML_CLIENT_ATTRIBUTES: Readonly<Record<string, string>> = {
  'saml.client.signature': 'true',
  'saml.server.signature': 'true',
  'saml.signature.algorithm': 'RSA_SHA256',
  'saml.force.post.binding': 'true',
};

/** The SAML client attributes Keycloak leaves unset on a new client (read as off). */
export const KEYCLOAK_SAML_UNSET_ATTRIBUTES: readonly string[] = [
  'saml.assertion.signature',
  'saml.encrypt',
  'saml.onetimeuse.condition',
];

export const KEYCLOAK_SAML_DEFAULT_CLIENT_SCOPES: readonly string[] = [
  'AuthnContextClassRef',
  'role_list',
  'saml_organization',
];
export const KEYCLOAK_SAML_OPTIONAL_CLIENT_SCOPES: readonly string[] = [];
