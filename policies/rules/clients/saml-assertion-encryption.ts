import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, isOn, samlClients } from '../../entities.ts';
import { SAML_CORE } from '../../sources.ts';

const ENCRYPT = 'saml.encrypt';

export default defineRule('clients', {
  id: 'saml-assertion-encryption',
  title: 'SAML assertions are encrypted',
  severity: 'medium',
  sources: [SAML_CORE('§2.3.4 (EncryptedAssertion)'), SAML_CORE('§6 (SAML and XML Encryption)')],
  why: "An assertion travels through the user's browser and, with TLS ending at proxies, through their logs: unencrypted, its attributes and NameID are readable there. Keycloak leaves `saml.encrypt` off by default; encrypting for the service provider's key keeps the assertion readable by the service provider alone.",
  remediation: {
    action: "Set saml.encrypt to 'true' on the SAML client and register the service provider's encryption certificate.",
  },
  params: { baseline: { severity: 'low' }, strict: { severity: 'medium' } },
  paramDocs: { severity: "How severe an unencrypted assertion is: 'low' (baseline) or 'medium' (strict)." },
  messages: { off: `Keycloak sends this SAML client's assertions unencrypted (${ENCRYPT} is not 'true').` },
  *check(realm, { severity }) {
    for (const client of samlClients(realm)) {
      if (!isOn(client.attributes[ENCRYPT]))
        yield {
          path: clientAttributePath(client, ENCRYPT),
          messageId: 'off',
          severity: severity === 'medium' ? 'medium' : 'low',
        };
    }
  },
});
