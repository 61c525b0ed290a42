import { defineRule } from '../../define-rule.ts';
import { clientPath, oidcClients } from '../../entities.ts';
import { ASVS, FAPI2, RFC9700 } from '../../sources.ts';

export default defineRule('clients', {
  id: 'client-authentication',
  title: 'Confidential clients authenticate with a private key or certificate',
  severity: 'medium',
  sources: [
    RFC9700('§2.5 (asymmetric client authentication recommended)'),
    ASVS('V10.4.16 (private_key_jwt or mTLS, L3)'),
    FAPI2('§5.3.3.4 (private_key_jwt or MTLS)'),
  ],
  why: 'A shared client secret is stored on both sides and travels with every token request; a private key (client-jwt) or certificate (client-x509) never leaves the client.',
  remediation: { baselineKey: 'clients[].authenticator', value: 'client-jwt' },
  params: {
    baseline: { allowed: ['client-jwt', 'client-x509'], severity: 'low' },
    strict: { allowed: ['client-jwt', 'client-x509'], severity: 'medium' },
  },
  paramDocs: {
    allowed: 'Authenticators that raise no finding.',
    severity: "Severity of a finding for any other authenticator ('low' advises, 'medium' fails by default).",
  },
  messages: {
    shared:
      'The confidential client authenticates with {{actual}} (a shared secret); prefer client-jwt or client-x509.',
  },
  *check(realm, { allowed, severity }) {
    for (const client of oidcClients(realm, { access: 'confidential' })) {
      if (allowed.includes(client.clientAuthenticatorType)) continue;
      yield {
        path: clientPath(client, 'clientAuthenticatorType'),
        messageId: 'shared',
        data: { actual: client.clientAuthenticatorType },
        severity: severity === 'medium' ? 'medium' : 'low',
      };
    }
  },
});
