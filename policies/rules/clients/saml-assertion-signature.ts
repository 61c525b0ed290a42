import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, isOn, samlClients } from '../../entities.ts';
import { SAML_CORE, SAML_PROFILES } from '../../sources.ts';

const ASSERTION = 'saml.assertion.signature';
const DOCUMENT = 'saml.server.signature';

export default defineRule('clients', {
  id: 'saml-assertion-signature',
  title: 'SAML assertions are signed',
  severity: 'critical',
  sources: [
    SAML_PROFILES(
      '§4.1.4.5 (POST binding: every assertion protected by a signature on the assertion or on the response)',
    ),
    SAML_CORE('§5 (SAML and XML Signature)'),
  ],
  why:
    'An unsigned assertion is only as trustworthy as the channel it travelled, and with the POST binding that channel is the browser: whoever can post to the service provider can assert any user. ' +
    'Keycloak signs the whole response (`saml.server.signature`, on by default) or the assertion itself (`saml.assertion.signature`, off by default); a signed response covers its assertion, so with it on an unsigned assertion is low: it matters only where the service provider passes the assertion on without its response.',
  remediation: {
    action: "Set saml.assertion.signature to 'true' on the SAML client, and keep saml.server.signature on.",
  },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: {
    unsigned: `Keycloak signs neither the SAML response (${DOCUMENT}) nor the assertion (${ASSERTION}).`,
    responseOnly: `Keycloak signs the SAML response but not the assertion itself (${ASSERTION} is not 'true').`,
  },
  *check(realm) {
    for (const client of samlClients(realm)) {
      if (isOn(client.attributes[ASSERTION])) continue;
      if (!isOn(client.attributes[DOCUMENT]))
        yield { path: clientAttributePath(client, DOCUMENT), messageId: 'unsigned' };
      else yield { path: clientAttributePath(client, ASSERTION), messageId: 'responseOnly', severity: 'low' };
    }
  },
});
