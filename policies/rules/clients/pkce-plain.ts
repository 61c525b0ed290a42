import { defineRule } from '../../define-rule.ts';
import { clientAttributePath, oidcClients } from '../../entities.ts';
import { ASVS, RFC9700 } from '../../sources.ts';

const PKCE = 'pkce.code.challenge.method';

export default defineRule('clients', {
  id: 'pkce-plain',
  title: "PKCE does not use the 'plain' method",
  severity: 'high',
  sources: [ASVS('V10.4.6 (the plain code challenge method is rejected)'), RFC9700('§2.1.1 (use S256)')],
  why: "With 'plain' the challenge equals the verifier, so anyone who sees the authorization request can redeem the code.",
  remediation: { baselineKey: 'clients[].pkce', value: 'S256' },
  params: { baseline: {}, strict: {} },
  paramDocs: {},
  messages: { plain: "PKCE is set to 'plain', which protects nothing against an observer of the request." },
  *check(realm) {
    for (const client of oidcClients(realm)) {
      if (client.attributes[PKCE] === 'plain') yield { path: clientAttributePath(client, PKCE), messageId: 'plain' };
    }
  },
});
