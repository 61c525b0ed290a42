import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, isOn, samlClients } from '../../entities.ts';
import { SAML_CORE, SAML_PROFILES } from '../../sources.ts';

const ONE_TIME_USE = 'saml.onetimeuse.condition';

export default defineRule('clients', {
  id: 'saml-one-time-use',
  title: 'SAML assertions carry the OneTimeUse condition',
  severity: 'medium',
  sources: [
    SAML_CORE('§2.5.1.5 (OneTimeUse)'),
    SAML_PROFILES('§4.1.4.5 (the service provider must not accept a bearer assertion twice)'),
  ],
  why: 'A bearer assertion grants a session to whoever presents it. The service provider must refuse a replay, and OneTimeUse tells it and every party that caches the assertion not to reuse it. Keycloak leaves `saml.onetimeuse.condition` off by default; it is defence in depth, since the service provider is meant to track assertion ids anyway.',
  remediation: {
    action: "Set saml.onetimeuse.condition to 'true' on the SAML client.",
  },
  params: { baseline: { severity: 'low' }, strict: { severity: 'medium' } },
  paramDocs: { severity: "How severe a missing OneTimeUse condition is: 'low' (baseline) or 'medium' (strict)." },
  messages: {
    missing: `Assertions for this SAML client lack the OneTimeUse condition (${ONE_TIME_USE} is not 'true').`,
  },
  *check(realm, { severity }) {
    for (const client of samlClients(realm)) {
      if (!isOn(client.attributes[ONE_TIME_USE]))
        yield {
          path: clientAttributePath(client, ONE_TIME_USE),
          messageId: 'missing',
          severity: severity === 'medium' ? 'medium' : 'low',
        };
    }
  },
});
